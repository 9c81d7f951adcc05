import { describe, expect, it } from 'vitest';
import { evaluateBool, evaluateExpression, evaluateWhen, GoTime, substituteTemplate, toExpressionEnv, toGoJson } from './index';
import type { Value } from './index';

// Every `when:`, `{{=...}}` and `expression:` in Argo v4.1.2's examples/*.yaml (the copy in /work/shared/argo),
// run the way the controller runs it: substitute the tags, then evaluate.

function when(condition: string, values: Record<string, Value>): boolean {
  const result = evaluateWhen(substituteTemplate(condition, values));
  if (!result.ok) throw result.error;
  return result.value;
}

describe('legacy when conditions (govaluate)', () => {
  it.each([
    ['coinflip-recursive.yaml', '{{steps.flip-coin.outputs.result}} == heads', { 'steps.flip-coin.outputs.result': 'heads' }, true],
    ['coinflip-recursive.yaml', '{{steps.flip-coin.outputs.result}} == tails', { 'steps.flip-coin.outputs.result': 'heads' }, false],
    ['conditional-artifacts.yaml', '{{steps.flip-coin.outputs.result}} == tails', { 'steps.flip-coin.outputs.result': 'tails' }, true],
    ['conditionals.yaml', '{{inputs.parameters.should-print}} == true', { 'inputs.parameters.should-print': 'true' }, true],
    ['conditionals.yaml', '{{inputs.parameters.should-print}} == true', { 'inputs.parameters.should-print': 'false' }, false],
    ['dag-conditional-parameters.yaml', '{{tasks.flip-coin.outputs.result}} == heads', { 'tasks.flip-coin.outputs.result': 'heads' }, true],
    ['exit-handlers.yaml', '{{workflow.status}} == Succeeded', { 'workflow.status': 'Succeeded' }, true],
    ['exit-handlers.yaml', '{{workflow.status}} != Succeeded', { 'workflow.status': 'Failed' }, true],
    ['fibonacci-seq-conditional-param.yaml', '{{inputs.parameters.num}} != 1 && {{inputs.parameters.num}} != 2', { 'inputs.parameters.num': '5' }, true],
    ['fibonacci-seq-conditional-param.yaml', '{{inputs.parameters.num-1}} != 1 && {{inputs.parameters.num-1}} != 2', { 'inputs.parameters.num-1': '2' }, false],
    ['parameter-aggregation.yaml', '{{item.evenness}} == even', { 'item.evenness': 'even' }, true],
    ['parameter-aggregation-dag.yaml', '{{item.evenness}} == even', { 'item.evenness': 'odd' }, false],
    ['recursive-for-loop.yaml', '{{steps.iterate-counter.outputs.result}} < {{inputs.parameters.limit}}', { 'steps.iterate-counter.outputs.result': '3', 'inputs.parameters.limit': '10' }, true],
    ['recursive-for-loop.yaml', '{{steps.iterate-counter.outputs.result}} < {{inputs.parameters.limit}}', { 'steps.iterate-counter.outputs.result': '10', 'inputs.parameters.limit': '10' }, false],
    ['resource-flags.yaml', '{{steps.submit-resource.status}} == Failed', { 'steps.submit-resource.status': 'Succeeded' }, false],
    ['status-reference.yaml', '{{steps.flakey-container.status}} == Failed', { 'steps.flakey-container.status': 'Failed' }, true],
    ['status-reference.yaml', '{{steps.flakey-container.status}} == Succeeded', { 'steps.flakey-container.status': 'Failed' }, false],
  ] as const)('%s: %s', (_file, condition, values, expected) => {
    expect(when(condition, values)).toBe(expected);
  });
});

describe('expression-tag when conditions (conditionals.yaml)', () => {
  const values = { 'inputs.parameters.should-print': 'true', 'workflow.parameters.json': '[{"value": "true"}]' };

  it('evaluates the expr form with a dashed parameter name', () => {
    expect(substituteTemplate(`{{= inputs.parameters["should-print"] == 'true'}}`, values)).toBe('true');
    expect(when(`{{= inputs.parameters["should-print"] == 'true'}}`, values)).toBe(true);
  });

  it('evaluates jsonpath over a JSON parameter', () => {
    expect(when("{{=jsonpath(workflow.parameters.json, '$[0].value') == 'true'}}", values)).toBe(true);
  });
});

describe('CronWorkflow when (cron-when.yaml)', () => {
  const condition = '{{= cronworkflow.lastScheduledTime == nil || (now() - cronworkflow.lastScheduledTime).Seconds() > 360 }}';
  const now = new Date('2024-05-06T12:00:00Z');
  const at = (iso: string): GoTime => new GoTime(BigInt(Date.parse(iso)) * 1_000_000n);
  // The cron controller substitutes, then evaluates with govaluate without turning bare words into strings.
  const cronWhen = (lastScheduledTime: Value): boolean | string => {
    const result = evaluateWhen(substituteTemplate(condition, { 'cronworkflow.lastScheduledTime': lastScheduledTime }, { now }), { barewordsAsStrings: false });
    return result.ok ? result.value : result.error.message;
  };

  it('runs the first time and when the last run is old enough', () => {
    expect(cronWhen(null)).toBe(true);
    expect(cronWhen(at('2024-05-06T11:00:00Z'))).toBe(true);
    expect(cronWhen(at('2024-05-06T11:58:00Z'))).toBe(false);
  });
});

