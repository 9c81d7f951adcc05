/**
 * Adds up the test reports of every layer and prints the closing `N passed, N failed` line CI reads.
 * Usage: tsx scripts/test-summary.ts <results-dir>
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

interface Counts { passed: number; failed: number; skipped: number }

function vitestCounts(file: string): Counts {
  const report = JSON.parse(readFileSync(file, 'utf8')) as {
    numPassedTests: number; numFailedTests: number; numPendingTests: number; numTodoTests: number;
    testResults?: { status: string; assertionResults: { status: string }[] }[];
  };
  // A test file that fails outside its tests (it does not load, or a beforeAll hook throws or times out, which
  // leaves its tests 'skipped') has no failed assertion but must still count as a failure.
  const brokenFiles = (report.testResults ?? []).filter(
    (f) => f.status === 'failed' && !f.assertionResults.some((a) => a.status === 'failed'),
  ).length;
  return { passed: report.numPassedTests, failed: report.numFailedTests + brokenFiles, skipped: report.numPendingTests + report.numTodoTests };
}

function playwrightCounts(file: string): Counts {
  const report = JSON.parse(readFileSync(file, 'utf8')) as {
    stats: { expected: number; unexpected: number; flaky: number; skipped: number };
    errors?: unknown[];
  };
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
console.log(`\nTest summary${elapsed ? ` (${Math.floor(elapsed / 60)} min ${elapsed % 60} s)` : ''}:`);
console.log(lines.join('\n'));
console.log(`${total.passed} passed, ${total.failed} failed${total.skipped ? `, ${total.skipped} skipped` : ''}`);
process.exit(total.failed > 0 ? 1 : 0);
