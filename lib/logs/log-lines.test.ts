import { describe, expect, it } from 'vitest';
import { LogBatchBuilder, LogStreamParser, addPlainLines } from './log-batch';
import { LogLines, findMatches } from './log-lines';

/** Lines in batches of `size`, as the worker would send them. */
function linesOf(entries: [pod: string, content: string][], size = 2): LogLines {
  const lines = new LogLines();
  const builder = new LogBatchBuilder();
  entries.forEach(([pod, content], i) => {
    builder.add(pod, content);
    if ((i + 1) % size === 0) lines.append(builder.take()!);
  });
  const rest = builder.take();
  if (rest) lines.append(rest);
  return lines;
}

describe('LogLines', () => {
  it('splits an RFC 3339 timestamp off', () => {
    const lines = linesOf([['p', '2026-01-02T03:04:05.123Z hello world'], ['p', '2026-01-02T03:04:05+02:00 x'], ['q', 'no time here']]);
    expect(lines.length).toBe(3);
    expect(lines.line(0)).toEqual({ podName: 'p', time: '2026-01-02T03:04:05.123Z', text: 'hello world' });
    expect(lines.line(1).time).toBe('2026-01-02T03:04:05+02:00');
    expect(lines.line(2)).toEqual({ podName: 'q', text: 'no time here' });
  });
  it('reads lines in any order across batches', () => {
    const lines = linesOf(Array.from({ length: 10 }, (_, i) => [`pod-${i % 3}`, `line ${i}`]), 3);
    for (const i of [9, 0, 4, 5, 3, 8, 1]) expect(lines.line(i)).toEqual({ podName: `pod-${i % 3}`, text: `line ${i}` });
  });
  it('keeps the escapes in text and strips them from plain; the widest line is counted without them', () => {
    const lines = linesOf([['p', '\x1b[31mred\x1b[0m'], ['p', 'four']]);
    expect(lines.line(0).text).toBe('\x1b[31mred\x1b[0m');
    expect(lines.plain(0)).toBe('red');
    expect(lines.widest).toBe(4);
    expect([lines.plainLength(0), lines.plainLength(1)]).toEqual([3, 4]);
  });
});

describe('search', () => {
  it('finds every match ignoring case', () => {
    expect(findMatches('Error: error ERROR', 'error')).toEqual([[0, 5], [7, 12], [13, 18]]);
    expect(findMatches('aaaa', 'aa')).toEqual([[0, 2], [2, 4]]);
    expect(findMatches('x', '')).toEqual([]);
  });
  it('lists matching lines incrementally, across batches, once per line', () => {
    const lines = linesOf([['p', 'one'], ['p', 'Two two'], ['p', 'three'], ['p', 'two again'], ['p', 'x'], ['p', 'TWO']], 4);
    expect(lines.matching('two')).toEqual([1, 3, 5]);
    expect(lines.matching('two', 2, [1])).toEqual([1, 3, 5]);
    expect(lines.matching('two', 4)).toEqual([5]);
    expect(lines.matching('')).toEqual([]);
  });
  it('matches neither the timestamp nor escape sequences, nor across lines', () => {
    const lines = linesOf([['p', '2026-01-02T03:04:05Z \x1b[1mbold\x1b[0m end'], ['p', 'start']]);
    expect(lines.matching('05z')).toEqual([]);
    expect(lines.matching('bold end')).toEqual([0]);
    expect(lines.matching('[1m')).toEqual([]);
    expect(lines.matching('endstart')).toEqual([]);
  });
});

describe('toText', () => {
  it('writes pods and times when asked', () => {
    const lines = linesOf([['a', '2026-01-02T03:04:05Z \x1b[1mhi'], ['b', 'there']]);
    expect(lines.toText({ podNames: true, timestamps: true })).toBe('2026-01-02T03:04:05Z a: hi\nb: there');
    expect(lines.toText({ podNames: false, timestamps: false })).toBe('hi\nthere');
  });
});

describe('LogStreamParser', () => {
  it('reads entries split across chunks, and the stream error', () => {
    const builder = new LogBatchBuilder();
    const parser = new LogStreamParser(builder);
    parser.push('{"result":{"content":"2026-01-02T03:04:05Z a","podName":"p"}}\n{"result":{"con');
    parser.push('tent":"b","podName":"q"}}\n\n{"error":{"message":"gone"}}');
    parser.end();
    const lines = new LogLines();
    lines.append(builder.take()!);
    expect([lines.line(0), lines.line(1)]).toEqual([{ podName: 'p', time: '2026-01-02T03:04:05Z', text: 'a' }, { podName: 'q', text: 'b' }]);
    expect(parser.error).toBe('gone');
    expect(builder.take()).toBeUndefined();
  });
  it('reads a plain text log, skipping empty lines', () => {
    const builder = new LogBatchBuilder();
    addPlainLines(builder, 'p', 'one\n\ntwo\n');
    const lines = new LogLines();
    lines.append(builder.take()!);
    expect(lines.length).toBe(2);
    expect(lines.line(1)).toEqual({ podName: 'p', text: 'two' });
  });
});
