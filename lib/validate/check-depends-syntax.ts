// The grammar of a DAG task's `depends`: task names, optionally with a result (`a.Succeeded`), combined with
// `&&`, `||`, `!` and parentheses. Argo's validation only extracts names with a regular expression; a malformed
// expression passes `argo lint` and fails the workflow when the task is reached, so Capstan rejects it early.

type Token = { kind: 'name' | 'op' | '(' | ')' | '!'; text: string; at: number };

function tokenize(source: string): Token[] | string {
  const tokens: Token[] = [];
  const pattern = /\s+|&&|\|\||!|\(|\)|[a-zA-Z0-9][-a-zA-Z0-9]*(?:\.[a-zA-Z]+)?/y;
  let at = 0;
  while (at < source.length) {
    pattern.lastIndex = at;
    const match = pattern.exec(source);
    if (match === null) return `unexpected '${source[at]}' at position ${at + 1}`;
    const text = match[0];
    if (text.trim() !== '') {
      const kind = text === '&&' || text === '||' ? 'op' : text === '(' || text === ')' || text === '!' ? text : 'name';
      tokens.push({ kind, text, at });
    }
    at += text.length;
  }
  return tokens;
}

/** Why a `depends` expression is malformed, or undefined when it parses. */
export function checkDependsSyntax(source: string): string | undefined {
  const tokens = tokenize(source);
  if (typeof tokens === 'string') return tokens;
  let position = 0;
  const describe = (token: Token | undefined) => (token === undefined ? 'end of expression' : `'${token.text}' at position ${token.at + 1}`);
  // Recursive descent over: or := and ('||' and)* ; and := unary ('&&' unary)* ; unary := '!' unary | '(' or ')' | name
  const parseUnary = (): string | undefined => {
    const token = tokens[position];
    if (token?.kind === '!') {
      position++;
      return parseUnary();
    }
    if (token?.kind === '(') {
      position++;
      const inner = parseOr();
      if (inner !== undefined) return inner;
      if (tokens[position]?.kind !== ')') return `expected ')' but found ${describe(tokens[position])}`;
      position++;
      return undefined;
    }
    if (token?.kind === 'name') {
      position++;
      return undefined;
    }
    return `expected a task name but found ${describe(token)}`;
  };
  const parseBinary = (operator: string, operand: () => string | undefined) => (): string | undefined => {
    let problem = operand();
    while (problem === undefined && tokens[position]?.text === operator) {
      position++;
      problem = operand();
    }
    return problem;
  };
  const parseOr = parseBinary('||', parseBinary('&&', parseUnary));
  const problem = parseOr();
  if (problem !== undefined) return problem;
  return position < tokens.length ? `unexpected ${describe(tokens[position])}` : undefined;
}
