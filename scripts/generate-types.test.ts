import { describe, expect, it } from 'vitest';
import { collectDefinitions } from './type-gen/collect-definitions';
import { findStaleFiles } from './type-gen/find-stale-files';
import type { Definition, JsonSchema } from './type-gen/json-schema';
import { generatedHeader, renderFiles } from './type-gen/render-files';
import { toDeclaration } from './type-gen/to-declaration';
import { summarizeDescription, toDocComment } from './type-gen/to-doc-comment';
import { toTypeExpression } from './type-gen/to-type-expression';
import { toDefinitionTypeNames, toTypeNames } from './type-gen/to-type-names';

const argo = 'io.argoproj.workflow.v1alpha1';
const core = 'io.k8s.api.core.v1';
const meta = 'io.k8s.apimachinery.pkg.apis.meta.v1';
const events = 'github.com.argoproj.argo_events.pkg.apis.events.v1alpha1';

// Refs resolve to the last segment, which is all the expression tests need.
const resolve = (ref: string) => ref.split('.').pop() ?? ref;
const expression = (schema: JsonSchema) => toTypeExpression(schema, resolve);
const declare = (name: string, schema: JsonSchema) =>
  toDeclaration({ name, schema, source: 'schema' }, name.split('.').pop() ?? name, resolve);

describe('toTypeExpression', () => {
  it('maps scalars, and leaves an untyped schema unknown rather than any', () => {
    expect(expression({ type: 'string' })).toBe('string');
    expect(expression({ type: 'integer', format: 'int64' })).toBe('number');
    expect(expression({ type: 'boolean' })).toBe('boolean');
    expect(expression({ description: 'anything' })).toBe('unknown');
  });

  it('follows $refs and arrays of them', () => {
    expect(expression({ $ref: `#/definitions/${argo}.Parameter` })).toBe('Parameter');
    expect(expression({ type: 'array', items: { $ref: `#/definitions/${argo}.Parameter` } })).toBe('Parameter[]');
  });

  it('parenthesises compound element types of arrays', () => {
    expect(expression({ type: 'array', items: { enum: ['a', 'b'] } })).toBe("('a' | 'b')[]");
    expect(expression({ type: 'array', items: { type: 'array', items: { type: 'string' } } })).toBe('string[][]');
  });

  it('maps additionalProperties to Record and an empty object to Record<string, unknown>', () => {
    expect(expression({ type: 'object', additionalProperties: { type: 'string' } })).toBe('Record<string, string>');
    expect(expression({ type: 'object', additionalProperties: true })).toBe('Record<string, unknown>');
    expect(expression({ type: 'object' })).toBe('Record<string, unknown>');
  });

  it('maps enums and consts to literal unions', () => {
    expect(expression({ type: 'string', enum: ['CONFIGMAP', 'DATABASE'] })).toBe("'CONFIGMAP' | 'DATABASE'");
    expect(expression({ type: 'string', const: "it's" })).toBe("'it\\'s'");
  });

  it('maps int-or-string, however it is marked, to number | string', () => {
    expect(expression({ type: 'string', format: 'int-or-string' })).toBe('number | string');
    expect(expression({ 'x-kubernetes-int-or-string': true })).toBe('number | string');
  });
});

