import { expect, it } from 'vitest';
import { deleteArchivedWorkflow, getArchivedWorkflow, listArchivedLabelKeys, listArchivedLabelValues, listArchivedWorkflows } from './archive-service';

// Without an archive (kubernetes mode with no persistence) Capstan answers as argo-server with its null archive.
it('answers as argo-server does without persistence', async () => {
  expect(await listArchivedWorkflows(undefined, {})).toEqual({ metadata: {}, items: null });
  expect(await listArchivedLabelKeys(undefined)).toEqual({});
  expect(await listArchivedLabelValues(undefined, 'team')).toEqual({});
  await expect(getArchivedWorkflow(undefined, { uid: 'x' })).rejects.toMatchObject({ code: 13, message: 'getting archived workflows not supported' });
  await expect(deleteArchivedWorkflow(undefined, { uid: 'x' })).rejects.toMatchObject({ code: 13 });
});

it('checks requests as argo-server does', async () => {
  await expect(listArchivedWorkflows(undefined, { continue: '-1' })).rejects.toMatchObject({ code: 3, message: 'listOptions.continue must >= 0' });
  await expect(listArchivedLabelValues(undefined, 'a,b')).rejects.toMatchObject({ code: 3, message: 'only allow 1 labelRequirement, found 2' });
  await expect(listArchivedLabelValues(undefined, 'a in (b)')).rejects.toMatchObject({ code: 3, message: 'operation in is not supported' });
  expect(await listArchivedLabelValues(undefined, 'pod-hash', '^pod-')).toEqual({});
});
