import { expect, it } from 'vitest';
import { parseArchiveLabelSelector, parseArchiveListParams } from './archive-filter';

it('reads argo-server list options: offset paging, field selector, remaining item count', () => {
  expect(parseArchiveListParams({ limit: 5, continue: '10', fieldSelector: 'metadata.namespace=argo,ext.showRemainingItemCount=true' })).toEqual({
    namespace: 'argo', namespaceNotEquals: false, labels: [], limit: 5, offset: 10, showRemainingItemCount: true,
  });
  expect(parseArchiveListParams({ namespace: 'a', namePrefix: 'p', nameFilter: 'Contains', fieldSelector: 'metadata.name=x' })).toMatchObject({
    namespace: 'a', namePrefix: 'p', name: 'x', nameFilter: 'Contains',
  });
});

it('refuses what argo-server refuses', () => {
  expect(() => parseArchiveListParams({ continue: 'x' })).toThrow('listOptions.continue must be int');
  expect(() => parseArchiveListParams({ fieldSelector: 'status.phase=Failed' })).toThrow('unsupported requirement status.phase=Failed');
  expect(() => parseArchiveListParams({ namespace: 'a', fieldSelector: 'metadata.namespace=b' })).toThrow(/contradict each other/);
  expect(() => parseArchiveListParams({ fieldSelector: 'ext.showRemainingItemCount=maybe' })).toThrow(/ParseBool/);
});

it('parses label selectors with integer comparisons', () => {
  expect(parseArchiveLabelSelector('workflows.argoproj.io/phase in (Failed,Error),n>5,m < 2,k')).toEqual([
    { key: 'workflows.argoproj.io/phase', operator: 'in', values: ['Failed', 'Error'] },
    { key: 'n', operator: 'gt', values: ['5'] },
    { key: 'm', operator: 'lt', values: ['2'] },
    { key: 'k', operator: 'exists', values: [] },
  ]);
  expect(() => parseArchiveLabelSelector('n>x')).toThrow(/must be an integer/);
  expect(() => parseArchiveLabelSelector('a in (b')).toThrow();
});
