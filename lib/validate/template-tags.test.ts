import { describe, expect, it } from 'vitest';
import { isExpressionTag, replaceTemplateTags, scanTemplateTags } from './template-tags';

describe('scanTemplateTags', () => {
  it('finds tags in order, untrimmed', () => {
    expect(scanTemplateTags('a {{ inputs.parameters.x }} b {{=sprig.trim(x)}}')).toEqual({
      tags: [' inputs.parameters.x ', '=sprig.trim(x)'],
    });
  });

  it('pairs each {{ with the next }}, as fasttemplate does', () => {
    expect(scanTemplateTags('{{a {{b}} c}}').tags).toEqual(['a {{b']);
  });

  it('reports a {{ without an end', () => {
    expect(scanTemplateTags('ok {{x}} then {{broken').error).toBe('cannot find end tag "}}" after "{{broken"');
  });
});

describe('isExpressionTag', () => {
  it('recognises = at the very start only', () => {
    expect(isExpressionTag('=x')).toBe(true);
    expect(isExpressionTag(' =x')).toBe(false);
  });
});

describe('replaceTemplateTags', () => {
  it('replaces known simple tags, escaping for JSON, and keeps the rest', () => {
    const values = new Map([['inputs.parameters.x', 'say "hi"\n']]);
    const text = JSON.stringify({ a: '{{ inputs.parameters.x }}', b: '{{inputs.parameters.y}}', c: '{{=inputs.parameters.x}}' });
    expect(JSON.parse(replaceTemplateTags(text, values))).toEqual({
      a: 'say "hi"\n',
      b: '{{inputs.parameters.y}}',
      c: '{{=inputs.parameters.x}}',
    });
  });
});
