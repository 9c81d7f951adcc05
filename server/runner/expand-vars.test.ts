import { describe, expect, it } from 'vitest';
import { expandVars } from './expand-vars';

const env: Record<string, string> = { NAME: 'world', EMPTY: '' };
const expand = (text: string) => expandVars(text, (name) => env[name]);

describe('expandVars', () => {
  it('replaces defined variables and keeps undefined ones as written', () => {
    expect(expand('hello $(NAME)')).toBe('hello world');
    expect(expand('[$(EMPTY)]')).toBe('[]');
    expect(expand('$(MISSING) stays')).toBe('$(MISSING) stays');
  });

  it('treats $$ as an escaped $ and leaves other dollars alone', () => {
    expect(expand('$$(NAME)')).toBe('$(NAME)');
    expect(expand('echo $HOME $1 $')).toBe('echo $HOME $1 $');
    expect(expand('$(NAME')).toBe('$(NAME');
  });
});
