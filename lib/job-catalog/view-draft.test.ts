import { describe, expect, it } from 'vitest';
import { draftOf, draftProblems, filterOfDraft } from './view-draft';

describe('view drafts', () => {
  it('round-trips a filter through the form, dropping empty fields and trimming', () => {
    const draft = draftOf('Team A', { folder: 'team-a', lastStatus: ['None', 'Failed'] });
    expect(draft).toMatchObject({ name: 'Team A', folder: 'team-a', namespace: '', lastStatus: ['Failed', 'None'] });
    expect(filterOfDraft({ ...draft, folder: '/team-a/backend/', labels: ' tier=web ', search: '  ' })).toEqual({
      folder: 'team-a/backend', labels: 'tier=web', lastStatus: ['Failed', 'None'],
    });
    expect(filterOfDraft(draftOf('All', {}))).toEqual({});
  });
  it('names what is wrong: no name, a bad label selector, a bad regex', () => {
    expect(draftProblems(draftOf('ok', { labels: 'a in (x,y)', nameRegex: '^build-' }))).toEqual({});
    const problems = draftProblems({ ...draftOf(' ', {}), labels: 'a b', nameRegex: '(' });
    expect(Object.keys(problems).sort()).toEqual(['labels', 'name', 'nameRegex']);
    expect(problems.nameRegex).toMatch(/^Not a regular expression/);
  });
});
