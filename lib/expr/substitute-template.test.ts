import { describe, expect, it } from 'vitest';
import { ExpressionError } from './expression-error';
import { hasVariable, substituteTemplate } from './substitute-template';
import type { SubstituteOptions } from './substitute-template';
import type { Value } from './value';

// Most cases are ported from Argo v4.1.2's util/template tests, which substitute into JSON-marshalled text.
function replaceJson(text: string, values: Record<string, Value>, allowUnresolved: boolean): string {
  return substituteTemplate(JSON.stringify(text), values, { escape: 'json', unresolved: allowUnresolved ? 'keep' : 'error' });
}

function replaceStrict(text: string, values: Record<string, Value>, strictPrefixes: string[], options: SubstituteOptions = {}): string {
  return substituteTemplate(JSON.stringify(text), values, { escape: 'json', strictPrefixes, ...options });
}

describe('substituteTemplate (Argo util/template tests)', () => {
  it.each([
    ["{{='test'}}", 'test'],
    ['{{="test"}}', 'test'],
    ["{{='some\\\\path\\\\with\\\\backslashes'}}", 'some\\path\\with\\backslashes'],
    ["{{='some\\nstring\\nwith\\nescaped\\nnewlines'}}", 'some\nstring\nwith\nescaped\nnewlines'],
    ['{{=1 + \n1}}', '2'],
    ["{{=toJson('test')}}", '"test"'],
    ['{{=toJson({test: 1})}}', '{"test":1}'],
    ["{{=toJson([1, '2', {an: 'object'}])}}", '[1,"2",{"an":"object"}]'],
    ['{{="\'"}}', "'"],
    ["{{='\"'}}", '"'],
    ['{{=true == false}}', 'false'],
    [`{{=jsonpath('{"employees": [{"name": "Baris", "age":43}, {"name": "Mo", "age": 42}]}', '$.employees[*].name')}}`, '["Baris","Mo"]'],
    [`{{=jsonpath('{"employees": [{"name": "Baris", "age":43}]}', '$.employees[0]')}}`, '{"age":43,"name":"Baris"}'],
  ])('evaluates %s inside JSON text', (input, expected) => {
    expect(JSON.parse(replaceJson(input, {}, true))).toBe(expected);
  });

  it('escapes substituted values for the JSON text', () => {
    expect(JSON.parse(replaceJson('{{customParam}}', { customParam: `This is ' John` }, true))).toBe(`This is ' John`);
    expect(JSON.parse(replaceJson('{{customParam}}', { customParam: 'This is " John' }, true))).toBe('This is " John');
  });

  it('resolves nested tags one level per pass', () => {
    const values = { inner: 'suffix', 'outer-suffix': 'final-value' };
    const pass1 = replaceJson('{{outer-{{inner}}}}', values, true);
    expect(JSON.parse(pass1)).toBe('{{outer-suffix}}');
    expect(JSON.parse(substituteTemplate(pass1, values, { escape: 'json', unresolved: 'keep' }))).toBe('final-value');
  });

  it('resolves a tag nested inside foreign template syntax and leaves the rest alone', () => {
    const values = { 'inputs.parameters.message': 'hello world' };
    const text = '{{- with secret "{{inputs.parameters.message}}" -}}\n    {{ .Data.data.gitcreds }}\n  {{- end }}';
    expect(JSON.parse(replaceJson(text, values, true))).toBe('{{- with secret "hello world" -}}\n    {{ .Data.data.gitcreds }}\n  {{- end }}');
    const unknown = '{{- with {{ {{ }} secret "{{does-not-exist}}" -}} }}';
    expect(JSON.parse(replaceJson(unknown, values, true))).toBe(unknown);
  });

  it('trims white space around simple tag names', () => {
    expect(JSON.parse(replaceJson('{{ inputs.parameters.message }}', { 'inputs.parameters.message': 'hello world' }, true))).toBe('hello world');
  });

  it('fails on a missing end tag', () => {
    expect(() => replaceJson('{{', {}, false)).toThrow('Cannot find end tag');
  });

  it('keeps or rejects unresolved simple tags', () => {
    expect(JSON.parse(replaceJson('{{foo}}', {}, true))).toBe('{{foo}}');
    expect(() => replaceJson('{{foo}}', {}, false)).toThrow('failed to resolve {{foo}}');
  });

  it('evaluates expressions over the dotted variables', () => {
    expect(JSON.parse(replaceJson('{{=foo}}', { foo: 'bar' }, false))).toBe('bar');
    expect(JSON.parse(replaceJson("{{=sprig.dig('status', nil, workflow)}}", { 'workflow.status': 'Succeeded' }, false))).toBe('Succeeded');
    const status = '{{=workflow.status == "Succeeded" ? "SUCCESSFUL" : "FAILED"}}';
    expect(JSON.parse(replaceJson(status, { 'workflow.status': 'Succeeded' }, false))).toBe('SUCCESSFUL');
    expect(JSON.parse(replaceJson(status, { 'workflow.status': 'Failed' }, false))).toBe('FAILED');
    const failures = '{{=workflow.failures == "{\\"foo\\":\\"bar\\"}" ? "SUCCESSFUL" : "FAILED"}}';
    expect(JSON.parse(replaceJson(failures, { 'workflow.failures': '{"foo":"bar"}' }, false))).toBe('SUCCESSFUL');
  });

  it('leaves expressions over late-bound variables for later when allowed', () => {
    expect(JSON.parse(replaceJson('{{=foo}}', {}, true))).toBe('{{=foo}}');
    expect(JSON.parse(replaceJson('{{=sprig.int(retries)}}', {}, true))).toBe('{{=sprig.int(retries)}}');
    const status = '{{=workflow.status == "Succeeded" ? "SUCCESSFUL" : "FAILED"}}';
    expect(JSON.parse(replaceJson(status, {}, true))).toBe(status);
  });

  it('rejects unresolvable expressions when not allowed', () => {
    expect(() => replaceJson('{{=foo}}', {}, false)).toThrow('failed to evaluate expression: foo is missing');
    expect(() => replaceJson('{{=workflow.status == "x"}}', {}, false)).toThrow('failed to evaluate expression');
    expect(() => replaceJson('{{=!}}', {}, false)).toThrow('failed to evaluate expression');
  });

  it('lets ?? and ?. supply defaults under strict prefixes', () => {
    const present = { 'item.name': 'a', 'item.optionalKey': 'value' };
    const missing = { 'item.name': 'b' };
    for (const expression of ["{{= item.optionalKey ?? 'fallback' }}", "{{= item['optionalKey'] ?? 'fallback' }}", "{{= item?.optionalKey ?? 'fallback' }}"]) {
      expect(substituteTemplate(expression, present, { strictPrefixes: ['item'] })).toBe('value');
      expect(substituteTemplate(expression, missing, { strictPrefixes: ['item'] })).toBe('fallback');
    }
    expect(() => substituteTemplate("{{= item.optionalKey ?? 'fallback' }}", {}, { strictPrefixes: ['item'] }))
      .toThrow('failed to evaluate expression: item is missing');
  });

  it('distinguishes absent optionals (nil) from empty strings', () => {
    const values = { 'tasks.producer.outputs.parameters.msg': null, 'tasks.other.outputs.parameters.msg': 'real' };
    const strict = ['tasks', 'steps'];
    expect(JSON.parse(replaceStrict("{{= tasks.producer.outputs.parameters.msg ?? 'fallback'}}", values, strict))).toBe('fallback');
    expect(JSON.parse(replaceStrict("{{= tasks.producer.outputs.parameters.msg ?? 'fallback'}}", { 'tasks.producer.outputs.parameters.msg': '' }, strict))).toBe('');
    expect(() => replaceStrict('{{= tasks.producer.outputs.parameters.msg}}', values, strict)).toThrow(ExpressionError);
    expect(() => replaceStrict('pre-{{tasks.producer.outputs.parameters.msg}}-post', values, strict)).toThrow('absent optional');
    expect(JSON.parse(replaceStrict('pre-{{tasks.producer.outputs.parameters.msg}}-post', { 'tasks.producer.outputs.parameters.msg': '' }, strict))).toBe('pre--post');
    expect(JSON.parse(replaceStrict("{{= tasks.other.outputs.parameters.msg ?? 'fallback'}}", values, strict))).toBe('real');
    expect(() => replaceStrict('{{= tasks.unknown.outputs.parameters.msg}}', values, strict)).toThrow(ExpressionError);
  });

  it('treats a nil nested value as terminal and an empty one as a value', () => {
    const input = '{{outer-{{steps.x.outputs.parameters.key}}}}';
    expect(() => replaceStrict(input, { 'steps.x.outputs.parameters.key': null, 'outer-': 'resolved-outer' }, ['tasks', 'steps'])).toThrow('absent optional');
    const values = { 'steps.x.outputs.parameters.key': '', 'outer-': 'resolved-outer' };
    const pass1 = replaceStrict(input, values, ['tasks', 'steps']);
    expect(JSON.parse(pass1)).toBe('{{outer-}}');
    expect(JSON.parse(substituteTemplate(pass1, values, { escape: 'json', strictPrefixes: ['tasks', 'steps'] }))).toBe('resolved-outer');
  });

  it('requires strict-prefixed simple tags but lets artifact outputs wait', () => {
    expect(() => substituteTemplate('{{steps.a.outputs.result}}', {}, { strictPrefixes: ['steps'] })).toThrow('failed to resolve');
    expect(substituteTemplate('{{steps.a.outputs.artifacts.x}}', {}, { strictPrefixes: ['steps'] })).toBe('{{steps.a.outputs.artifacts.x}}');
    expect(substituteTemplate('{{workflow.name}}', {}, { strictPrefixes: ['steps'] })).toBe('{{workflow.name}}');
    expect(substituteTemplate('{{stepsX}}', {}, { strictPrefixes: ['steps'] })).toBe('{{stepsX}}');
  });

  it('rejects non-string simple values', () => {
    expect(() => substituteTemplate('{{x}}', { x: 1n })).toThrow('failed to resolve {{x}} to string');
  });
});

