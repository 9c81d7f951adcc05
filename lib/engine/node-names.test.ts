import { describe, expect, it } from 'vitest';
import { toDisplayName, toLoopNodeName, toNodeId, toPodName } from './node-names';

describe('node names', () => {
  // IDs observed from Argo v3.7.9 on the test bed (failing-dag-5l84r).
  it('derives node IDs like Argo', () => {
    expect(toNodeId('failing-dag-5l84r', 'failing-dag-5l84r')).toBe('failing-dag-5l84r');
    expect(toNodeId('failing-dag-5l84r', 'failing-dag-5l84r.a')).toBe('failing-dag-5l84r-2595736803');
    expect(toNodeId('failing-dag-5l84r', 'failing-dag-5l84r.b')).toBe('failing-dag-5l84r-2612514422');
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