describe('expression tags in parameters (expression-tag-template-workflow.yaml, expression-destructure-json*.yaml)', () => {
  it('builds withParam from a filtered list and passes items through', () => {
    expect(substituteTemplate('{{=toJson(filter([1, 3], {# > 1}))}}', {})).toBe('[3]');
    expect(substituteTemplate('{{=item}}', { item: '3' })).toBe('3');
  });

  it('multiplies an int parameter and formats the creation year with sprig.date', () => {
    const values = { 'inputs.parameters.foo': '3', 'workflow.creationTimestamp': '2024-05-06T07:08:09Z' };
    // sprig.date formats "now" when given a string, which is what Argo does with workflow.creationTimestamp.
    expect(substituteTemplate("hello {{=asInt(inputs.parameters.foo) * 10}} @ {{=sprig.date('2006', workflow.creationTimestamp)}}", values, { now: new Date('2031-01-01T00:00:00Z') }))
      .toBe('hello 30 @ 2031');
  });

  it('destructures JSON parameters with jsonpath', () => {
    const simple = { 'workflow.parameters.config': '{"a": "1", "b": "2", "c": "3"}' };
    expect(substituteTemplate("{{=jsonpath(workflow.parameters.config, '$.a')}}", simple)).toBe('1');
    expect(substituteTemplate("{{=jsonpath(workflow.parameters.config, '$.c')}}", simple)).toBe('3');
    const complex = { 'workflow.parameters.config': '{"employees": [{"name": "Baris", "age":43},{"name": "Mo", "age": 42}, {"name": "Jai", "age" :44}]}' };
    expect(substituteTemplate(`{{=jsonpath(workflow.parameters.config, '$.employees[?(@.name=="Baris")].age')}}`, complex)).toBe('[43]');
    expect(substituteTemplate("{{=jsonpath(workflow.parameters.config, '$.employees[?(@.age>42 && @.age<44)].age')}}", complex)).toBe('[43]');
    expect(substituteTemplate("{{=jsonpath(workflow.parameters.config, '$.employees[0:1]')}}", complex)).toBe('[{"age":43,"name":"Baris"}]');
    expect(substituteTemplate("{{=jsonpath(workflow.parameters.config, '$.employees[*].name')}}", complex)).toBe('["Baris","Mo","Jai"]');
  });
});

describe('expression fields', () => {
  it('picks an output by a ternary (conditional-parameters.yaml, dag-conditional-parameters.yaml)', () => {
    const steps = toExpressionEnv({ 'steps.flip-coin.outputs.result': 'tails', 'steps.heads.outputs.result': 'heads-out', 'steps.tails.outputs.result': 'tails-out' });
    expect(evaluateExpression("steps['flip-coin'].outputs.result == 'heads' ? steps.heads.outputs.result : steps.tails.outputs.result", steps)).toBe('tails-out');
    const tasks = toExpressionEnv({ 'tasks.flip-coin.outputs.result': 'heads', 'tasks.heads.outputs.result': 'heads-out', 'tasks.tails.outputs.result': 'tails-out' });
    expect(evaluateExpression("tasks['flip-coin'].outputs.result == 'heads' ? tasks.heads.outputs.result : tasks.tails.outputs.result", tasks)).toBe('heads-out');
  });

  it('computes fibonacci base cases (fibonacci-seq-conditional-param.yaml)', () => {
    const source = "asInt(inputs.parameters.num) == 1? 1: asInt(inputs.parameters.num) == 2? 1: steps['fibonacci-helper'].outputs.parameters.result";
    const env = (num: string) => toExpressionEnv({ 'inputs.parameters.num': num, 'steps.fibonacci-helper.outputs.parameters.result': '13' });
    expect(toGoJson(evaluateExpression(source, env('2')))).toBe('1');
    expect(evaluateExpression(source, env('7'))).toBe('13');
  });

  it('filters data in a data template (data-transformations.yaml)', () => {
    const env = toExpressionEnv({ data: ['a/main.log', 'b/other.log', 'c/main.log'] });
    expect(evaluateExpression('filter(data, {# endsWith "main.log"})', env)).toEqual(['a/main.log', 'c/main.log']);
  });

  it('evaluates lifecycle hook expressions (life-cycle-hooks-tmpl-level.yaml)', () => {
    const env = toExpressionEnv({ 'steps.step-1.status': 'Running', 'steps.step2.status': 'Succeeded' });
    expect(evaluateBool('steps["step-1"].status == "Running"', env)).toBe(true);
    expect(evaluateBool('steps["step-1"].status == "Succeeded"', env)).toBe(false);
    expect(evaluateBool('steps.step2.status == "Succeeded"', env)).toBe(true);
  });

  it('decides a conditional retry (retry-conditional.yaml)', () => {
    const expression = substituteTemplate(
      `asInt(lastRetry.exitCode) > 1 &&\nlastRetry.status != "Error" &&\nasInt(lastRetry.duration) < 120 &&\n({{inputs.parameters.safe-to-retry}} == true || lastRetry.message matches 'imminent node shutdown|pod deleted')`,
      { 'inputs.parameters.safe-to-retry': 'false' },
    );
    const scope = (exitCode: string, message: string) => toExpressionEnv({
      'lastRetry.exitCode': exitCode, 'lastRetry.status': 'Failed', 'lastRetry.duration': '30', 'lastRetry.message': message,
    });
    expect(evaluateBool(expression, scope('2', 'pod deleted'))).toBe(true);
    expect(evaluateBool(expression, scope('2', 'oom'))).toBe(false);
    expect(evaluateBool(expression, scope('1', 'pod deleted'))).toBe(false);
  });
});
