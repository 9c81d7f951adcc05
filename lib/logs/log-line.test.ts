import { describe, expect, it } from 'vitest';
import { type LogLine, findMatches, matchingLines, toLogLine, toLogText } from './log-line';

const fields = (line: LogLine) => ({ podName: line.podName, time: line.time, text: line.text, plain: line.plain });

describe('toLogLine', () => {
  it('splits an RFC 3339 timestamp off when asked', () => {
    expect(fields(toLogLine('p', '2026-01-02T03:04:05.123Z hello world', true))).toEqual({ podName: 'p', time: '2026-01-02T03:04:05.123Z', text: 'hello world', plain: 'hello world' });
    expect(toLogLine('p', '2026-01-02T03:04:05Z x', false).text).toBe('2026-01-02T03:04:05Z x');
    expect(toLogLine('p', '2026-01-02T03:04:05+02:00 x', true).time).toBe('2026-01-02T03:04:05+02:00');
    expect(fields(toLogLine('p', 'no time here', true))).toEqual({ podName: 'p', text: 'no time here', plain: 'no time here' });
  });
  it('keeps the escapes in text and strips them from plain', () => {
    expect(toLogLine('p', '\x1b[31mred\x1b[0m', false).plain).toBe('red');
  });
});

describe('search', () => {
  it('finds every match ignoring case', () => {
    expect(findMatches('Error: error ERROR', 'error')).toEqual([[0, 5], [7, 12], [13, 18]]);
    expect(findMatches('aaaa', 'aa')).toEqual([[0, 2], [2, 4]]);
    expect(findMatches('x', '')).toEqual([]);
  });
  it('lists matching lines incrementally', () => {
    const lines = ['one', 'Two', 'three', 'two again'].map((t) => toLogLine('p', t, false));
    expect(matchingLines(lines, 'two')).toEqual([1, 3]);
    expect(matchingLines(lines, 'two', 2, [1])).toEqual([1, 3]);
  });
});

describe('toLogText', () => {
  it('writes pods and times when asked', () => {
    const lines = [toLogLine('a', '2026-01-02T03:04:05Z \x1b[1mhi', true), toLogLine('b', 'there', true)];
    expect(toLogText(lines, { podNames: true, timestamps: true })).toBe('2026-01-02T03:04:05Z a: hi\nb: there');
    expect(toLogText(lines, { podNames: false, timestamps: false })).toBe('hi\nthere');
  });
});