describe('toDeclaration', () => {
  it('marks properties optional unless required, and quotes keys that are not identifiers', () => {
    const text = declare(`${argo}.Parameter`, {
      type: 'object',
      required: ['name'],
      properties: { name: { type: 'string' }, value: { type: 'string' }, 'x-y': { type: 'boolean' } },
    });
    expect(text).toBe("export interface Parameter {\n  name: string;\n  value?: string;\n  'x-y'?: boolean;\n}\n");
  });

  it('documents the type and its members with summaries', () => {
    const text = declare(`${argo}.Arguments`, {
      description: 'Arguments to a template',
      type: 'object',
      properties: { parameters: { title: 'Parameters to pass\n+optional', type: 'array', items: { type: 'string' } } },
    });
    expect(text).toContain('/** Arguments to a template */\nexport interface Arguments {');
    expect(text).toContain('  /** Parameters to pass */\n  parameters?: string[];');
  });

  it('declares a map, an array or a scalar as a type alias', () => {
    expect(declare(`${argo}.Plugin`, { type: 'object' })).toBe('export type Plugin = Record<string, unknown>;\n');
    expect(declare(`${argo}.ParallelSteps`, { type: 'array', items: { $ref: `#/definitions/${argo}.WorkflowStep` } }))
      .toBe('export type ParallelSteps = WorkflowStep[];\n');
  });

  it('overrides the Kubernetes scalars whose schema understates the wire', () => {
    expect(declare('io.k8s.apimachinery.pkg.util.intstr.IntOrString', { type: 'string' }))
      .toBe('export type IntOrString = number | string;\n');
    expect(declare(`${meta}.Time`, { type: 'string', format: 'date-time' })).toBe('export type Time = string;\n');
  });
});

describe('toTypeNames', () => {
  it("strips Argo Workflows' namespace and keeps unique short names bare", () => {
    const names = toTypeNames([`${argo}.Workflow`, `${meta}.ObjectMeta`, 'sync.SyncConfigType']);
    expect([...names.values()].sort()).toEqual(['ObjectMeta', 'SyncConfigType', 'Workflow']);
  });

  it('gives a colliding short name to the best-ranked namespace and prefixes the others', () => {
    const names = toTypeNames([`${events}.Container`, `${core}.Container`, `${argo}.HTTPHeader`, `${core}.HTTPHeader`]);
    expect(names.get(`${core}.Container`)).toBe('Container');
    expect(names.get(`${events}.Container`)).toBe('EventsV1alpha1Container');
    expect(names.get(`${argo}.HTTPHeader`)).toBe('HTTPHeader');
    expect(names.get(`${core}.HTTPHeader`)).toBe('CoreV1HTTPHeader');
  });

  it('prefixes every member of a collision among unranked namespaces', () => {
    const names = toTypeNames(['eventsource.LogEntry', 'sensor.LogEntry']);
    expect([...names.values()].sort()).toEqual(['EventsourceLogEntry', 'SensorLogEntry']);
  });

  it('derives the prefix from the last two namespace segments, as in MetaV1Time', () => {
    const names = toTypeNames([`${argo}.Time`, `${meta}.Time`]);
    expect(names.get(`${meta}.Time`)).toBe('MetaV1Time');
  });

  it('takes more namespace segments while a prefixed name is still taken', () => {
    const names = toTypeNames(['a.x.v1.Foo', 'b.x.v1.Foo']);
    expect(names.get('a.x.v1.Foo')).toBe('XV1Foo');
    expect(names.get('b.x.v1.Foo')).toBe('BXV1Foo');
  });

  it('never uses an ECMAScript built-in bare', () => {
    expect(toTypeNames(['grpc.gateway.runtime.Error']).get('grpc.gateway.runtime.Error')).toBe('GatewayRuntimeError');
  });

  it('does not depend on input order', () => {
    const input = [`${events}.Template`, `${argo}.Template`, 'eventsource.LogEntry', 'sensor.LogEntry'];
    expect(toTypeNames(input)).toEqual(toTypeNames([...input].reverse()));
  });

  it('names a stream result after the type of its messages', () => {
    const definitions: Definition[] = [
      { name: `${core}.Event`, schema: {}, source: 'schema' },
      { name: `${argo}.Event`, schema: {}, source: 'schema' },
      { name: `${core}.EventStreamResult`, schema: {}, source: 'stream', streamOf: `${core}.Event` },
    ];
    expect(toDefinitionTypeNames(definitions).get(`${core}.EventStreamResult`)).toBe('CoreV1EventStreamResult');
  });
});

