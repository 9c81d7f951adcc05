import { describe, expect, it } from 'vitest';
import { evaluateWhen } from './evaluate-when';

function outcome(condition: string): boolean | string {
  const result = evaluateWhen(condition);
  return result.ok ? result.value : result.error.message;
}

describe("evaluateWhen matches Argo v4.1.2's shouldExecute (govaluate with bare words as strings)", () => {
  // [condition after substitution, the boolean Argo computes or the error message it reports], recorded from Go.
  it.each([
    ["heads == heads", true],
    ["tails == heads", false],
    ["Succeeded == Succeeded", true],
    ["Failed != Succeeded", true],
    ["5 > 3", true],
    ["3 < 10", true],
    ["10 < 9", false],
    ["1 != 1 && 1 != 2", false],
    ["3 != 1 && 3 != 2", true],
    ["tails == heads || heads == heads", true],
    ["\"a\" =~ \"^a\"", true],
    ["\"abc\" =~ \"^b\"", false],
    ["\"abc\" !~ \"^b\"", true],
    ["abc =~ ^a", "Invalid 'when' expression 'abc =~ ^a': Cannot transition token types from COMPARATOR [=~] to MODIFIER [^]"],
    ["abc =~ \"^a\"", true],
    ["foo in (foo, bar)", true],
    ["baz in (foo, bar)", false],
    ["2 in (1, 2, 3)", true],
    ["true == true", true],
    ["true", true],
    ["false", false],
    ["true == True", false],
    ["hello world == hello world", "Invalid 'when' expression 'hello world == hello world': Cannot transition token types from VARIABLE [hello] to VARIABLE [world]"],
    ["my-value == my-value", "Failed to evaluate 'when' expresion 'my-value == my-value': Value 'my' cannot be used with the modifier '-', it is not a number"],
    ["1.2.3 == 1.2.3", "Invalid 'when' expression '1.2.3 == 1.2.3': Unable to parse numeric value '1.2.3' to float64\n"],
    ["v1.2 == v1.2", "Failed to evaluate 'when' expresion 'v1.2 == v1.2': No parameter 'v1' found."],
    ["some.Thing == x", "Failed to evaluate 'when' expresion 'some.Thing == x': No parameter 'some' found."],
    ["some.thing == x", "Invalid 'when' expression 'some.thing == x': Unable to access unexported field 'thing' in token 'some.thing'"],
    ["'hello world' == 'hello world'", true],
    ["\"it's\" == x", "Invalid 'when' expression '\"it's\" == x': Unclosed string literal"],
    ["a && b", "Failed to evaluate 'when' expresion 'a && b': Value 'a' cannot be used with the logical operator '&&', it is not a bool"],
    ["!true", false],
    ["!foo", "Failed to parse 'when' expression '!foo': Cannot transition token types from PREFIX [!] to STRING [foo]"],
    ["-5 < 0", true],
    ["- 5 < 0", true],
    ["5 - 3 == 2", true],
    ["2 ** 3 == 8", true],
    ["7 % 3 == 1", true],
    ["1 + 1 == 2", true],
    ["\"a\" + \"b\" == \"ab\"", true],
    ["a + b == ab", true],
    ["10 / 4 == 2.5", true],
    ["(1 == 1) && (2 == 2)", true],
    ["((1 == 1))", true],
    ["1 == 1 ? true : false", true],
    ["1 == 2 ? true : false", false],
    ["true ? false : true", false],
    ["nil == nil", true],
    [" ", "Invalid 'when' expression ' ': Unexpected end of expression"],
    ["1 ==", "Invalid 'when' expression '1 ==': Unexpected end of expression"],
    ["== 1", "Invalid 'when' expression '== 1': Cannot transition token types from UNKNOWN [<nil>] to COMPARATOR [==]"],
    ["(1 == 1", "Invalid 'when' expression '(1 == 1': Unbalanced parenthesis"],
    ["1 == 1)", "Invalid 'when' expression '1 == 1)': Unbalanced parenthesis"],
    ["@ == 1", "Invalid 'when' expression '@ == 1': Invalid token: '@' (hint: try wrapping the affected expression in quotes (\"))"],
    ["a == [b c]", false],
    ["[a b] == [a b]", true],
    ["0x10 == 16", true],
    [".5 == 0.5", true],
    ["1. == 1", true],
    ["\"2024-01-01\" < \"2024-02-01\"", true],
    ["'2024-01-01' == '2024-01-01T00:00:00Z'", true],
    ["\"3:04PM\" == \"3:04PM\"", true],
    ["5", "Expected boolean evaluation for '5'. Got 5"],
    ["\"yes\"", "Expected boolean evaluation for '\"yes\"'. Got yes"],
    ["a", "Expected boolean evaluation for 'a'. Got a"],
    ["1 < a", "Failed to evaluate 'when' expresion '1 < a': Value '1' cannot be used with the comparator '<', it is not a number"],
    ["a > b", false],
    ["b > a", true],
    ["true && 1", "Failed to evaluate 'when' expresion 'true && 1': Value '1' cannot be used with the logical operator '&&', it is not a bool"],
    ["1 & 3 == 1", true],
    ["1 | 2 == 3", true],
    ["8 >> 1 == 4", true],
    ["1 << 3 == 8", true],
    ["~0 == -1", true],
    ["{{x}} == y", "Invalid 'when' expression '{{x}} == y': Invalid token: '{{' (hint: try wrapping the affected expression in quotes (\"))"],
    ["a ?? b", "Expected boolean evaluation for 'a ?? b'. Got a"],
    ["a == b ?? c", false],
    ["x in (x)", "Failed to evaluate 'when' expresion 'x in (x)': Value 'x' cannot be used with the comparator 'in', it is not a number"],
    ["true == \"true\"", false],
    ["1 == \"1\"", false],
    ["1 == 1.0", true],
    ["Error != Error", false],
    ["0.1 + 0.2 == 0.3", false],
    ["-1 == -1", true],
    ["!(1 == 2)", true],
    ["!(a == b)", true],
    ["1 > 2 || 3 > 2 && 4 > 3", true],
    ["a,b", "Expected boolean evaluation for 'a,b'. Got [a b]"],
    ["_x == _x", "Invalid 'when' expression '_x == _x': Invalid token: '_' (hint: try wrapping the affected expression in quotes (\"))"],
    ["x_1 == x_1", true],
    ["é == é", true],
    ["1e5 == 100000", "Invalid 'when' expression '1e5 == 100000': Cannot transition token types from NUMERIC [1] to VARIABLE [e5]"],
    ["1 - 2 - 3 == -4", true],
    ["10 / 2 / 5 == 1", true],
    ["1 - 2 + 3 == 2", true],
    ["2 * 3 % 4 == 2", true],
    ["2 ** 3 ** 2 == 64", true],
    ["2 ** 3 ** 2 == 512", false],
    ["1 + 2 * 3 == 7", true],
    ["(1 + 2) * 3 == 9", true],
    ["true ? 1 : 2 == 1", "Expected boolean evaluation for 'true ? 1 : 2 == 1'. Got 1"],
    ["(false ? 1 : 2) == 2", true],
    ["false ? 1 : 2", "Expected boolean evaluation for 'false ? 1 : 2'. Got 2"],
    ["true ? 1 : 2", "Expected boolean evaluation for 'true ? 1 : 2'. Got 1"],
    ["1 == 1 ? x : y", "Expected boolean evaluation for '1 == 1 ? x : y'. Got x"],
    ["a ? b : c", "Failed to evaluate 'when' expresion 'a ? b : c': Value 'a' cannot be used with the ternary operator '?', it is not a bool"],
    ["1 - -1 == 2", true],
    ["-(1 + 2) == -3", true],
    ["!(true && false)", true],
    ["!true || true", true],
    ["true || false && false", true],
    ["false && true || true", true],
    ["1 == 1 == true", true],
    ["a == a == true", true],
    ["\"1\" < \"2\"", true],
    ["\"b\" > \"a\"", true],
    ["a + 1 == a1", true],
    ["1 + a == 1a", "Invalid 'when' expression '1 + a == 1a': Cannot transition token types from NUMERIC [1] to VARIABLE [a]"],
    ["\"x\" + 1.5 == \"x1.5\"", true],
    ["(1, 2) == (1, 2)", true],
    ["1 in (1)", "Failed to evaluate 'when' expresion '1 in (1)': Value '1' cannot be used with the comparator 'in', it is not a number"],
    ["(a) == a", true],
    ["((a)) == ((a))", true],
    ["(a == a) && (b == b)", true],
    ["(a == a) && ((b == b) || (c == d))", true],
    ["x =~ (x)", true],
    ["x =~ \"(\"", "Invalid 'when' expression 'x =~ \"(\"': error parsing regexp: missing closing ): `(`"],
    ["1 ?? 2 == 1", "Expected boolean evaluation for '1 ?? 2 == 1'. Got 1"],
    ["nil ?? 3 == 3", "Expected boolean evaluation for 'nil ?? 3 == 3'. Got nil"],
    ["3 > 2 > 1", "Failed to evaluate 'when' expresion '3 > 2 > 1': Value 'true' cannot be used with the comparator '>', it is not a number"],
    ["a in (a)", "Failed to evaluate 'when' expresion 'a in (a)': Value 'a' cannot be used with the comparator 'in', it is not a number"],
    ["\"\" == \"\"", true],
    ["'' == \"\"", true],
    ["\"a b\" == \"a b\"", true],
    ["[a b] == \"a b\"", true],
    ["1 ** 0.5 == 1", true],
    ["-2 ** 2 == 4", true],
    ["100 == 1e2", "Invalid 'when' expression '100 == 1e2': Cannot transition token types from NUMERIC [1] to VARIABLE [e2]"],
    ["0x1F == 31", true],
    ["0xG == 1", "Invalid 'when' expression '0xG == 1': Unable to parse hex value '' to uint64\n"],
    ["Running == Running && Succeeded != Failed", true],
    ["{{workflow.status}} == Succeeded", "Invalid 'when' expression '{{workflow.status}} == Succeeded': Invalid token: '{{' (hint: try wrapping the affected expression in quotes (\"))"],
  ] as const)('%s', (condition, expected) => {
    expect(outcome(condition)).toBe(expected);
  });
});