describe('substituteTemplate in plain text', () => {
  const values = {
    'inputs.parameters.foo': '3',
    'inputs.parameters.my-param': 'dash',
    'steps.flip-coin.outputs.result': 'heads',
    'workflow.name': 'wf-1',
    'workflow.parameters.config': '{"a": "1"}',
    item: 'x',
  };

  it('inserts values without escaping', () => {
    expect(substituteTemplate('echo "{{inputs.parameters.foo}}"\n{{workflow.name}}', values)).toBe('echo "3"\nwf-1');
  });

  it('inserts string results as they are and other results as JSON', () => {
    expect(substituteTemplate('{{=asInt(inputs.parameters.foo) * 10}}', values)).toBe('30');
    expect(substituteTemplate("{{=inputs.parameters['my-param']}}", values)).toBe('dash');
    expect(substituteTemplate("{{=jsonpath(workflow.parameters.config, '$.a')}}", values)).toBe('1');
    expect(substituteTemplate('{{=sprig.list("a<b", 1)}}', values)).toBe('["a\\u003cb",1]');
  });

  it('evaluates sprig date functions with the given clock', () => {
    const now = new Date('2030-01-02T03:04:05Z');
    expect(substituteTemplate("{{=sprig.date('2006', workflow.name)}}", values, { now })).toBe('2030');
  });
});

describe('hasVariable', () => {
  it('walks nested maps and counts a nil leaf as present', () => {
    expect(hasVariable({ foo: 'bar' }, 'foo')).toBe(true);
    expect(hasVariable({ 'workflow.status': 'x' }, 'workflow.status')).toBe(true);
    expect(hasVariable({ workflow: { status: 'x' } }, 'workflow.status')).toBe(true);
    expect(hasVariable({ workflow: { status: 'x' } }, 'workflow.name')).toBe(false);
    expect(hasVariable({ a: { b: { c: 42n } } }, 'a.b.c')).toBe(true);
    expect(hasVariable({ tasks: { a: { out: null } } }, 'tasks.a.out')).toBe(true);
    expect(hasVariable({ foo: 'bar' }, 'foo.bar')).toBe(false);
    expect(hasVariable({}, 'foo')).toBe(false);
  });
});
