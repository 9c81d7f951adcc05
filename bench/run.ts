/** Runs Capstan's benchmarks and prints their figures. Usage: npm run bench [-- engine|history|artifacts] */
import { benchArtifactDownload, printArtifactDownload } from './artifact-download';
import { benchBuildHistory } from './build-history';
import { benchEngine } from './engine-reconcile';

const which = process.argv[2] ?? 'all';
if (which === 'all' || which === 'engine') {
  console.log('engine: reconcile a fan-out DAG to the end with simulated pods (no Argo equivalent: its operator is not separable)');
  for (const tasks of [100, 500, 2000]) {
    const r = benchEngine(tasks);
    console.log(
      `  ${String(r.tasks).padStart(5)} tasks (${r.phase}): ${r.ms.toFixed(0).padStart(6)} ms total, ${r.reconciles} reconciles, ` +
        `slowest reconcile ${r.slowestMs.toFixed(0)} ms, status ${(r.statusBytes / 1024).toFixed(0)} KiB`,
    );
  }
}
if (which === 'all' || which === 'history') {
  console.log('build history: one job with 100,000 archived builds, and 1,000 jobs in 50 folders (server time, no HTTP)');
  await benchBuildHistory();
}
if (which === 'artifacts') {
  // Not in `all`: it needs the test bed's MinIO and a Next.js build.
  console.log('artifact download: 1 GiB through Capstan against a direct MinIO download, and the server RSS growth');
  printArtifactDownload(await benchArtifactDownload());
}
