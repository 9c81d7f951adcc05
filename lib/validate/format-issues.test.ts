import { describe, expect, it } from 'vitest';
import { formatIssue, formatIssues, formatLintResults } from './format-issues';

const broken = {
  file: 'wf.yaml',
  kind: 'Workflow',
  name: 'hello-',
  errors: [
    { path: 'spec.entrypoint', message: 'spec.entrypoint is required' },
    { path: '', message: 'a Workflow must be an object, not an array' },
  ],
};

describe('formatIssue', () => {
  it('prefixes the path when there is one', () => {
    expect(formatIssue({ path: 'spec.templates[0].name', message: 'name is required' })).toBe('spec.templates[0].name: name is required');
    expect(formatIssue({ path: '', message: 'whole manifest' })).toBe('whole manifest');
  });
});

describe('formatIssues', () => {
  it('puts one issue per line', () => {
    expect(formatIssues(broken.errors)).toBe('spec.entrypoint: spec.entrypoint is required\na Workflow must be an object, not an array');
  });
});

describe('formatLintResults', () => {
  it('prints the pretty report per file with a summary', () => {
    expect(formatLintResults([broken, { file: 'ok.yaml', kind: 'Workflow', name: 'ok', errors: [] }])).toBe(
      'wf.yaml:\n' +
        '   ✖ in "hello-" (Workflow): spec.entrypoint: spec.entrypoint is required\n' +
        '   ✖ in "hello-" (Workflow): a Workflow must be an object, not an array\n' +
        '\n' +
        '✖ 2 linting errors found!\n',
    );
  });

  it('prints the simple report, and success or nothing-to-lint summaries', () => {
    expect(formatLintResults([broken], 'simple')).toBe(
      'wf.yaml: in "hello-" (Workflow): spec.entrypoint: spec.entrypoint is required\n' +
        'wf.yaml: in "hello-" (Workflow): a Workflow must be an object, not an array\n',
    );
    expect(formatLintResults([{ ...broken, errors: [] }])).toBe('✔ no linting errors found!\n');
    expect(formatLintResults([], 'simple')).toBe('found nothing to lint in the specified paths, failing...\n');
  });
});
