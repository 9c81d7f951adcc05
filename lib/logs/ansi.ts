/** A colour from a terminal: one of the 16 named colours (0–15), a 256-colour index, or 24-bit `#rrggbb`. */
export type AnsiColour = { index: number } | { rgb: string };

/** The text style SGR sequences set. */
export interface AnsiStyle {
  fg?: AnsiColour;
  bg?: AnsiColour;
  bold?: boolean;
  dim?: boolean;
  italic?: boolean;
  underline?: boolean;
  inverse?: boolean;
  strike?: boolean;
}

/** A run of text in one style. */
export interface AnsiSegment {
  text: string;
  style: AnsiStyle;
}

// CSI (ESC [ params final), OSC (ESC ] ... BEL or ESC \), and two-character escapes (ESC followed by one char).
// eslint-disable-next-line no-control-regex
const escape = /\x1b(?:\[([0-9;:?]*)([@-~])|\][^\x07\x1b]*(?:\x07|\x1b\\)?|[@-Z\\-_])/g;

const hex = (n: number) => Math.max(0, Math.min(255, n)).toString(16).padStart(2, '0');

/** Reads a 38/48 extended colour starting at `codes[i]` (5;n or 2;r;g;b); returns the colour and codes used. */
function extendedColour(codes: number[], i: number): [AnsiColour | undefined, number] {
  if (codes[i + 1] === 5 && codes[i + 2] !== undefined) return [{ index: codes[i + 2]! }, 3];
  if (codes[i + 1] === 2 && codes[i + 4] !== undefined) return [{ rgb: `#${hex(codes[i + 2]!)}${hex(codes[i + 3]!)}${hex(codes[i + 4]!)}` }, 5];
  // An incomplete colour swallows the rest of the sequence, as terminals do.
  return [undefined, codes.length - i];
}

/** The style after one SGR sequence's parameters (`1;31`); an empty list resets, as terminals do. */
export function applySgr(style: AnsiStyle, params: string): AnsiStyle {
  const codes = params === '' ? [0] : params.split(/[;:]/).map((p) => (p === '' ? 0 : Number(p)));
  let next: AnsiStyle = { ...style };
  for (let i = 0; i < codes.length; i++) {
    const code = codes[i]!;
    if (code === 0) next = {};
    else if (code === 1) next.bold = true;
    else if (code === 2) next.dim = true;
    else if (code === 3) next.italic = true;
    else if (code === 4) next.underline = true;
    else if (code === 7) next.inverse = true;
    else if (code === 9) next.strike = true;
    else if (code === 22) { delete next.bold; delete next.dim; }
    else if (code === 23) delete next.italic;
    else if (code === 24) delete next.underline;
    else if (code === 27) delete next.inverse;
    else if (code === 29) delete next.strike;
    else if (code >= 30 && code <= 37) next.fg = { index: code - 30 };
    else if (code >= 90 && code <= 97) next.fg = { index: code - 90 + 8 };
    else if (code === 39) delete next.fg;
    else if (code >= 40 && code <= 47) next.bg = { index: code - 40 };
    else if (code >= 100 && code <= 107) next.bg = { index: code - 100 + 8 };
    else if (code === 49) delete next.bg;
    else if (code === 38 || code === 48) {
      const [colour, used] = extendedColour(codes, i);
      if (colour) next[code === 38 ? 'fg' : 'bg'] = colour;
      i += used - 1;
    }
  }
  return next;
}

/**
 * Splits text with ANSI escape sequences into styled runs. Colour and style (SGR) sequences are applied; every
 * other escape (cursor moves, erase, titles) is dropped, so logs of tools that redraw progress bars stay readable.
 * `initial` carries a style over from a previous line; `style` in the result is the style at the end.
 */
export function parseAnsi(text: string, initial: AnsiStyle = {}): { segments: AnsiSegment[]; style: AnsiStyle } {
  const segments: AnsiSegment[] = [];
  let style = initial;
  let last = 0;
  const push = (end: number) => {
    if (end <= last) return;
    const chunk = text.slice(last, end);
    const previous = segments[segments.length - 1];
    if (previous && previous.style === style) previous.text += chunk;
    else segments.push({ text: chunk, style });
  };
  if (!text.includes('\x1b')) return { segments: text ? [{ text, style }] : [], style };
  escape.lastIndex = 0;
  for (let match = escape.exec(text); match; match = escape.exec(text)) {
    push(match.index);
    last = match.index + match[0].length;
    if (match[2] === 'm') style = applySgr(style, match[1] ?? '');
  }
  push(text.length);
  return { segments, style };
}

/** The text with every escape sequence removed (for search, copy and download). */
export function stripAnsi(text: string): string {
  return text.includes('\x1b') ? text.replace(escape, '') : text;
}
