import { describe, expect, it } from 'vitest';
import type { ExprNode } from './expr-ast';
import { parseExpr } from './parse-expr';

// A compact rendering of the tree, so precedence and associativity read at a glance.
function show(node: ExprNode): string {
  switch (node.kind) {
    case 'nil': return 'nil';
    case 'bool': case 'float': return String(node.value);
    case 'int': return `${node.value}i`;
    case 'string': return JSON.stringify(node.value);
    case 'identifier': return node.name;
    case 'pointer': return `#${node.name}`;
    case 'unary': return `(${node.operator} ${show(node.operand)})`;
    case 'binary': return `(${show(node.left)} ${node.operator} ${show(node.right)})`;
    case 'member': return `${show(node.object)}${node.optional ? '?.' : '.'}[${show(node.property)}]`;
    case 'slice': return `${show(node.object)}[${node.from ? show(node.from) : ''}:${node.to ? show(node.to) : ''}]`;
    case 'call': return `${show(node.callee)}(${node.args.map(show).join(', ')})`;
    case 'builtin': return `${node.name}!(${node.args.map(show).join(', ')})`;
    case 'predicate': return `{${show(node.body)}}`;
    case 'chain': return `chain(${show(node.node)})`;
    case 'conditional': return `(${show(node.condition)} ? ${show(node.then)} : ${show(node.otherwise)})`;
    case 'array': return `[${node.items.map(show).join(', ')}]`;
    case 'map': return `{${node.pairs.map((p) => `${show(p.key)}: ${show(p.value)}`).join(', ')}}`;
    case 'let': return `let ${node.name} = ${show(node.value)}; ${show(node.body)}`;
    case 'sequence': return node.nodes.map(show).join('; ');
  }
}

describe('parseExpr', () => {
  it.each([
    ['1 + 2 * 3', '(1i + (2i * 3i))'],
    ['10 - 3 - 2', '((10i - 3i) - 2i)'],
    ['2 ** 3 ** 2', '(2i ** (3i ** 2i))'],
    ['-2 ** 2', '(- (2i ** 2i))'],
    ['!a == b', '((! a) == b)'],
    ['not a in b', '((not a) in b)'],
    ['a not in b', '(not (a in b))'],
    ['1 < 2 < 3', '((1i < 2i) && (2i < 3i))'],
    ['a ?? b ?? c', '((a ?? b) ?? c)'],
    ['a || b && c', '(a || (b && c))'],
    ['a ? b : c ? d : e', '(a ? b : (c ? d : e))'],
    ['a ?: b', '(a ? a : b)'],
    ['1..3', '(1i .. 3i)'],
    ['a.b["c"][0]', 'a.["b"].["c"].[0i]'],
    ['a?.b.c', 'chain(a?.["b"].["c"])'],
    ['a?.[0]', 'chain(a?.[0i])'],
    ['a[1:]', 'a[1i:]'],
    ['a[:2]', 'a[:2i]'],
    ['f(1, 2)', 'f(1i, 2i)'],
    ['x.y(1)', 'x.["y"](1i)'],
    ['len(a)', 'len!(a)'],
    ['filter(a, # > 1)', 'filter!(a, {(# > 1i)})'],
    ['map(a, .name)', 'map!(a, {#.["name"]})'],
    ['reduce(a, #acc + #, 0)', 'reduce!(a, {(#acc + #)}, 0i)'],
    ['a | filter(# > 1) | len()', 'len!(filter!(a, {(# > 1i)}))'],
    ['[1, "a",]', '[1i, "a"]'],
    ['{a: 1, "b": 2, 3: 4, (x): 5}', '{"a": 1i, "b": 2i, "3": 4i, x: 5i}'],
    ['let x = 1; x + 1', 'let x = 1i; (x + 1i)'],
    ['if a { 1 } else { 2 }', '(a ? 1i : 2i)'],
    ['0x1F + 0b11 + 0o7 + 1_000', '(((31i + 3i) + 7i) + 1000i)'],
    ['1.5e3 + .5', '(1500 + 0.5)'],
    ['a.not', 'a.["not"]'],
  ])('parses %s', (source, tree) => {
    expect(show(parseExpr(source))).toBe(tree);
  });

  it.each([
    ['a == )', 'unexpected token ")" at 6 in "a == )"'],
    ['1 +', 'unexpected end of expression at 4 in "1 +"'],
    ['1 ?? 2 + 3', 'Operator (+) and coalesce expressions (??) cannot be mixed. Wrap either by parentheses. at 8'],
    ['# > 1', 'unexpected token "#" at 1'],
    ['a.', 'unexpected end of expression'],
    ['filter()', 'expected at least 2 arguments'],
    ['{[1]: 2}', 'a map key must be a quoted string'],
    ['9223372036854775808', 'invalid integer literal'],
    ['(1', 'unexpected end of expression'],
    ['1 not 2', 'unexpected token "2"'],
    ['filter(a, 1; 2)', 'wrap predicate with brackets { and }'],
  ])('rejects %s', (source, message) => {
    expect(() => parseExpr(source)).toThrow(message);
  });

  it('limits the size of the tree', () => {
    expect(() => parseExpr(Array.from({ length: 6000 }, () => '1').join(' + '))).toThrow('exceeds maximum allowed nodes');
  });
});
