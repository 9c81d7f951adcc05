import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { fnv32a, toDisplayName, toLoopNodeName, toNodeId, toPodName } from './node-names';

// FNV-1a over TextEncoder's bytes: the plain definition the hand-rolled UTF-8 of fnv32a must agree with.
function fnv32aOfBytes(text: string): number {
  let hash = 0x811c9dc5;
  for (const byte of new TextEncoder().encode(text)) hash = Math.imul(hash ^ byte, 0x01000193) >>> 0;
  return hash;
}

describe('node names', () => {
  // IDs observed from Argo v3.7.9 on the test bed (failing-dag-5l84r).
  it('derives node IDs like Argo', () => {
    expect(toNodeId('failing-dag-5l84r', 'failing-dag-5l84r')).toBe('failing-dag-5l84r');
    expect(toNodeId('failing-dag-5l84r', 'failing-dag-5l84r.a')).toBe('failing-dag-5l84r-2595736803');
    expect(toNodeId('failing-dag-5l84r', 'failing-dag-5l84r.b')).toBe('failing-dag-5l84r-2612514422');
  });

  it('hashes the UTF-8 bytes of any text, lone surrogates as U+FFFD like TextEncoder', () => {
    for (const text of ['', 'wf.a', 'wf.täsk', 'wf.任务', 'wf.😀', 'wf.\ud800x', 'wf.\udc00']) expect(fnv32a(text)).toBe(fnv32aOfBytes(text));
    // Any UTF-16 code units (so lone and paired surrogates), and whole graphemes.
    const codeUnits = fc.array(fc.integer({ min: 0, max: 0xffff }), { maxLength: 12 }).map((codes) => String.fromCharCode(...codes));
    fc.assert(fc.property(fc.oneof(codeUnits, fc.string({ unit: 'grapheme' })), (text) => fnv32a(text) === fnv32aOfBytes(text)), { numRuns: 500 });
  });

  it('derives pod names from workflow, template and node name', () => {
    expect(toPodName('wf', 'wf', 'main')).toBe('wf');
    expect(toPodName('failing-dag-5l84r', 'failing-dag-5l84r.a', 'ok')).toBe('failing-dag-5l84r-ok-2595736803');
    expect(toPodName('w'.repeat(60), 'n', 'tmpl').length).toBeLessThanOrEqual(63);
  });

  it('names loop items and display names', () => {
    expect(toLoopNodeName('wf[0].print', 1, 'hello (world)')).toBe('wf[0].print(1:hello world)');
    expect(toDisplayName('wf[0].print(1:a.b)', 'wf')).toBe('print(1:a.b)');
    expect(toDisplayName('wf[1]', 'wf')).toBe('[1]');
    expect(toDisplayName('wf.task(0)', 'wf')).toBe('task(0)');
    expect(toDisplayName('wf', undefined)).toBe('wf');
  });
});
