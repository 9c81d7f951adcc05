import { expect, it } from 'vitest';
import { isCompleted } from './phases';

it('knows which phases are final', () => {
  expect(['Succeeded', 'Failed', 'Error'].every(isCompleted)).toBe(true);
  expect(['', 'Pending', 'Running', undefined].some(isCompleted)).toBe(false);
});
