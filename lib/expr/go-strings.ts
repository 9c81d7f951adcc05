import { isGoSpace } from './tokenize-expr';

// Go's strings package, where it differs from JavaScript's: Go works in UTF-8 bytes and code points, trims only
// Unicode white space, and has its own rules for empty separators and counts.

/** The length of a string in UTF-8 bytes, which is what Go's len and strings.Index count. */
export function utf8Length(text: string): number {
  let length = 0;
  for (const char of text) {
    const code = char.codePointAt(0) ?? 0;
    length += code < 0x80 ? 1 : code < 0x800 ? 2 : code < 0x10000 ? 3 : 4;
  }
  return length;
}

/** strings.Index: the UTF-8 byte offset of the first match, or -1. */
export function goIndex(text: string, sub: string): number {
  const index = text.indexOf(sub);
  return index < 0 ? -1 : utf8Length(text.slice(0, index));
}

/** strings.LastIndex: the UTF-8 byte offset of the last match, or -1. */
export function goLastIndex(text: string, sub: string): number {
  const index = text.lastIndexOf(sub);
  return index < 0 ? -1 : utf8Length(text.slice(0, index));
}

/** strings.TrimSpace: trims Unicode white space as Go defines it. */
export function goTrimSpace(text: string): string {
  const chars = [...text];
  let start = 0;
  let end = chars.length;
  while (start < end && isGoSpace(chars[start] ?? '')) start += 1;
  while (end > start && isGoSpace(chars[end - 1] ?? '')) end -= 1;
  return chars.slice(start, end).join('');
}

/** strings.Trim, TrimLeft and TrimRight: removes leading and/or trailing code points found in cutset. */
export function goTrim(text: string, cutset: string, sides: 'both' | 'left' | 'right' = 'both'): string {
  const cut = new Set(cutset);
  const chars = [...text];
  let start = 0;
  let end = chars.length;
  if (sides !== 'right') while (start < end && cut.has(chars[start] ?? '')) start += 1;
  if (sides !== 'left') while (end > start && cut.has(chars[end - 1] ?? '')) end -= 1;
  return chars.slice(start, end).join('');
}

/** strings.SplitN (and Split with n = -1); `after` keeps the separator, as SplitAfterN does. */
export function goSplit(text: string, separator: string, n = -1, after = false): string[] {
  if (n === 0) return [];
  if (separator === '') {
    const chars = [...text];
    if (n < 0 || n >= chars.length) return chars;
    return [...chars.slice(0, n - 1), chars.slice(n - 1).join('')];
  }
  const parts: string[] = [];
  let rest = text;
  while (n < 0 || parts.length < n - 1) {
    const index = rest.indexOf(separator);
    if (index < 0) break;
    parts.push(rest.slice(0, index + (after ? separator.length : 0)));
    rest = rest.slice(index + separator.length);
  }
  parts.push(rest);
  return parts;
}

/** strings.Replace: replaces the first n (all when n < 0) non-overlapping matches; "" matches between code points. */
export function goReplace(text: string, old: string, replacement: string, n = -1): string {
  if (n === 0) return text;
  if (old === '') {
    const chars = [...text];
    let out = '';
    let count = 0;
    for (let i = 0; i <= chars.length; i++) {
      if (n < 0 || count < n) {
        out += replacement;
        count += 1;
      }
      out += chars[i] ?? '';
    }
    return out;
  }
  let out = '';
  let rest = text;
  let count = 0;
  while (n < 0 || count < n) {
    const index = rest.indexOf(old);
    if (index < 0) break;
    out += rest.slice(0, index) + replacement;
    rest = rest.slice(index + old.length);
    count += 1;
  }
  return out + rest;
}

/** strings.Title's word rule (deprecated in Go, still what sprig uses): upper-case the first letter of each word. */
export function goTitle(text: string): string {
  let previous = ' ';
  let out = '';
  for (const char of text) {
    out += isTitleSeparator(previous) ? char.toUpperCase() : char;
    previous = char;
  }
  return out;
}

function isTitleSeparator(char: string): boolean {
  if (/^[\p{L}\p{Nd}_]$/u.test(char)) return false;
  if ((char.codePointAt(0) ?? 0) < 0x80) return true; // other ASCII is a separator
  return isGoSpace(char);
}

/** strings.ToUpper: Go maps each code point on its own, so "ß" stays "ß" where JavaScript gives "SS". */
export function goToUpper(text: string): string {
  return [...text].map((char) => {
    const upper = char.toUpperCase();
    return [...upper].length === 1 ? upper : char;
  }).join('');
}

/** strings.ToLower: one code point for one, so "İ" becomes "i" (JavaScript adds a combining dot). */
export function goToLower(text: string): string {
  return [...text].map((char) => {
    const lower = char.toLowerCase();
    return [...lower].length === 1 ? lower : ([...lower][0] ?? char);
  }).join('');
}
