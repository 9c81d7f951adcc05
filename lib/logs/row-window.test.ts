import { describe, expect, it } from 'vitest';
import { rowWindow } from './row-window';

const options = { rowHeight: 20, overscan: 2 };
const view = { top: 0, height: 100 };

describe('rowWindow', () => {
  it('follows the end: the last rows in view', () => {
    expect(rowWindow(1000, view, { ...options, follow: true })).toEqual({ first: 994, end: 1000 });
  });
  it('shows the rows under the scroll offset, with the overscan each side, when not following', () => {
    expect(rowWindow(1000, { top: 2000, height: 100 }, { ...options, follow: false })).toEqual({ first: 98, end: 108 });
  });
  it('stays within the lines at both ends and with fewer lines than the view', () => {
    expect(rowWindow(1000, { top: 0, height: 100 }, { ...options, follow: false })).toEqual({ first: 0, end: 10 });
    expect(rowWindow(1000, { top: 1e9, height: 100 }, { ...options, follow: false })).toEqual({ first: 992, end: 1000 });
    expect(rowWindow(3, view, { ...options, follow: true })).toEqual({ first: 0, end: 3 });
    expect(rowWindow(3, view, { ...options, follow: false })).toEqual({ first: 0, end: 3 });
    expect(rowWindow(0, view, { ...options, follow: false })).toEqual({ first: 0, end: 0 });
  });
  it('costs the same whatever the number of lines', () => {
    expect(rowWindow(1e9, view, { ...options, follow: true })).toEqual({ first: 1e9 - 6, end: 1e9 });
  });
});
