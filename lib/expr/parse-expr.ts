import { ExpressionError } from './expression-error';
import { tokenizeExpr } from './tokenize-expr';
import type { Token, TokenKind } from './tokenize-expr';
import type { ExprNode } from './expr-ast';
import { BINARY, BUILTIN_NAMES, COMPARISONS, NEGATABLE, PREDICATE_BUILTINS, UNARY } from './expr-grammar';
import { parseNumberLiteral } from './parse-number-literal';

// A port of expr-lang's precedence-climbing parser (parser/parser.go). Keeping its structure keeps its quirks:
// `!a == b` is `(!a) == b`, `1 < 2 < 3` is `1 < 2 && 2 < 3`, `??` cannot be mixed with other operators unbracketed.

const MAX_NODES = 10_000; // expr-lang's conf.DefaultMaxNodes

/** Parses an expr-lang expression into a syntax tree; throws ExpressionError with the offending position. */
export function parseExpr(source: string): ExprNode {
  const cached = parsed.get(source);
  if (cached) return cached;
  const ast = new Parser(source).parseProgram();
  if (parsed.size >= maxParsed) parsed.delete(parsed.keys().next().value!);
  parsed.set(source, ast);
  return ast;
}

// Parsed expressions by source. A big DAG evaluates the same `depends` and `when` expressions for thousands of
// tasks on every reconcile; parsing is pure and nothing changes an AST, so one parse serves them all.
const parsed = new Map<string, ExprNode>();
const maxParsed = 10_000;

class Parser {
  private readonly tokens: Token[];
  private index = 0;
  private depth = 0; // predicate nesting: `#` and `.field` are only meaningful inside one
  private nodeCount = 0;

  constructor(private readonly source: string) {
    this.tokens = tokenizeExpr(source);
  }

  parseProgram(): ExprNode {
    const node = this.parseSequence();
    if (this.current.kind !== 'eof') this.unexpected();
    return node;
  }

  private get current(): Token {
    return this.tokens[this.index] ?? this.tokens[this.tokens.length - 1] ?? { kind: 'eof', value: '', position: 0 };
  }

  private next(): void {
    if (this.current.kind === 'eof') this.fail('unexpected end of expression', this.current);
    this.index += 1;
  }

  private is(kind: TokenKind, value?: string): boolean {
    return this.current.kind === kind && (value === undefined || this.current.value === value);
  }

  private expect(kind: TokenKind, value?: string): void {
    if (!this.is(kind, value)) this.unexpected();
    this.next();
  }

  private fail(reason: string, token: Token = this.current): never {
    throw new ExpressionError(reason, this.source, token.position);
  }

  private unexpected(token: Token = this.current): never {
    if (token.kind === 'eof') this.fail('unexpected end of expression', token);
    return this.fail(`unexpected token ${JSON.stringify(token.value)}`, token);
  }

  private node<N extends ExprNode>(node: N): N {
    this.nodeCount += 1;
    if (this.nodeCount > MAX_NODES) this.fail('compilation failed: expression exceeds maximum allowed nodes');
    return node;
  }

  private parseSequence(): ExprNode {
    const nodes = [this.parseExpression(0)];
    while (this.is('operator', ';')) {
      this.next();
      if (this.is('eof')) break;
      nodes.push(this.parseExpression(0));
    }
    const [first] = nodes;
    if (nodes.length === 1 && first) return first;
    return this.node({ kind: 'sequence', nodes, position: first?.position ?? 0 });
  }

