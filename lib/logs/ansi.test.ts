import { describe, expect, it } from 'vitest';
import { applySgr, parseAnsi, stripAnsi } from './ansi';

describe('parseAnsi', () => {
  it('returns plain text as one unstyled run', () => {
    expect(parseAnsi('hello').segments).toEqual([{ text: 'hello', style: {} }]);
    expect(parseAnsi('').segments).toEqual([]);
  });
  it('applies colours and resets', () => {
    const { segments, style } = parseAnsi('a\x1b[31mred\x1b[0m b \x1b[1;92mok');
    expect(segments).toEqual([
      { text: 'a', style: {} },
      { text: 'red', style: { fg: { index: 1 } } },
      { text: ' b ', style: {} },
      { text: 'ok', style: { bold: true, fg: { index: 10 } } },
    ]);
    expect(style).toEqual({ bold: true, fg: { index: 10 } });
  });
  it('reads 256-colour and 24-bit colours, foreground and background', () => {
    expect(parseAnsi('\x1b[38;5;208mx').segments[0]!.style).toEqual({ fg: { index: 208 } });
    expect(parseAnsi('\x1b[48;2;255;0;16mx').segments[0]!.style).toEqual({ bg: { rgb: '#ff0010' } });
    expect(parseAnsi('\x1b[38;2;1;2mx').segments[0]!.style).toEqual({});
  });
  it('treats an empty SGR as a reset and turns single attributes off', () => {
    expect(parseAnsi('\x1b[1;4mA\x1b[mB').segments.map((s) => s.style)).toEqual([{ bold: true, underline: true }, {}]);
    expect(applySgr({ bold: true, dim: true, fg: { index: 1 } }, '22;39')).toEqual({});
    expect(applySgr({}, '3;7;9;41')).toEqual({ italic: true, inverse: true, strike: true, bg: { index: 1 } });
  });
  it('drops cursor, erase and title sequences', () => {
    expect(parseAnsi('\x1b[2K\x1b[1Gprogress 50%\x1b]0;title\x07 done').segments).toEqual([{ text: 'progress 50% done', style: {} }]);
  });
  it('carries a style over from a previous line', () => {
    const first = parseAnsi('\x1b[33mstart');
    expect(parseAnsi('more', first.style).segments).toEqual([{ text: 'more', style: { fg: { index: 3 } } }]);
  });
});

describe('stripAnsi', () => {
  it('removes every escape', () => {
    expect(stripAnsi('\x1b[1;31merror\x1b[0m: \x1b[Kbad')).toBe('error: bad');
    expect(stripAnsi('plain')).toBe('plain');
  });
});
