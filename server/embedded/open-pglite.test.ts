import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, expect, it } from 'vitest';
import { openPglite } from './open-pglite';

const root = mkdtempSync(join(tmpdir(), 'capstan-open-pglite-'));
afterAll(() => rmSync(root, { recursive: true, force: true }));

it('creates a database in a new directory and opens it again with its data', async () => {
  const dir = join(root, 'db');
  const created = await openPglite(dir);
  await created.exec('create table kept (value text); insert into kept values (\'here\')');
  await created.close();
  const reopened = await openPglite(dir);
  expect((await reopened.query<{ value: string }>('select value from kept')).rows).toEqual([{ value: 'here' }]);
  await reopened.close();
}, 120_000);

it('says which directory it could not create a database in', async () => {
  const file = join(root, 'a-file');
  writeFileSync(file, '');
  await expect(openPglite(join(file, 'db'))).rejects.toThrow(/a-file/);
});
