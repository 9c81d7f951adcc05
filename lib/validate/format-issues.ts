import type { ValidationIssue } from './types';

// Text in the shape of `argo lint`'s output (cmd/argo/lint: the "pretty" and "simple" formatters), with each
// issue as `path: message` where Argo prints only a message.

/** One linted object: where it came from and what was wrong with it. */
export interface LintedObject {
  file: string;
  kind: string;
  /** metadata.name, else generateName, else `object #<n>` as Argo names it. */
  name: string;
  errors: readonly ValidationIssue[];
}

/** `path: message`, or just the message for an issue with the manifest as a whole. */
export function formatIssue(issue: ValidationIssue): string {
  return issue.path === '' ? issue.message : `${issue.path}: ${issue.message}`;
}

/** All issues as one message, one `path: message` per line, for an API error body such as the lint endpoints'. */
export function formatIssues(issues: readonly ValidationIssue[]): string {
  return issues.map(formatIssue).join('\n');
}

function describeObject(object: LintedObject): string {
  return `in "${object.name}" (${object.kind})`;
}

/**
 * The report `argo lint` prints for a set of linted objects: per file, each issue, then a summary line. Nothing
 * linted is a failure, as in Argo.
 */
export function formatLintResults(objects: readonly LintedObject[], format: 'pretty' | 'simple' = 'pretty'): string {
  const failing = objects.filter((object) => object.errors.length > 0);
  const total = failing.reduce((sum, object) => sum + object.errors.length, 0);
  if (format === 'simple') {
    const lines = failing.flatMap((object) => object.errors.map((issue) => `${object.file}: ${describeObject(object)}: ${formatIssue(issue)}\n`));
    if (objects.length === 0) return 'found nothing to lint in the specified paths, failing...\n';
    return lines.join('') + (total === 0 ? 'no linting errors found!\n' : '');
  }
  const files = [...new Set(failing.map((object) => object.file))];
  const sections = files.map((file) => {
    const lines = failing
      .filter((object) => object.file === file)
      .flatMap((object) => object.errors.map((issue) => `   ✖ ${describeObject(object)}: ${formatIssue(issue)}\n`));
    return `${file}:\n${lines.join('')}\n`;
  });
  if (objects.length === 0) return '✖ found nothing to lint in the specified paths, failing...\n';
  return sections.join('') + (total === 0 ? '✔ no linting errors found!\n' : `✖ ${total} linting errors found!\n`);
}
