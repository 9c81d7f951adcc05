/** Runs Capstan's benchmarks and prints their figures. Usage: npm run bench [-- engine|engine-reread|history|artifacts] */
import { benchArtifactDownload, printArtifactDownload } from './artifact-download';
import { benchBuildHistory } from './build-history';
import { printEngineBench } from './engine-reconcile';

const which = process.argv[2] ?? 'all';
if (which === 'all' || which === 'engine') {
  console.log('engine: reconcile a fan-out/fan-in DAG to the end with simulated pods (no Argo equivalent: its operator is not separable)');
  // Widths giving about 500, 5,000 and 50,000 nodes. `npm run bench -- engine 2000` measures one width.
  printEngineBench(process.argv[3] ? [Number(process.argv[3])] : [500, 5000, 50000]);
}
if (which === 'engine-reread') {
  // Not in `all`: the same run, each reconcile given its status parsed back from JSON, as the controller reads it.
  console.log('engine, status re-read from JSON before each reconcile (as the controller gets it from the store)');
  printEngineBench(process.argv[3] ? [Number(process.argv[3])] : [500, 5000, 50000], { reread: true });
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
