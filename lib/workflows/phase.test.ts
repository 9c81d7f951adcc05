import { expect, it } from 'vitest';
import { formatDuration } from './phase';

it('formats durations', () => {
  expect(formatDuration(45)).toBe('45s');
  expect(formatDuration(185)).toBe('3m 5s');
  expect(formatDuration(7260)).toBe('2h 1m');
  expect(formatDuration(-1)).toBe('-');
});
