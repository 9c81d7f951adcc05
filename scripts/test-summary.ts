/**
 * Adds up the test reports of every layer and prints the closing `N passed, N failed` line CI reads.
 * Usage: tsx scripts/test-summary.ts <results-dir>
 */
import { existsSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { stripVTControlCharacters } from 'node:util';

interface Counts { passed: number; failed: number; skipped: number }

/** The failed tests, one line each, printed just above the summary so that a log's tail names them. */
const failures: string[] = [];
const firstLine = (message: string | undefined) => stripVTControlCharacters(message ?? '').trim().split('\n')[0]?.slice(0, 240) ?? '';

function vitestCounts(file: string): Counts {
  const report = JSON.parse(readFileSync(file, 'utf8')) as {
    numPassedTests: number; numFailedTests: number; numPendingTests: number; numTodoTests: number;
    testResults?: { name: string; status: string; message?: string; assertionResults: { status: string; fullName: string; failureMessages?: string[] }[] }[];
  };
  for (const f of report.testResults ?? []) {
    const file = relative(process.cwd(), f.name);
    for (const a of f.assertionResults.filter((r) => r.status === 'failed')) failures.push(`${file} › ${a.fullName}: ${firstLine(a.failureMessages?.[0])}`);
    if (f.status === 'failed' && !f.assertionResults.some((a) => a.status === 'failed')) failures.push(`${file}: ${firstLine(f.message)}`);
  }
  // A test file that fails outside its tests (it does not load, or a beforeAll hook throws or times out, which
  // leaves its tests 'skipped') has no failed assertion but must still count as a failure.
  const brokenFiles = (report.testResults ?? []).filter(
    (f) => f.status === 'failed' && !f.assertionResults.some((a) => a.status === 'failed'),
  ).length;
  return { passed: report.numPassedTests, failed: report.numFailedTests + brokenFiles, skipped: report.numPendingTests + report.numTodoTests };
}

interface PlaywrightSuite {
  suites?: PlaywrightSuite[];
  specs?: { title: string; file: string; line: number; tests: { status: string; results: { error?: { message?: string } }[] }[] }[];
}

function playwrightCounts(file: string): Counts {
  const report = JSON.parse(readFileSync(file, 'utf8')) as {
    stats: { expected: number; unexpected: number; flaky: number; skipped: number };
    errors?: { message?: string }[];
    suites?: PlaywrightSuite[];
  };
  const visit = (suite: PlaywrightSuite) => {
    for (const spec of suite.specs ?? []) {
      for (const test of spec.tests.filter((t) => t.status === 'unexpected')) {
        failures.push(`e2e/${spec.file}:${spec.line} › ${spec.title}: ${firstLine(test.results.at(-1)?.error?.message)}`);
      }
    }
    for (const child of suite.suites ?? []) visit(child);
  };
  for (const suite of report.suites ?? []) visit(suite);
  for (const error of report.errors ?? []) failures.push(`e2e: ${firstLine(error.message)}`);
  const s = report.stats;
  return { passed: s.expected + s.flaky, failed: s.unexpected + (report.errors?.length ?? 0), skipped: s.skipped };
}

const dir = process.argv[2] ?? 'test-results';
const total: Counts = { passed: 0, failed: 0, skipped: 0 };
const lines: string[] = [];
const add = (name: string, counts: Counts) => {
  total.passed += counts.passed;
  total.failed += counts.failed;
  total.skipped += counts.skipped;
  lines.push(`  ${name.padEnd(12)} ${counts.passed} passed, ${counts.failed} failed${counts.skipped ? `, ${counts.skipped} skipped` : ''}`);
};

// Steps that produce no report (checks, or a layer that crashed before reporting) are recorded by
// scripts/test.sh in steps.txt as `<name> <passed> <failed>`.
const steps = join(dir, 'steps.txt');
if (existsSync(steps)) {
  for (const line of readFileSync(steps, 'utf8').split('\n').filter(Boolean)) {
    const [name = '?', passed = '0', failed = '0'] = line.split(' ');
    add(name, { passed: Number(passed), failed: Number(failed), skipped: 0 });
  }
}
for (const [name, file, read] of [
  ['unit', 'unit.json', vitestCounts],
  ['integration', 'integration.json', vitestCounts],
  ['e2e', 'e2e.json', playwrightCounts],
] as const) {
  const path = join(dir, file);
  if (existsSync(path)) add(name, read(path));
}
const started = Number(process.env.TEST_STARTED ?? 0);
const elapsed = started ? Math.round(Date.now() / 1000 - started) : 0;
if (failures.length) console.log(`\nFailed:\n${failures.map((f) => `  ${f}`).join('\n')}`);
console.log(`\nTest summary${elapsed ? ` (${Math.floor(elapsed / 60)} min ${elapsed % 60} s)` : ''}:`);
console.log(lines.join('\n'));
console.log(`${total.passed} passed, ${total.failed} failed${total.skipped ? `, ${total.skipped} skipped` : ''}`);
process.exit(total.failed > 0 ? 1 : 0);
