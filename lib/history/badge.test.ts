import { describe, expect, it } from 'vitest';
import { badgeStatus, renderBadge } from './badge';

describe('badge', () => {
  it('says the last build status with its number', () => {
    expect(badgeStatus('Succeeded', 42).text).toBe('#42 passing');
    expect(badgeStatus('Failed', 3).text).toBe('#3 failing');
    expect(badgeStatus(undefined, undefined).text).toBe('no builds');
  });
  it('escapes text into the SVG', () => {
    const svg = renderBadge('a<b', badgeStatus('Running', 1));
    expect(svg).toContain('a&lt;b');
    expect(svg).toMatch(/^<svg[^>]+width="\d+"/);
  });
});
