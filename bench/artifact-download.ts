/**
 * Download of a 1 GiB artifact through Capstan's artifact endpoint against a direct download of the same object
 * from MinIO (a signed S3 GET), measured in the same run, with Capstan's server RSS sampled during its downloads.
 * Usage (needs the test bed's MinIO and `next build`):
 *   WITH_MINIO=1 scripts/test-bed/test-cluster.sh up && eval "$(scripts/test-bed/test-cluster.sh env)"
 *   npm run bench -- artifacts            (or npx tsx bench/artifact-download.ts)
 *
 * The artifact is a real workflow's output (`archive: none`, embedded mode, the controller ConfigMap's repository
 * on the bed's MinIO); its object is then replaced by 1 GiB, streamed from a file, so the workflow's step does not
 * have to write it. Both downloads read every byte and count them; the runs alternate so that load from other work
 * on the machine falls on both alike.
 */
import { createWriteStream, mkdtempSync, rmSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { type IncomingMessage, get as httpGet } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { dataDirWith, minio, minioRepository, minioSecret, runWorkflow } from '../server/artifacts/testing/artifact-bed';
import { startCapstan } from '../server/testing/capstan-process';
import { signRequest } from '../server/artifacts/sigv4';

const size = Number(process.env.BENCH_ARTIFACT_BYTES ?? 1024 ** 3);
const rounds = Number(process.env.BENCH_ROUNDS ?? 5);
const mib = 1024 * 1024;

export interface ArtifactDownloadFigures {
  bytes: number;
  directMiBps: number;
  capstanMiBps: number;
  ratio: number;
  /** The median of each round's own ratio (its download through Capstan against its direct one, back to back). */
  pairedRatio: number;
  /** Largest VmRSS during a download through Capstan minus VmRSS just before it. */
  rssGrowthMiB: number;
  rssBeforeMiB: number;
}

async function writeBigFile(path: string): Promise<void> {
  // Not compressible and not all zeros, without costing a random generator 1 GiB of work: a random 1 MiB block repeated.
  const block = Buffer.alloc(mib);
  for (let i = 0; i < block.length; i += 4) block.writeUInt32LE((Math.random() * 2 ** 32) >>> 0, i);
  const out = createWriteStream(path);
  for (let written = 0; written < size; written += block.length) {
    const chunk = block.subarray(0, Math.min(block.length, size - written));
    if (!out.write(chunk)) await new Promise<void>((r) => out.once('drain', () => r()));
  }
  await new Promise<void>((resolve, reject) => out.end((error?: Error | null) => (error ? reject(error) : resolve())));
}

/** CPU seconds (user + system) the process has used, from /proc/<pid>/stat (clock ticks of 1/100 s). */
async function cpuSeconds(pid: number): Promise<number> {
  const fields = (await readFile(`/proc/${pid}/stat`, 'utf8')).split(') ')[1]!.split(' ');
  return (Number(fields[11]) + Number(fields[12])) / 100;
}

async function vmRssMiB(pid: number): Promise<number> {
  const status = await readFile(`/proc/${pid}/status`, 'utf8');
  return Number(/VmRSS:\s+(\d+) kB/.exec(status)?.[1] ?? 0) / 1024;
}

/** Reads a stream to its end; bytes and seconds. */
async function drain(body: AsyncIterable<Uint8Array>): Promise<{ bytes: number; seconds: number }> {
  const start = performance.now();
  let bytes = 0;
  for await (const chunk of body) bytes += chunk.byteLength;
  return { bytes, seconds: (performance.now() - start) / 1000 };
}

export async function benchArtifactDownload(): Promise<ArtifactDownloadFigures> {
  const { client } = minio();
  const bucket = `bench-${Date.now().toString(36)}`;
  await client.createBucket(bucket);
  const dataDir = dataDirWith([
    minioSecret(),
    { apiVersion: 'v1', kind: 'ConfigMap', metadata: { name: 'workflow-controller-configmap', namespace: 'argo' }, data: { artifactRepository: JSON.stringify(minioRepository(bucket)) } },
  ]);
  const capstan = await startCapstan(['--no-samples'], {}, { dataDir });
  const scratch = mkdtempSync(join(tmpdir(), 'capstan-bench-artifact-'));
  try {
    const result = await runWorkflow(capstan.url, 'argo', {
      metadata: { generateName: 'bench-artifact-' },
      spec: {
        entrypoint: 'main',
        templates: [{
          name: 'main',
          container: { image: 'busybox', command: ['sh', '-c', 'echo small > /tmp/small.txt; echo placeholder > /tmp/big.bin'] },
          outputs: { artifacts: [{ name: 'small', path: '/tmp/small.txt', archive: { none: {} } }, { name: 'big', path: '/tmp/big.bin', archive: { none: {} } }] },
        }],
      },
    });
    if (result.phase !== 'Succeeded') throw new Error(`the bench workflow ended ${result.phase}: ${result.message}`);
    const [nodeId, node] = Object.entries(result.status.nodes ?? {}).find(([, n]) => n.type === 'Pod')!;
    const key = node.outputs?.artifacts?.find((a) => a.name === 'big')?.s3?.key;
    if (!key) throw new Error(`no key for the big artifact: ${JSON.stringify(node.outputs)}`);
    const file = join(scratch, 'big.bin');
    await writeBigFile(file);
    await client.putFile(bucket, key, file);
    rmSync(file);

    const artifactUrl = (name: string) => `${capstan.url}/artifacts/argo/${result.name}/${nodeId}/${name}`;
    // The first request loads the route's code: not part of what is measured.
    await (await fetch(artifactUrl('small'))).text();

    const direct: number[] = [];
    const throughCapstan: number[] = [];
    const capstanCpu: number[] = [];
    let rssGrowth = 0;
    let rssBefore = 0;
    const pid = capstan.child.pid!;
    const idleFrom = await cpuSeconds(pid);
    await new Promise((r) => setTimeout(r, 5000));
    console.log(`  Capstan idle: ${((await cpuSeconds(pid)) - idleFrom).toFixed(2)} CPU s in 5 s`);
    // The direct download is read the way the download through Capstan is, with node:http (S3Client's own reads
    // skip node:http's parser, which would make the direct side cheaper for the client than the other).
    const s3 = minio();
    const objectUrl = new URL(`${s3.endpoint}/${bucket}/${key.split('/').map(encodeURIComponent).join('/')}`);
    const directGet = () => new Promise<IncomingMessage>((resolve, reject) => {
      const headers = signRequest({ method: 'GET', url: objectUrl, headers: {}, payloadHash: 'UNSIGNED-PAYLOAD' }, { accessKey: s3.accessKey, secretKey: s3.secretKey }, 'us-east-1', new Date());
      httpGet(objectUrl, { headers }, resolve).once('error', reject);
    });
    // The CPU each download costs the processes on its path (MinIO, the client, and Capstan on the other path): on a
    // 2-core machine the download through Capstan is bounded by their sum, where the direct one has no Capstan.
    const minioPid = await readFile(join(process.env.CAPSTAN_TEST_BED ?? '', 'minio.pid'), 'utf8').then(Number, () => undefined);
    const clientCpu = () => { const u = process.cpuUsage(); return (u.user + u.system) / 1e6; };
    const costs: Record<'direct' | 'capstan', { minio: number[]; client: number[] }> = { direct: { minio: [], client: [] }, capstan: { minio: [], client: [] } };
    const measureCpu = async <T>(path: 'direct' | 'capstan', download: () => Promise<T>): Promise<T> => {
      const [minioBefore, clientBefore] = [minioPid ? await cpuSeconds(minioPid) : 0, clientCpu()];
      const result = await download();
      costs[path].client.push(clientCpu() - clientBefore);
      if (minioPid) costs[path].minio.push((await cpuSeconds(minioPid)) - minioBefore);
      return result;
    };
    const downloadDirect = () => measureCpu('direct', async () => {
      const object = await directGet();
      if (object.statusCode !== 200) throw new Error(`MinIO answered ${object.statusCode}`);
      const d = await drain(object);
      if (d.bytes !== size) throw new Error(`direct download read ${d.bytes} bytes, expected ${size}`);
      direct.push(d.bytes / mib / d.seconds);
    });
    const downloadThroughCapstan = () => measureCpu('capstan', async (): Promise<string> => {
      const before = await vmRssMiB(pid);
      const cpuBefore = await cpuSeconds(pid);
      let peak = before;
      const sampler = setInterval(() => void vmRssMiB(pid).then((rss) => (peak = Math.max(peak, rss)), () => undefined), 50);
      // node:http on both sides: the direct download's S3 client reads with it too, so the client costs the same.
      const response = await new Promise<IncomingMessage>((resolve, reject) => httpGet(artifactUrl('big'), resolve).once('error', reject));
      if (response.statusCode !== 200) throw new Error(`Capstan answered ${response.statusCode}`);
      const c = await drain(response);
      clearInterval(sampler);
      peak = Math.max(peak, await vmRssMiB(pid));
      capstanCpu.push((await cpuSeconds(pid)) - cpuBefore);
      if (c.bytes !== size) throw new Error(`download through Capstan read ${c.bytes} bytes, expected ${size}`);
      throughCapstan.push(c.bytes / mib / c.seconds);
      if (peak - before > rssGrowth) [rssGrowth, rssBefore] = [peak - before, before];
      return `RSS ${before.toFixed(0)} → ${peak.toFixed(0)} MiB`;
    });
    for (let round = 0; round < rounds; round++) {
      // Either order in turn, so that a cache or a neighbour's burst does not always favour the same side.
      let rss: string;
      if (round % 2 === 0) {
        await downloadDirect();
        rss = await downloadThroughCapstan();
      } else {
        rss = await downloadThroughCapstan();
        await downloadDirect();
      }
      console.log(`  round ${round + 1}: direct ${direct.at(-1)!.toFixed(0)} MiB/s, through Capstan ${throughCapstan.at(-1)!.toFixed(0)} MiB/s, ${rss}, Capstan CPU ${capstanCpu.at(-1)!.toFixed(2)} s`);
      const cpu = (path: 'direct' | 'capstan') => `MinIO ${costs[path].minio.at(-1)?.toFixed(2) ?? '?'} s + client ${costs[path].client.at(-1)!.toFixed(2)} s`;
      console.log(`    CPU per download: direct ${cpu('direct')}; through Capstan ${cpu('capstan')} + Capstan ${capstanCpu.at(-1)!.toFixed(2)} s`);
    }
    const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)]!;
    const directMiBps = median(direct);
    const capstanMiBps = median(throughCapstan);
    const pairedRatio = median(throughCapstan.map((c, i) => c / direct[i]!));
    return { bytes: size, directMiBps, capstanMiBps, ratio: capstanMiBps / directMiBps, pairedRatio, rssGrowthMiB: rssGrowth, rssBeforeMiB: rssBefore };
  } finally {
    await capstan.stop();
    rmSync(scratch, { recursive: true, force: true });
    for (const key of await client.listKeys(bucket).catch(() => [])) await client.deleteObject(bucket, key).catch(() => undefined);
  }
}

export function printArtifactDownload(f: ArtifactDownloadFigures): void {
  console.log(
    `  ${(f.bytes / mib).toFixed(0)} MiB: direct from MinIO ${f.directMiBps.toFixed(0)} MiB/s, through Capstan ${f.capstanMiBps.toFixed(0)} MiB/s ` +
      `(ratio ${f.ratio.toFixed(2)}, median of the rounds' own ratios ${f.pairedRatio.toFixed(2)}; target ≥ 0.80); server RSS growth ${f.rssGrowthMiB.toFixed(1)} MiB from ${f.rssBeforeMiB.toFixed(0)} MiB (target < 50 MB)`,
  );
}

if (process.argv[1]?.endsWith('artifact-download.ts')) {
  console.log(`artifact download: ${rounds} rounds, median throughput, largest RSS growth`);
  printArtifactDownload(await benchArtifactDownload());
}
