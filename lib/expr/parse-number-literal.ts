// expr-lang's number literals (parser.parseSecondary): underscores are separators; 0x, 0b and 0o prefixes are
// ints; a "." or "e" makes a float; everything else is a decimal int, which must fit in 64 bits.

/** A parsed number literal. */
export type NumberLiteral = { kind: 'int'; value: bigint } | { kind: 'float'; value: number };

/** Parses the text of a number token; returns the literal, or the error message expr-lang gives. */
export function parseNumberLiteral(token: string): NumberLiteral | string {
  const text = token.replaceAll('_', '');
  const lower = text.toLowerCase();
  const integer = (digits: string, radix: string, label: string): NumberLiteral | string => {
    let value: bigint;
    try {
      // BigInt('') is 0, but "0x" alone is not a number.
      if (digits === '') throw new SyntaxError('empty');
      value = BigInt(radix === '' ? digits : `0${radix}${digits}`);
    } catch {
      return `invalid ${label} literal: strconv.ParseInt: parsing ${JSON.stringify(text)}: invalid syntax`;
    }
    if (value > 9_223_372_036_854_775_807n) {
      return `invalid ${label} literal: strconv.ParseInt: parsing ${JSON.stringify(text)}: value out of range`;
    }
    return { kind: 'int', value };
  };
  if (lower.startsWith('0x')) return integer(text.slice(2), 'x', 'hex');
  if (lower.includes('.') || lower.includes('e')) {
    const value = Number(text);
    if (Number.isNaN(value)) return `invalid float literal: strconv.ParseFloat: parsing ${JSON.stringify(text)}: invalid syntax`;
    if (!Number.isFinite(value)) return 'float literal is too large';
    return { kind: 'float', value };
  }
  if (lower.startsWith('0b')) return integer(text.slice(2), 'b', 'binary');
  if (lower.startsWith('0o')) return integer(text.slice(2), 'o', 'octal');
  return integer(text.replace(/^0+(?=\d)/, ''), '', 'integer');
}
