import { expect, it } from 'vitest';
import { creationSliceMs, savePaceMs } from './save-pace';

it('leaves small workflows unpaced and paces big ones by their size, at most 1 s', () => {
  expect(savePaceMs(1)).toBe(0);
  expect(savePaceMs(99)).toBe(0);
  expect(savePaceMs(100)).toBe(50);
  expect(savePaceMs(1000)).toBe(500);
  expect(savePaceMs(2003)).toBe(1000);
  expect(savePaceMs(50_000)).toBe(1000);
});

it('lets a pod-creation pass run at least 1 s, and four times the save pace for big workflows', () => {
  expect(creationSliceMs(3)).toBe(1000);
  expect(creationSliceMs(400)).toBe(1000);
  expect(creationSliceMs(1000)).toBe(2000);
  expect(creationSliceMs(2003)).toBe(4000);
});
