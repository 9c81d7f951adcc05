import { describe, expect, it } from 'vitest';
import { ExpressionError } from './expression-error';
import { fromGoJson, toGoJson } from './go-json';
import { queryJsonPath } from './jsonpath';

const DOCUMENT = fromGoJson(JSON.stringify({
  employees: [{ name: 'Baris', age: 43 }, { name: 'Mo', age: 42 }, { name: 'Jai', age: 44 }],
  store: { book: [{ title: 'A', price: 8.95, tags: ['x'] }, { title: 'B', price: 12.99 }], bicycle: { color: 'red', price: 19.95 } },
  length: 7,
}));

describe('queryJsonPath matches github.com/evilmonkeyinc/jsonpath v0.8.1 as Argo calls it', () => {
  // [path, Go JSON of the result or null for an error], recorded from the Go library.
  it.each([
    ["$.employees[?(@.name==\"Baris\")].age", "[43]"],
    ["$.employees[?(@.age>42 && @.age<44)].age", "[43]"],
    ["$.employees[0:1]", "[{\"age\":43,\"name\":\"Baris\"}]"],
    ["$.employees[*].name", "[\"Baris\",\"Mo\",\"Jai\"]"],
    ["$.employees[0].name", "\"Baris\""],
    ["$..name", "[\"Baris\",\"Mo\",\"Jai\"]"],
    ["$.employees.length", "3"],
    ["$.nope", null],
    ["$.employees[5]", null],
    ["$.employees[-1].name", "\"Jai\""],
    ["$[\"employees\"][1][\"age\"]", "42"],
    ["$.employees[0,2].name", "[\"Baris\",\"Jai\"]"],
    ["$.employees[?(@.age)].name", "[\"Baris\",\"Mo\",\"Jai\"]"],
    ["$.employees[*]", "[{\"age\":43,\"name\":\"Baris\"},{\"age\":42,\"name\":\"Mo\"},{\"age\":44,\"name\":\"Jai\"}]"],
    ["$", "{\"employees\":[{\"age\":43,\"name\":\"Baris\"},{\"age\":42,\"name\":\"Mo\"},{\"age\":44,\"name\":\"Jai\"}],\"length\":7,\"store\":{\"bicycle\":{\"color\":\"red\",\"price\":19.95},\"book\":[{\"price\":8.95,\"tags\":[\"x\"],\"title\":\"A\"},{\"price\":12.99,\"title\":\"B\"}]}}"],
    ["$.employees[::2].name", "[\"Baris\",\"Jai\"]"],
    ["$.employees[?(@.age == 42 || @.name == \"Jai\")].name", "[\"Mo\",\"Jai\"]"],
    ["@.employees", "[{\"age\":43,\"name\":\"Baris\"},{\"age\":42,\"name\":\"Mo\"},{\"age\":44,\"name\":\"Jai\"}]"],
    ["employees", null],
    ["$.employees[?(!@.age)]", "[]"],
    ["$.employees[0:5].age", "[43,42,44]"],
    ["$.employees[1:].age", "[42,44]"],
    ["$.employees[:-1].name", "[\"Baris\",\"Mo\"]"],
    ["$.employees[-2:].name", "[\"Mo\",\"Jai\"]"],
    ["$.*", "[[{\"age\":43,\"name\":\"Baris\"},{\"age\":42,\"name\":\"Mo\"},{\"age\":44,\"name\":\"Jai\"}],7,{\"bicycle\":{\"color\":\"red\",\"price\":19.95},\"book\":[{\"price\":8.95,\"tags\":[\"x\"],\"title\":\"A\"},{\"price\":12.99,\"title\":\"B\"}]}]"],
    ["$.employees[0].*", "[43,\"Baris\"]"],
    ["$.store.book[*].price", "[8.95,12.99]"],
    ["$.store..price", "[19.95,8.95,12.99]"],
    ["$..book[0].title", "[\"A\"]"],
    ["$.store.book[?(@.price < 10)].title", "[\"A\"]"],
    ["$.store.book[?(@.tags)].title", "[\"A\"]"],
    ["$.store.bicycle.color", "\"red\""],
    ["$.store.bicycle['color']", "\"red\""],
    ["$.store['bicycle','book']", "[{\"color\":\"red\",\"price\":19.95},[{\"price\":8.95,\"tags\":[\"x\"],\"title\":\"A\"},{\"price\":12.99,\"title\":\"B\"}]]"],
    ["$.length", "7"],
    ["$.store.book.length", "2"],
    ["$.employees[?(@.name != \"Mo\")].name", "[\"Baris\",\"Jai\"]"],
    ["$.employees[?(@.age >= 43)].name", "[\"Baris\",\"Jai\"]"],
    ["$.employees[?(@.age <= 42)].name", "[\"Mo\"]"],
    ["$.employees[?(@.name == 'Jai')].age", "[44]"],
    ["$.employees[?(@.age > 42)][0].name", "\"Baris\""],
    ["$.employees[1:3][0].name", "\"Mo\""],
    ["$.employees[?(@.age * 2 > 85)].name", "[\"Baris\",\"Jai\"]"],
    ["$.employees[?(@.age + 1 == 44)].name", "[\"Baris\"]"],
    ["$.store.book[0].tags[0]", "\"x\""],
    ["$.store.book[1].tags", null],
    ["$.employees[0]['name']", "\"Baris\""],
  ] as const)('%s', (path, expected) => {
    if (expected === null) expect(() => queryJsonPath(path, DOCUMENT)).toThrow(ExpressionError);
    else expect(toGoJson(queryJsonPath(path, DOCUMENT))).toBe(expected);
  });
});

describe('queryJsonPath', () => {
  it('gives a single value for a definite path and a list for wildcards, slices and filters', () => {
    expect(queryJsonPath('$.employees[0].age', DOCUMENT)).toBe(43);
    expect(queryJsonPath('$.employees[*].age', DOCUMENT)).toEqual([43, 42, 44]);
  });

  it('reports the library messages for missing keys and bad selectors', () => {
    expect(() => queryJsonPath('$.nope', DOCUMENT)).toThrow("key: invalid token key 'nope' not found");
    expect(() => queryJsonPath('nope', DOCUMENT)).toThrow("invalid JSONPath selector 'nope' unexpected token 'n' at index 0");
  });

  it('matches regular expressions in filters with =~ and a quoted pattern', () => {
    expect(queryJsonPath('$.employees[?(@.name =~ "^B")].name', DOCUMENT)).toEqual(['Baris']);
  });
});