  private parseExpression(precedence: number): ExprNode {
    if (precedence === 0 && this.is('operator', 'let')) return this.parseLet();
    if (precedence === 0 && this.is('operator', 'if')) return this.parseIf();
    let left = this.parsePrimary();
    let previous = '';
    let opToken = this.current;
    while (opToken.kind === 'operator') {
      const negate = opToken.value === 'not';
      let notToken: Token | undefined;
      if (negate) {
        const backup = this.index;
        this.next();
        if (!NEGATABLE.has(this.current.value)) this.unexpected();
        if ((BINARY[this.current.value]?.precedence ?? -1) < precedence) {
          this.index = backup; // "not in" binds looser than the caller: leave it for an outer level
          break;
        }
        notToken = opToken;
        opToken = this.current;
      }
      const op = BINARY[opToken.value];
      if (!op || op.precedence < precedence) break;
      this.next();
      if (opToken.value === '|') {
        const name = this.current;
        this.expect('identifier');
        left = this.parseCall(name, [left]);
      } else if (previous === '??' && opToken.value !== '??') {
        this.fail(`Operator (${opToken.value}) and coalesce expressions (??) cannot be mixed. Wrap either by parentheses.`, opToken);
      } else if (COMPARISONS.has(opToken.value)) {
        left = this.parseComparison(left, opToken, op.precedence);
      } else {
        const right = this.parseExpression(op.rightAssociative ? op.precedence : op.precedence + 1);
        left = this.node({ kind: 'binary', operator: opToken.value, left, right, position: opToken.position });
        if (notToken) left = this.node({ kind: 'unary', operator: 'not', operand: left, position: notToken.position });
      }
      previous = opToken.value;
      opToken = this.current;
    }
    return precedence === 0 ? this.parseConditional(left) : left;
  }

  private parseLet(): ExprNode {
    this.expect('operator', 'let');
    const name = this.current;
    this.expect('identifier');
    this.expect('operator', '=');
    const value = this.parseExpression(0);
    this.expect('operator', ';');
    const body = this.parseSequence();
    return this.node({ kind: 'let', name: name.value, value, body, position: name.position });
  }

  private parseIf(): ExprNode {
    const start = this.current;
    this.next();
    const condition = this.parseExpression(0);
    this.expect('bracket', '{');
    const then = this.parseSequence();
    this.expect('bracket', '}');
    this.expect('operator', 'else');
    let otherwise: ExprNode;
    if (this.is('operator', 'if')) otherwise = this.parseIf();
    else {
      this.expect('bracket', '{');
      otherwise = this.parseSequence();
      this.expect('bracket', '}');
    }
    return this.node({ kind: 'conditional', condition, then, otherwise, position: start.position });
  }

  private parseConditional(node: ExprNode): ExprNode {
    let result = node;
    while (this.is('operator', '?')) {
      const question = this.current;
      this.next();
      let then: ExprNode;
      let otherwise: ExprNode;
      if (!this.is('operator', ':')) {
        then = this.parseExpression(0);
        this.expect('operator', ':');
        otherwise = this.parseExpression(0);
      } else {
        this.next(); // `a ?: b` is `a ? a : b`
        then = result;
        otherwise = this.parseExpression(0);
      }
      result = this.node({ kind: 'conditional', condition: result, then, otherwise, position: question.position });
    }
    return result;
  }

  private parseComparison(first: ExprNode, firstToken: Token, precedence: number): ExprNode {
    let left = first;
    let token = firstToken;
    let root: ExprNode | undefined;
    for (;;) {
      const right = this.parseExpression(precedence + 1);
      const comparison = this.node<ExprNode>({ kind: 'binary', operator: token.value, left, right, position: token.position });
      root = root ? this.node({ kind: 'binary', operator: '&&', left: root, right: comparison, position: token.position }) : comparison;
      left = right;
      token = this.current;
      if (!(token.kind === 'operator' && COMPARISONS.has(token.value))) break;
      this.next();
    }
    return root;
  }

