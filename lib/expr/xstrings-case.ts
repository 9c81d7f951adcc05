import { goToLower, goToUpper } from './go-strings';
import { isGoSpace } from './tokenize-expr';

// github.com/huandu/xstrings' case conversions, which sprig's snakecase, kebabcase and camelcase call. The word
// splitting has many special cases ("HTTPServer" is "http_server", "Bld4Floor" is "bld4_floor", "x.tar.gz" is left
// alone), so this follows the Go code step by step over code points.

type WordType = 'invalid' | 'number' | 'upper' | 'alphabet' | 'connector' | 'punct' | 'other';

const isConnector = (c: string): boolean => c === '-' || c === '_' || isGoSpace(c);
const isUpper = (c: string): boolean => /^\p{Lu}$/u.test(c);
const isPunct = (c: string): boolean => /^\p{P}$/u.test(c);
const isNumber = (c: string): boolean => /^\p{N}$/u.test(c);
// xstrings counts letters as "alphabet" except CJK ideographs.
const isAlphabet = (c: string): boolean => /^\p{L}$/u.test(c) && !/^\p{Script=Han}$/u.test(c);

interface Word {
  type: WordType;
  word: string[];
  rest: string[];
}

// xstrings.nextWord: the next run of connectors, punctuation, an upper-case-led word, a lower-case word, a number
// or other characters. A run of capitals followed by a lower-case letter leaves its last capital for the next word.
function nextWord(chars: string[]): Word {
  if (chars.length === 0) return { type: 'invalid', word: [], rest: [] };
  const first = chars[0] ?? '';
  let end = 1;
  const extend = (keep: (c: string) => boolean): void => {
    while (end < chars.length && keep(chars[end] ?? '')) end += 1;
  };
  let type: WordType;
  if (isConnector(first)) {
    type = 'connector';
    extend(isConnector);
  } else if (isPunct(first)) {
    type = 'punct';
    extend(isPunct);
  } else if (isUpper(first)) {
    type = 'upper';
    const second = chars[1];
    if (second !== undefined && isUpper(second)) {
      extend(isUpper);
      if (end < chars.length && isAlphabet(chars[end] ?? '')) end -= 1;
    } else if (second !== undefined && isAlphabet(second)) {
      extend((c) => isAlphabet(c) && !isUpper(c));
    }
  } else if (isAlphabet(first)) {
    type = 'alphabet';
    extend((c) => isAlphabet(c) && !isUpper(c));
  } else if (isNumber(first)) {
    type = 'number';
    extend(isNumber);
  } else {
    type = 'other';
    extend((c) => !(isConnector(c) || isAlphabet(c) || isNumber(c) || isPunct(c)));
  }
  return { type, word: chars.slice(0, end), rest: chars.slice(end) };
}

// xstrings.toLower: upper-case words are lowered and connector runs become the connector; others are kept.
function lowerWord(type: WordType, word: string[], connector: string): string {
  if (type !== 'upper' && type !== 'connector') return word.join('');
  return word.map((c) => (isConnector(c) ? connector : goToLower(c))).join('');
}

/** xstrings.ToSnakeCase (connector "_") and ToKebabCase (connector "-"). */
export function toDelimitedCase(text: string, connector: string): string {
  if (text === '') return '';
  let out = '';
  let { type, word, rest } = nextWord([...text]);
  while (rest.length > 0) {
    if (type !== 'connector') out += lowerWord(type, word, connector);
    const previous = type;
    const last = word;
    ({ type, word, rest } = nextWord(rest));
    if (previous === 'number') {
      while (type === 'alphabet' || type === 'number') {
        out += lowerWord(type, word, connector);
        ({ type, word, rest } = nextWord(rest));
      }
      if (type !== 'invalid' && type !== 'punct' && type !== 'connector') out += connector;
    } else if (previous === 'connector') {
      out += lowerWord(previous, last, connector);
    } else if (previous !== 'punct') {
      if (type !== 'number') {
        if (type !== 'connector' && type !== 'punct') out += connector;
        continue;
      }
      if (rest.length === 0) continue;
      const number = word;
      ({ type, word, rest } = nextWord(rest));
      // A number followed by anything but lower-case letters belongs to the previous word ("Bld4Floor").
      if (type !== 'alphabet') {
        out += lowerWord('number', number, connector);
        if (type !== 'connector' && type !== 'punct') out += connector;
        continue;
      }
      // Lower-case letters after a number start a new word with it ("HTTP2xx" is "http_2xx").
      out += connector + lowerWord('number', number, connector);
      while (type === 'alphabet' || type === 'number') {
        out += lowerWord(type, word, connector);
        ({ type, word, rest } = nextWord(rest));
      }
      if (type !== 'invalid' && type !== 'connector' && type !== 'punct') out += connector;
    }
  }
  return out + lowerWord(type, word, connector);
}

/** xstrings.ToCamelCase as sprig's camelcase sees it: connectors dropped, the letter after one upper-cased. */
export function toPascalCase(text: string): string {
  const chars = [...text];
  if (chars.length === 0) return '';
  let out = '';
  let i = 0;
  // Leading connectors are kept; the first other character is upper-cased.
  while (i < chars.length && isConnector(chars[i] ?? '')) out += chars[i++];
  // Go writes the last connector once more when there is nothing else ("_" becomes "__").
  if (i >= chars.length) return out + (chars[chars.length - 1] ?? '');
  let current = goToUpper(chars[i++] ?? '');
  for (; i < chars.length; i++) {
    const previous = current;
    current = chars[i] ?? '';
    if (isConnector(current) && isConnector(previous)) {
      out += previous; // of a run of connectors, all but the last are kept
      continue;
    }
    if (isConnector(previous)) current = goToUpper(current);
    else out += previous;
  }
  return out + current;
}
