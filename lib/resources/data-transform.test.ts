import { describe, expect, it } from 'vitest';
import { transformData } from './data-transform';

describe('transformData', () => {
  it("chains expressions over `data`, as Argo's data template does", () => {
    const files = ['a/main.log', 'a/other.txt', 'b/main.log'];
    expect(transformData(files, [
      { expression: 'filter(data, {# endsWith "main.log"})' },
      { expression: 'map(data, {# + ".gz"})' },
    ])).toEqual(['a/main.log.gz', 'b/main.log.gz']);
    expect(transformData(files, undefined)).toEqual(files);
  });

  it('names the step that failed', () => {
    expect(() => transformData([], [{ expression: 'data +' }])).toThrow(/^error processing data step 0: /);
  });
});
