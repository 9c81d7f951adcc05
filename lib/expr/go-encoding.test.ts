import { describe, expect, it } from 'vitest';
import { decodeBase32, decodeBase64, encodeBase32, encodeBase64, parseGoFloat, parseGoInt } from './go-encoding';

describe('base64 and base32', () => {
  it('encode UTF-8 bytes with padding', () => {
    expect(encodeBase64('héllo')).toBe('aMOpbGxv');
    expect(encodeBase64('hi')).toBe('aGk=');
    expect(encodeBase32('hello')).toBe('NBSWY3DP');
    expect(encodeBase32('hi')).toBe('NBUQ====');
  });

  it('decode strictly, ignoring newlines', () => {
    expect(decodeBase64('aGk=')).toBe('hi');
    expect(decodeBase64('aG\nk=')).toBe('hi');
    expect(decodeBase32('NBUQ====')).toBe('hi');
    expect(() => decodeBase64('!!!!')).toThrow('illegal base64 data at input byte 0');
    expect(() => decodeBase64('aGk')).toThrow('illegal base64 data');
  });
});

describe('Go number parsing', () => {
  it('parses ints like strconv.Atoi', () => {
    expect(parseGoInt('-42')).toBe(-42n);
    expect(parseGoInt('+7')).toBe(7n);
    expect(parseGoInt(' 7')).toBeUndefined();
    expect(parseGoInt('9223372036854775808')).toBeUndefined();
  });

  it('parses floats like strconv.ParseFloat', () => {
    expect(parseGoFloat('1e3')).toBe(1000);
    expect(parseGoFloat('.5')).toBe(0.5);
    expect(parseGoFloat('Inf')).toBe(Infinity);
    expect(parseGoFloat('-infinity')).toBe(-Infinity);
    expect(parseGoFloat('0x1p-2')).toBe(0.25);
    expect(parseGoFloat('')).toBeUndefined();
    expect(parseGoFloat('1e999')).toBeUndefined();
    expect(parseGoFloat('Infinity1')).toBeUndefined();
  });
});
