import { describe, expect, it } from 'vitest';
import { extractFailedTag, locateText } from './locate-text';

describe('locateText', () => {
  it('finds the first string containing the needle', () => {
    const template = { container: { args: ['a', 'echo {{inputs.parameters.x}}'] } };
    expect(locateText(template, '{{inputs.parameters.x}}', 'spec.templates[0]')).toBe('spec.templates[0].container.args[1]');
  });

  it('finds map keys and falls back to the base', () => {
    expect(locateText({ labels: { '{{x}}': 'v' } }, '{{x}}', 't')).toBe('t.labels["{{x}}"]');
    expect(locateText({ a: 1 }, '{{x}}', 't')).toBe('t');
  });
});

describe('extractFailedTag', () => {
  it('takes the tag out of a resolve failure', () => {
    expect(extractFailedTag('failed to resolve {{ steps.a.outputs.result }}')).toBe('{{ steps.a.outputs.result }}');
    expect(extractFailedTag('something else')).toBeUndefined();
  });
});
