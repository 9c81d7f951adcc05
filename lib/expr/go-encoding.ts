import { fail } from './expression-error';

// Byte-level encodings as Go's encoding/base64 and encoding/base32 do them on a string's UTF-8 bytes, and Go's
// strconv number parsing, which is stricter than JavaScript's Number().

const BASE64 = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/';
const BASE32 = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ234567';

/** The UTF-8 bytes of a string. */
export function toUtf8(text: string): Uint8Array {
  return new TextEncoder().encode(text);
}

/** Decodes UTF-8 bytes; invalid sequences become U+FFFD, as converting them to a Go string and printing would. */
export function fromUtf8(bytes: Uint8Array): string {
  return new TextDecoder().decode(bytes);
}

function encodeBits(bytes: Uint8Array, alphabet: string, bitsPerChar: number, blockChars: number): string {
  let out = '';
  let buffer = 0;
  let bits = 0;
  for (const byte of bytes) {
    buffer = (buffer << 8) | byte;
    bits += 8;
    while (bits >= bitsPerChar) {
      bits -= bitsPerChar;
      out += alphabet[(buffer >> bits) & ((1 << bitsPerChar) - 1)];
    }
    buffer &= (1 << bits) - 1;
  }
  if (bits > 0) out += alphabet[(buffer << (bitsPerChar - bits)) & ((1 << bitsPerChar) - 1)];
  while (out.length % blockChars !== 0) out += '=';
  return out;
}

function decodeBits(text: string, alphabet: string, bitsPerChar: number, blockChars: number, label: string): Uint8Array {
  // Go's decoders skip newlines, stop at the first character outside the alphabet (reporting its offset), and only
  // then insist on whole, correctly padded blocks.
  const input = text.replace(/[\r\n]/g, '');
  const illegal = (at: number): never => fail(`illegal ${label} data at input byte ${at}`);
  const chars = [...input];
  const padStart = chars.indexOf('=');
  const body = padStart < 0 ? chars : chars.slice(0, padStart);
  const bad = body.findIndex((char) => !alphabet.includes(char));
  if (bad >= 0) illegal(bad);
  if (padStart >= 0 && (chars.slice(padStart).some((c) => c !== '=') || chars.length % blockChars !== 0)) illegal(padStart);
  if (chars.length % blockChars !== 0) illegal(chars.length - (chars.length % blockChars));
  const out: number[] = [];
  let buffer = 0;
  let bits = 0;
  for (const char of body) {
    buffer = (buffer << bitsPerChar) | alphabet.indexOf(char);
    bits += bitsPerChar;
    if (bits >= 8) {
      bits -= 8;
      out.push((buffer >> bits) & 0xff);
    }
    buffer &= (1 << bits) - 1;
  }
  return Uint8Array.from(out);
}

/** base64.StdEncoding.EncodeToString of the string's UTF-8 bytes. */
export function encodeBase64(text: string): string {
  return encodeBits(toUtf8(text), BASE64, 6, 4);
}

/** base64.StdEncoding.DecodeString, returning the bytes as a string. */
export function decodeBase64(text: string): string {
  return fromUtf8(decodeBits(text, BASE64, 6, 4, 'base64'));
}

/** base32.StdEncoding.EncodeToString of the string's UTF-8 bytes. */
export function encodeBase32(text: string): string {
  return encodeBits(toUtf8(text), BASE32, 5, 8);
}

/** base32.StdEncoding.DecodeString, returning the bytes as a string. */
export function decodeBase32(text: string): string {
  return fromUtf8(decodeBits(text, BASE32, 5, 8, 'base32'));
}

/** strconv.Atoi: an optional sign and decimal digits, within 64 bits; undefined otherwise. */
export function parseGoInt(text: string): bigint | undefined {
  if (!/^[+-]?\d+$/.test(text)) return undefined;
  const value = BigInt(text);
  return value >= -(2n ** 63n) && value < 2n ** 63n ? value : undefined;
}

/** strconv.ParseFloat(s, 64): decimal or hex floats, "inf"/"infinity"/"nan" in any case; undefined otherwise. */
export function parseGoFloat(text: string): number | undefined {
  const special = /^([+-]?)(inf|infinity|nan)$/i.exec(text);
  if (special) {
    if ((special[2] ?? '').toLowerCase() === 'nan') return special[1] === '' ? Number.NaN : undefined;
    return special[1] === '-' ? -Infinity : Infinity;
  }
  // Underscores are only allowed between digits, and Go rejects them in plain decimal floats without a base prefix.
  if (/^[+-]?(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?$/.test(text)) {
    const value = Number(text);
    return Number.isFinite(value) ? value : undefined; // out of range is an error in Go
  }
  const hex = /^([+-]?)0[xX]([0-9a-fA-F]*)\.?([0-9a-fA-F]*)[pP]([+-]?\d+)$/.exec(text);
  if (hex && (hex[2] !== '' || hex[3] !== '')) {
    const mantissa = parseInt(`${hex[2] || '0'}${hex[3] ?? ''}`, 16) / 16 ** (hex[3] ?? '').length;
    const value = mantissa * 2 ** Number(hex[4]);
    return hex[1] === '-' ? -value : value;
  }
  return undefined;
}