describe('evaluateWhen', () => {
  it('treats an empty condition as true', () => {
    expect(evaluateWhen('')).toEqual({ ok: true, value: true });
  });

  it('evaluates the legacy conditions of Argo examples after substitution', () => {
    expect(outcome('heads == heads')).toBe(true); // coinflip: "{{steps.flip-coin.outputs.result}} == heads"
    expect(outcome('tails == heads')).toBe(false);
    expect(outcome('true == true')).toBe(true); // conditionals: "{{inputs.parameters.should-print}} == true"
    expect(outcome('Succeeded != Succeeded')).toBe(false); // exit-handlers: "{{workflow.status}} != Succeeded"
    expect(outcome('3 != 1 && 3 != 2')).toBe(true); // fibonacci: "{{inputs.parameters.num}} != 1 && ..."
    expect(outcome('2 < 10')).toBe(true); // recursive-for-loop: "{{steps.iterate-counter.outputs.result}} < {{inputs.parameters.limit}}"
    expect(outcome('even == even')).toBe(true); // parameter-aggregation: "{{item.evenness}} == even"
    expect(outcome('Failed == Failed')).toBe(true); // status-reference: "{{steps.flakey-container.status}} == Failed"
  });

  it('keeps bare words as unknown parameters when asked, as CronWorkflow when does', () => {
    const result = evaluateWhen('heads == heads', { barewordsAsStrings: false });
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.error.message).toContain("No parameter 'heads' found.");
    expect(evaluateWhen('true', { barewordsAsStrings: false })).toEqual({ ok: true, value: true });
  });
});
