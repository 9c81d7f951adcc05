/**
 * Kubernetes' `$(VAR)` expansion of env values, command and args: a defined variable is replaced, an
 * undefined one is left as written, and `$$` escapes a `$`. Steps written for Argo rely on it.
 */
export function expandVars(input: string, lookup: (name: string) => string | undefined): string {
  let out = '';
  for (let i = 0; i < input.length; i++) {
    const char = input[i];
    const next = input[i + 1];
    if (char !== '$' || next === undefined) {
      out += char;
      continue;
    }
    if (next === '$') {
      out += '$';
      i++;
      continue;
    }
    if (next !== '(') {
      out += char;
      continue;
    }
    const close = input.indexOf(')', i + 2);
    if (close < 0) {
      out += input.slice(i);
      break;
    }
    const name = input.slice(i + 2, close);
    out += lookup(name) ?? `$(${name})`;
    i = close;
  }
  return out;
}