describe('summarizeDescription and toDocComment', () => {
  it('keeps the first sentences of the first paragraph and drops markers', () => {
    const text = 'Kind is a string. Servers may infer it.\n+optional\n\nMore info: https://example.com';
    expect(summarizeDescription(text)).toBe('Kind is a string. Servers may infer it.');
  });

  it('cuts an overlong sentence at a word boundary', () => {
    const summary = summarizeDescription(`${'word '.repeat(60)}end`);
    expect(summary.length).toBeLessThanOrEqual(180);
    expect(summary.endsWith('word…')).toBe(true);
  });

  it('wraps long text and escapes comment terminators', () => {
    expect(toDocComment('Matches a/*/b paths')).toBe('/** Matches a/*\\/b paths */\n');
    expect(toDocComment(`${'word '.repeat(30)}end.`, '  ').split('\n')).toHaveLength(5);
    expect(toDocComment(undefined)).toBe('');
  });
});

describe('collectDefinitions', () => {
  const schemaJson = { definitions: { [`${argo}.Workflow`]: { properties: { kind: { const: 'Workflow' } } } } };
  const swaggerJson = {
    definitions: {
      [`${argo}.Workflow`]: { properties: { kind: { type: 'string' } } },
      'grpc.gateway.runtime.Error': { type: 'object' },
    },
    paths: {
      '/api/v1/workflow-events/{namespace}': {
        get: {
          responses: {
            200: {
              schema: {
                title: `Stream result of ${argo}.Workflow`,
                properties: { result: { $ref: `#/definitions/${argo}.Workflow` } },
              },
            },
          },
        },
      },
    },
  };

  it("prefers schema.json's definition, adds swagger.json's others and the inline stream results", () => {
    const definitions = collectDefinitions(schemaJson, swaggerJson);
    expect(definitions.map((d) => [d.name, d.source])).toEqual([
      [`${argo}.Workflow`, 'schema'],
      ['grpc.gateway.runtime.Error', 'swagger'],
      [`${argo}.WorkflowStreamResult`, 'stream'],
    ]);
    expect(definitions[0]?.schema.properties?.kind?.const).toBe('Workflow');
  });

  it('names the file that is not a schema', () => {
    expect(() => collectDefinitions({}, swaggerJson)).toThrow('schema.json has no "definitions" object');
  });
});

describe('renderFiles', () => {
  const definitions: Definition[] = [
    { name: `${argo}.Workflow`, schema: { type: 'object', properties: { metadata: { $ref: `#/definitions/${meta}.ObjectMeta` } } }, source: 'schema' },
    { name: `${meta}.ObjectMeta`, schema: { type: 'object', properties: { name: { type: 'string' } } }, source: 'schema' },
  ];

  it('writes an index and one module per origin, importing across modules by type', () => {
    const files = renderFiles(definitions);
    expect(files.map((f) => f.path)).toEqual(['argo.ts', 'argo-workflows.ts', 'k8s.ts']);
    for (const file of files) expect(file.content.startsWith(`${generatedHeader}\n`)).toBe(true);
    expect(files[0]?.content).toContain("export type * from './k8s';");
    expect(files[1]?.content).toContain("import type {\n  ObjectMeta,\n} from './k8s';");
  });

  it('fails loudly on a $ref to nothing', () => {
    const dangling: Definition = { name: `${argo}.X`, schema: { $ref: '#/definitions/nowhere.Y' }, source: 'schema' };
    expect(() => renderFiles([dangling])).toThrow('unresolved $ref #/definitions/nowhere.Y');
  });
});

describe('findStaleFiles', () => {
  it('reports missing, changed and orphaned generated files, and ignores hand-written ones', () => {
    const expected = [
      { path: 'a.ts', content: `${generatedHeader}\nA\n` },
      { path: 'b.ts', content: `${generatedHeader}\nB\n` },
    ];
    const actual = new Map([
      ['b.ts', `${generatedHeader}\nB2\n`],
      ['old.ts', `${generatedHeader}\nOld\n`],
      ['notes.ts', '// by hand\n'],
    ]);
    expect(findStaleFiles(expected, actual)).toEqual([
      { path: 'a.ts', reason: 'missing' },
      { path: 'b.ts', reason: 'changed', line: 2 },
      { path: 'old.ts', reason: 'orphaned' },
    ]);
    expect(findStaleFiles(expected, new Map(expected.map((f) => [f.path, f.content])))).toEqual([]);
  });
});