  private parsePrimary(): ExprNode {
    const token = this.current;
    const unary = token.kind === 'operator' ? UNARY[token.value] : undefined;
    if (unary) {
      this.next();
      const operand = this.parseExpression(unary.precedence);
      return this.parsePostfix(this.node({ kind: 'unary', operator: token.value, operand, position: token.position }));
    }
    if (this.is('bracket', '(')) {
      this.next();
      const inner = this.parseSequence();
      this.expect('bracket', ')');
      return this.parsePostfix(inner);
    }
    if (this.depth > 0 && (this.is('operator', '#') || this.is('operator', '.'))) {
      let name = '';
      if (this.is('operator', '#')) {
        this.next();
        if (this.is('identifier')) {
          name = this.current.value;
          this.next();
        }
      }
      // For `.field` the dot is left in place: the postfix parser reads it as member access on `#`.
      return this.parsePostfix(this.node({ kind: 'pointer', name, position: token.position }));
    }
    if (this.is('operator', '::')) {
      this.next();
      const name = this.current;
      this.expect('identifier');
      return this.parsePostfix(this.parseCall(name, []));
    }
    return this.parseSecondary();
  }

  private parseSecondary(): ExprNode {
    const token = this.current;
    const position = token.position;
    switch (token.kind) {
      case 'identifier': {
        this.next();
        if (token.value === 'true' || token.value === 'false') return this.node({ kind: 'bool', value: token.value === 'true', position });
        if (token.value === 'nil') return this.node({ kind: 'nil', position });
        const node = this.is('bracket', '(') ? this.parseCall(token, []) : this.node<ExprNode>({ kind: 'identifier', name: token.value, position });
        return this.parsePostfix(node);
      }
      case 'number':
        this.next();
        return this.parseNumber(token);
      case 'string':
        this.next();
        return this.parsePostfix(this.node({ kind: 'string', value: token.value, position }));
      default:
        if (this.is('bracket', '[')) return this.parsePostfix(this.parseArray());
        if (this.is('bracket', '{')) return this.parsePostfix(this.parseMap());
        return this.unexpected();
    }
  }

  private parseNumber(token: Token): ExprNode {
    const literal = parseNumberLiteral(token.value);
    if (typeof literal === 'string') return this.fail(literal, token);
    return this.node(literal.kind === 'int'
      ? { kind: 'int', value: literal.value, position: token.position }
      : { kind: 'float', value: literal.value, position: token.position });
  }

  private parseCall(token: Token, leading: ExprNode[]): ExprNode {
    const position = token.position;
    const predicateArgs = PREDICATE_BUILTINS[token.value];
    if (predicateArgs) {
      this.expect('bracket', '(');
      const args = [...leading];
      for (const [i, kind] of predicateArgs.slice(leading.length).entries()) {
        if (kind.startsWith('optional')) {
          if (this.is('bracket', ')')) break;
        } else if (this.is('bracket', ')')) {
          this.fail(`expected at least ${predicateArgs.length - leading.length} arguments`);
        }
        if (i > 0) this.expect('operator', ',');
        args.push(kind.endsWith('predicate') ? this.parsePredicate() : this.parseExpression(0));
      }
      if (this.is('operator', ',')) this.next();
      this.expect('bracket', ')');
      return this.node({ kind: 'builtin', name: token.value, args, position });
    }
    if (BUILTIN_NAMES.has(token.value)) {
      return this.node({ kind: 'builtin', name: token.value, args: this.parseArguments(leading), position });
    }
    const callee = this.node<ExprNode>({ kind: 'identifier', name: token.value, position });
    return this.node({ kind: 'call', callee, args: this.parseArguments(leading), position });
  }

  private parseArguments(leading: ExprNode[]): ExprNode[] {
    const args = [...leading];
    this.expect('bracket', '(');
    while (!this.is('bracket', ')')) {
      if (args.length > leading.length) this.expect('operator', ',');
      if (this.is('bracket', ')')) break;
      args.push(this.parseExpression(0));
    }
    this.expect('bracket', ')');
    return args;
  }

  private parsePredicate(): ExprNode {
    const start = this.current;
    const braced = this.is('bracket', '{');
    if (braced) this.next();
    this.depth += 1;
    let body: ExprNode;
    if (braced) body = this.parseSequence();
    else {
      body = this.parseExpression(0);
      if (this.is('operator', ';')) this.fail('wrap predicate with brackets { and }');
    }
    this.depth -= 1;
    if (braced) this.expect('bracket', '}');
    return this.node({ kind: 'predicate', body, position: start.position });
  }

