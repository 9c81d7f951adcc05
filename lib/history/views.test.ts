import { describe, expect, it } from 'vitest';
import { checkView, viewIdOf } from './views';

describe('views', () => {
  it('derives ids from names', () => {
    expect(viewIdOf('Team A: failing!')).toBe('team-a-failing');
    expect(viewIdOf('Ünïcode')).toBe('unicode');
  });
  it('refuses empty names, bad ids and bad filters', () => {
    expect(() => checkView('ok', ' ', {})).toThrow(/name is empty/);
    expect(() => checkView('Bad Id', 'x', {})).toThrow(/view id/);
    expect(() => checkView('ok', 'x', { nameRegex: '[' })).toThrow(/nameRegex/);
    expect(() => checkView('ok', 'x', { folder: 'a' })).not.toThrow();
  });
});
