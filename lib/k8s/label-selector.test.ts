import { describe, expect, it } from 'vitest';
import { isParsableLabelSelector, matchesLabels, parseLabelSelector } from './label-selector';

describe('label selectors', () => {
  const labels = { app: 'web', tier: 'front', 'workflows.argoproj.io/phase': 'Running' };

  it.each([
    ['app=web', true],
    ['app==web', true],
    ['app!=web', false],
    ['app in (web, api)', true],
    ['tier notin (front)', false],
    ['app,tier', true],
    ['!missing', true],
    ['!app', false],
    ['app=web,workflows.argoproj.io/phase in (Running,Pending)', true],
    ['', true],
  ])('%s -> %s', (selector, expected) => {
    expect(matchesLabels(labels, parseLabelSelector(selector))).toBe(expected);
  });

  it('rejects malformed selectors', () => {
    expect(() => parseLabelSelector('a in x')).toThrow(/unable to parse requirement/);
  });

  it('tells a parsable selector (or none) from a bad one', () => {
    expect([undefined, '', 'app=web', 'a in (b)'].map(isParsableLabelSelector)).toEqual([true, true, true, true]);
    expect(['a in (', '=x'].map(isParsableLabelSelector)).toEqual([false, false]);
  });
});
