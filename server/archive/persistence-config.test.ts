import { expect, it } from 'vitest';
import { archiveSelector, clusterNameOf, parseTtlSeconds, readPersistenceConfig } from './persistence-config';

const persistence = `
archive: true
archiveTTL: 7d
clusterName: east
archiveLabelSelector:
  matchLabels: {keep: "yes"}
  matchExpressions: [{key: tier, operator: In, values: [a, b]}, {key: tmp, operator: DoesNotExist}]
postgresql:
  host: db
  port: 5433
  database: argo
  tableName: argo_workflows
  userNameSecret: {name: s, key: u}
  passwordSecret: {name: s, key: p}
`;

it("reads persistence from a ConfigMap's own key or from its config key", () => {
  const own = readPersistenceConfig({ persistence });
  expect(own).toMatchObject({ archive: true, clusterName: 'east', postgresql: { host: 'db', port: 5433, database: 'argo' } });
  const indented = persistence.split('\n').map((l) => `  ${l}`).join('\n');
  expect(readPersistenceConfig({ config: `persistence:\n${indented}` })).toEqual(own);
  expect(readPersistenceConfig({ metricsConfig: 'enabled: true' })).toBeUndefined();
  expect(readPersistenceConfig(undefined)).toBeUndefined();
  expect(() => readPersistenceConfig({ persistence: 'archive: maybe' })).toThrow(/persistence.archive/);
});

it('defaults the cluster name, and maps the archive label selector', () => {
  expect(clusterNameOf(undefined)).toBe('default');
  expect(archiveSelector(readPersistenceConfig({ persistence }))).toEqual([
    { key: 'keep', operator: '=', values: ['yes'] },
    { key: 'tier', operator: 'in', values: ['a', 'b'] },
    { key: 'tmp', operator: '!', values: [] },
  ]);
  expect(archiveSelector(undefined)).toEqual([]);
});

it('parses archiveTTL as Argo: days or a Go duration', () => {
  expect(parseTtlSeconds('7d')).toBe(7 * 86_400);
  expect(parseTtlSeconds('1h30m')).toBe(5_400);
  expect(parseTtlSeconds('90s')).toBe(90);
  expect(parseTtlSeconds(undefined)).toBe(0);
  expect(() => parseTtlSeconds('soon')).toThrow(/invalid duration/);
});