  private parseArray(): ExprNode {
    const start = this.current;
    this.expect('bracket', '[');
    const items: ExprNode[] = [];
    while (!this.is('bracket', ']')) {
      if (items.length > 0) {
        this.expect('operator', ',');
        if (this.is('bracket', ']')) break;
      }
      items.push(this.parseExpression(0));
    }
    this.expect('bracket', ']');
    return this.node({ kind: 'array', items, position: start.position });
  }

  private parseMap(): ExprNode {
    const start = this.current;
    this.expect('bracket', '{');
    const pairs: Array<{ key: ExprNode; value: ExprNode }> = [];
    while (!this.is('bracket', '}')) {
      if (pairs.length > 0) {
        this.expect('operator', ',');
        if (this.is('bracket', '}')) break;
        if (this.is('operator', ',')) this.unexpected();
      }
      let key: ExprNode;
      // A key is a string, number or identifier (all taken literally as strings), or a parenthesised expression.
      if (this.is('number') || this.is('string') || this.is('identifier')) {
        key = this.node({ kind: 'string', value: this.current.value, position: this.current.position });
        this.next();
      } else if (this.is('bracket', '(')) {
        key = this.parseExpression(0);
      } else {
        this.fail(`a map key must be a quoted string, a number, a identifier, or an expression enclosed in parentheses (unexpected token ${JSON.stringify(this.current.value)})`);
      }
      this.expect('operator', ':');
      pairs.push({ key, value: this.parseExpression(0) });
    }
    this.expect('bracket', '}');
    return this.node({ kind: 'map', pairs, position: start.position });
  }

  private parsePostfix(start: ExprNode): ExprNode {
    let node = start;
    for (;;) {
      let token = this.current;
      if (token.kind !== 'operator' && token.kind !== 'bracket') return node;
      const optional = token.value === '?.';
      if (optional && this.tokens[this.index + 1]?.value === '[' && this.tokens[this.index + 1]?.kind === 'bracket') {
        this.next(); // `a?.[expr]`: optional index access
        token = this.current;
      }
      if (token.value === '.' || token.value === '?.') {
        this.next();
        const property = this.current;
        this.next();
        // Keywords such as `not` or `matches` are valid property names.
        if (property.kind !== 'identifier' && !(property.kind === 'operator' && /^[\p{L}_$][\p{L}\p{Nd}_$]*$/u.test(property.value))) {
          this.fail('expected name', property);
        }
        const inChain = node.kind === 'chain';
        const object = node.kind === 'chain' ? node.node : node;
        const key = this.node<ExprNode>({ kind: 'string', value: property.value, position: property.position });
        const member = this.node<ExprNode>({ kind: 'member', object, property: key, optional, method: this.is('bracket', '('), position: property.position });
        node = member.kind === 'member' && member.method
          ? this.node({ kind: 'call', callee: member, args: this.parseArguments([]), position: property.position })
          : member;
        if (inChain || optional) node = this.node({ kind: 'chain', node, position: property.position });
      } else if (token.value === '[') {
        this.next();
        if (this.is('operator', ':')) {
          this.next();
          const to = this.is('bracket', ']') ? undefined : this.parseExpression(0);
          node = this.node({ kind: 'slice', object: node, to, position: token.position });
          this.expect('bracket', ']');
        } else {
          const from = this.parseExpression(0);
          if (this.is('operator', ':')) {
            this.next();
            const to = this.is('bracket', ']') ? undefined : this.parseExpression(0);
            node = this.node({ kind: 'slice', object: node, from, to, position: token.position });
          } else {
            node = this.node({ kind: 'member', object: node, property: from, optional, method: false, position: token.position });
            if (optional) node = this.node({ kind: 'chain', node, position: token.position });
          }
          this.expect('bracket', ']');
        }
      } else return node;
    }
  }
}
