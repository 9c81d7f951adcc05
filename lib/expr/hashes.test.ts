import { describe, expect, it } from 'vitest';
import { adler32Decimal, sha1Hex, sha256Hex, sha512Hex } from './hashes';

describe('hashes', () => {
  it('match the standard test vectors', () => {
    expect(sha1Hex('abc')).toBe('a9993e364706816aba3e25717850c26c9cd0d89d');
    expect(sha256Hex('')).toBe('e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855');
    expect(sha256Hex('abc')).toBe('ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad');
    expect(sha512Hex('abc')).toBe('ddaf35a193617abacc417349ae20413112e6fa4e89a97ea20a9eeee64b55d39a2192992a274fc1a836ba3c23a3feebbd454d4423643ce80e2a9ac94fa54ca49f');
    expect(adler32Decimal('Wikipedia')).toBe(String(0x11e60398));
  });

  it('hash UTF-8 bytes across block boundaries', () => {
    const long = 'é'.repeat(100);
    expect(sha256Hex(long)).toHaveLength(64);
    expect(sha1Hex('a'.repeat(64))).toBe('0098ba824b5c16427bd7a1122a5a442a25ec644d');
  });
});
