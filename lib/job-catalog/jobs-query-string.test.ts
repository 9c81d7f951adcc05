import { describe, expect, it } from 'vitest';
import { filterOf, hasFilter, parseJobsQuery, toJobsQuery } from './jobs-query-string';

describe('parseJobsQuery', () => {
  it('reads every filter, a view and favourites', () => {
    expect(parseJobsQuery(new URLSearchParams('view=nightly&favourites=1&folder=team-a&namespace=argo&q=build&labels=tier%3Dweb&name=%5Eci-&status=Failed,Error'))).toEqual({
      view: 'nightly', favourites: true, folder: 'team-a', namespace: 'argo', search: 'build', labels: 'tier=web', nameRegex: '^ci-',
      lastStatus: ['Failed', 'Error'],
    });
  });

  it('drops empty values and unknown statuses', () => {
    expect(parseJobsQuery(new URLSearchParams('q=%20&status=Nope,None,None'))).toEqual({ favourites: false, lastStatus: ['None'] });
  });
});

describe('toJobsQuery', () => {
  it('round-trips, in a stable order', () => {
    const text = 'view=v&favourites=1&folder=a%2Fb&q=x+y&status=Succeeded';
    expect(toJobsQuery(parseJobsQuery(new URLSearchParams(text)))).toBe(text);
    expect(toJobsQuery({ favourites: false })).toBe('');
  });
});

describe('filterOf and hasFilter', () => {
  it('keep only the filter', () => {
    expect(filterOf({ view: 'v', favourites: true, folder: 'a', search: ' ' })).toEqual({ folder: 'a' });
    expect(hasFilter({ view: 'v', favourites: true })).toBe(false);
    expect(hasFilter({ favourites: false, lastStatus: ['None'] })).toBe(true);
  });
});
