import { join } from 'node:path';
import { parseMemoryQuantity } from '@/scripts/node-memory.mjs';

/** How Capstan reaches its state: an embedded database, or a Kubernetes cluster. */
export type CapstanMode = 'embedded' | 'kubernetes';
/** Argo's auth modes: `server` uses Capstan's own identity, `client` the caller's token, `sso` an OIDC session. */
export type AuthMode = 'server' | 'client' | 'sso';

export interface CapstanConfig {
  port: number;
  host: string;
  mode: CapstanMode;
  dataDir: string;
  /** Always starts and ends with `/`; `/` when Capstan is served at the root. */
  baseHref: string;
  secure: boolean;
  /** PEM files to serve TLS with; a self-signed pair under dataDir when not given. */
  tlsCert?: string;
  tlsKey?: string;
  /** The lowest TLS version accepted (argo-server's TLS_MIN_VERSION). */
  tlsMinVersion: 'TLSv1' | 'TLSv1.1' | 'TLSv1.2' | 'TLSv1.3';
  /** Send Strict-Transport-Security when serving TLS (argo-server's --hsts). */
  hsts: boolean;
  authModes: AuthMode[];
  /** The namespace the dashboard opens and embedded mode keeps its resources in by default. */
  namespace: string;
  kubeconfig?: string;
  dev: boolean;
  /** Skip creating the sample WorkflowTemplates on the first start. */
  noSamples: boolean;
  logLevel: string;
  /** How embedded mode isolates steps: bubblewrap, none, or bubblewrap when it works. */
  sandbox: 'bwrap' | 'none' | 'auto';
  /** Workflows reconciled in parallel (Argo's --workflow-workers). */
  workflowWorkers: number;
  /** Kubernetes mode: at most this many of a workflow's pods created and not started yet; 0 is no limit. */
  podStartWindow: number;
  /** The X-Frame-Options header (argo-server's --x-frame-options); empty sends none, so portals can frame Capstan. */
  xFrameOptions: string;
  /** Origins allowed to frame Capstan (`Content-Security-Policy: frame-ancestors`), space-separated; empty: no header. */
  frameAncestors: string;
  /** Builds each job keeps when it has no `capstan.io/builds-to-keep` annotation; 0 keeps all. */
  buildsToKeep: number;
  /** Kubernetes mode: the controller ConfigMap in --namespace (Argo's `--configmap`). */
  configMap: string;
  /** The argoexec image of kubernetes-mode pods, unless the ConfigMap's `executor.image` sets one. */
  executorImage?: string;
  /** Kubernetes mode: run the controllers only while holding the leader Lease (replicas serve the API regardless). */
  leaderElection: boolean;
}

export class ConfigError extends Error {}

interface Option {
  flag: string;
  env: string;
  help: string;
  boolean?: boolean;
}

/** Every setting has a flag and the matching environment variable; the flag wins. */
export const configOptions: Option[] = [
  { flag: 'port', env: 'PORT', help: 'port for the dashboard and the API (default 2746)' },
  { flag: 'host', env: 'CAPSTAN_HOST', help: 'address to listen on (default 0.0.0.0)' },
  { flag: 'mode', env: 'CAPSTAN_MODE', help: 'embedded (default) or kubernetes' },
  { flag: 'data-dir', env: 'CAPSTAN_DATA_DIR', help: "embedded mode's state (default ~/.capstan)" },
  { flag: 'base-href', env: 'BASE_HREF', help: 'path prefix Capstan is served under (default /)' },
  { flag: 'secure', env: 'CAPSTAN_SECURE', help: 'serve TLS (default: off in embedded mode, on in kubernetes mode, as argo-server)', boolean: true },
  { flag: 'tls-cert', env: 'CAPSTAN_TLS_CERT', help: 'PEM certificate for --secure (default: a self-signed one, generated once)' },
  { flag: 'tls-key', env: 'CAPSTAN_TLS_KEY', help: 'PEM private key for --tls-cert' },
  { flag: 'tls-min-version', env: 'TLS_MIN_VERSION', help: "lowest TLS version: 1.2 (default) or 1.3; argo-server's 771/772 too" },
  { flag: 'hsts', env: 'CAPSTAN_HSTS', help: 'send Strict-Transport-Security with --secure (default true, as argo-server)', boolean: true },
  { flag: 'auth-mode', env: 'CAPSTAN_AUTH_MODE', help: 'server, client or sso; comma-separated for several (default: server in embedded mode, client in kubernetes mode)' },
  { flag: 'namespace', env: 'CAPSTAN_NAMESPACE', help: 'default namespace (default argo)' },
  { flag: 'kubeconfig', env: 'KUBECONFIG', help: 'kubeconfig path in kubernetes mode (default: in-cluster, then ~/.kube/config)' },
  { flag: 'log-level', env: 'CAPSTAN_LOG_LEVEL', help: 'debug, info, warn or error (default info)' },
  { flag: 'sandbox', env: 'CAPSTAN_SANDBOX', help: 'embedded steps: bwrap, none, or auto (bwrap when usable; default)' },
  { flag: 'workflow-workers', env: 'CAPSTAN_WORKFLOW_WORKERS', help: 'workflows reconciled in parallel (default 32 in kubernetes mode, as Argo; 8 embedded)' },
  { flag: 'pod-start-window', env: 'CAPSTAN_POD_START_WINDOW', help: "kubernetes mode: at most this many of a workflow's pods created and not yet started before it creates more (default 200; 0: no limit)" },
  { flag: 'x-frame-options', env: 'CAPSTAN_X_FRAME_OPTIONS', help: 'X-Frame-Options header (default DENY; empty sends none)' },
  { flag: 'frame-ancestors', env: 'CAPSTAN_FRAME_ANCESTORS', help: "origins that may frame Capstan, for CSP frame-ancestors (default: none sent)" },
  { flag: 'builds-to-keep', env: 'CAPSTAN_BUILDS_TO_KEEP', help: 'builds each job keeps unless its capstan.io/builds-to-keep says otherwise (default 0: all)' },
  { flag: 'configmap', env: 'CAPSTAN_CONFIGMAP', help: 'the controller ConfigMap (default workflow-controller-configmap; embedded mode: among the manifests in <data dir>/config)' },
  { flag: 'memory-limit', env: 'CAPSTAN_MEMORY_LIMIT', help: "memory to size the JS heap to, e.g. 2Gi (default: the container's limit, else 1Gi; applied by npm start)" },
  { flag: 'executor-image', env: 'CAPSTAN_EXECUTOR_IMAGE', help: 'kubernetes mode: the argoexec image (default quay.io/argoproj/argoexec:v3.7.9)' },
  { flag: 'leader-elect', env: 'CAPSTAN_LEADER_ELECT', help: 'kubernetes mode: leader election between replicas (default true)', boolean: true },
  { flag: 'no-samples', env: 'CAPSTAN_NO_SAMPLES', help: 'do not create sample WorkflowTemplates on the first start', boolean: true },
  { flag: 'dev', env: 'CAPSTAN_DEV', help: 'run Next.js in development mode', boolean: true },
];

function parseBoolean(name: string, value: string): boolean {
  if (['true', '1', 'yes', 'on', ''].includes(value.toLowerCase())) return true;
  if (['false', '0', 'no', 'off'].includes(value.toLowerCase())) return false;
  throw new ConfigError(`${name}: expected true or false, got "${value}"`);
}

/** Reads `--flag value`, `--flag=value` and boolean `--flag`; unknown flags are an error, not a surprise later. */
function readFlags(argv: string[]): Map<string, string> {
  const flags = new Map<string, string>();
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i] ?? '';
    if (!arg.startsWith('--')) throw new ConfigError(`unexpected argument "${arg}" (see --help)`);
    const [rawName, inline] = arg.slice(2).split(/=(.*)/s, 2) as [string, string | undefined];
    const option = configOptions.find((o) => o.flag === rawName);
    if (!option) throw new ConfigError(`unknown flag --${rawName} (see --help)`);
    if (inline !== undefined) flags.set(option.flag, inline);
    else if (option.boolean) flags.set(option.flag, 'true');
    else {
      const next = argv[++i];
      if (next === undefined) throw new ConfigError(`--${rawName} needs a value`);
      flags.set(option.flag, next);
    }
  }
  return flags;
}

const tlsVersions: Record<string, CapstanConfig['tlsMinVersion']> = {
  '769': 'TLSv1', '770': 'TLSv1.1', '771': 'TLSv1.2', '772': 'TLSv1.3',
  '1.0': 'TLSv1', '1.1': 'TLSv1.1', '1.2': 'TLSv1.2', '1.3': 'TLSv1.3',
};

/** argo-server's TLS_MIN_VERSION takes Go's constants (771 is TLS 1.2); `1.2` and `1.3` read better. */
function parseTlsVersion(value: string | undefined): CapstanConfig['tlsMinVersion'] {
  const text = (value ?? '').trim().replace(/^TLSv?/i, '');
  if (text === '') return 'TLSv1.2';
  const version = tlsVersions[text];
  if (!version) throw new ConfigError(`TLS_MIN_VERSION: "${value}" is not a TLS version (1.2 or 771 for TLS 1.2, 1.3 or 772 for TLS 1.3)`);
  return version;
}

function normaliseBaseHref(value: string): string {
  const trimmed = value.trim();
  if (trimmed === '' || trimmed === '/') return '/';
  if (/[?#\s]/.test(trimmed)) throw new ConfigError(`BASE_HREF: "${value}" must be a plain path such as /argo/`);
  const path = trimmed.replace(/^\/+|\/+$/g, '');
  // Behind a proxy that strips the prefix, a request for /api/... must not look as if it still carried it.
  const first = path.split('/')[0] ?? '';
  if (['api', '_next'].includes(first)) throw new ConfigError(`BASE_HREF: "${value}" cannot start with /${first}/, which Capstan serves itself; choose another prefix such as /argo/`);
  return `/${path}/`;
}

/** Builds the configuration from command-line flags and environment variables, with documented defaults. */
export function parseConfig(argv: string[], env: Record<string, string | undefined>, homeDir: string): CapstanConfig {
  const flags = readFlags(argv);
  const get = (flag: string): string | undefined => {
    const option = configOptions.find((o) => o.flag === flag);
    return flags.get(flag) ?? (option ? env[option.env] : undefined);
  };

  const mode = (get('mode') ?? 'embedded') as CapstanMode;
  if (mode !== 'embedded' && mode !== 'kubernetes') {
    throw new ConfigError(`CAPSTAN_MODE: expected embedded or kubernetes, got "${mode}"`);
  }
  const portText = get('port') ?? '2746';
  const port = Number(portText);
  if (!Number.isInteger(port) || port < 0 || port > 65535) throw new ConfigError(`PORT: "${portText}" is not a port number`);

  const authText = get('auth-mode') ?? (mode === 'embedded' ? 'server' : 'client');
  // `hybrid` is argo-server's name for client and server together.
  const authModes = [...new Set(authText.split(',').map((m) => m.trim()).filter(Boolean).flatMap((m) => (m === 'hybrid' ? ['client', 'server'] : [m])))] as AuthMode[];
  for (const m of authModes) {
    if (!['server', 'client', 'sso'].includes(m)) throw new ConfigError(`CAPSTAN_AUTH_MODE: unknown mode "${m}" (server, client, sso, hybrid)`);
  }
  if (authModes.length === 0) throw new ConfigError('CAPSTAN_AUTH_MODE: give at least one of server, client, sso');

  const sandbox = (get('sandbox') || 'auto') as CapstanConfig['sandbox'];
  if (!['bwrap', 'none', 'auto'].includes(sandbox)) throw new ConfigError(`CAPSTAN_SANDBOX: expected bwrap, none or auto, got "${sandbox}"`);
  // Kubernetes mode: Argo's default. A reconcile there mostly waits on API server round trips (1,000 one-pod workflows
  // on the test bed: 1,713 a minute with 32 workers, 1,506 with 8, in one run); embedded mode keeps 8.
  const workersText = get('workflow-workers') ?? (mode === 'kubernetes' ? '32' : '8');
  const workflowWorkers = Number(workersText);
  if (!Number.isInteger(workflowWorkers) || workflowWorkers < 1) throw new ConfigError(`CAPSTAN_WORKFLOW_WORKERS: "${workersText}" is not a positive whole number`);

  // Enough to keep a cluster's scheduler and kubelets busy, few enough that a 2,000-task DAG does not flood them with
  // pods they cannot start yet (docs/kubernetes-mode.md, "Pod creation").
  const windowText = get('pod-start-window') ?? '200';
  const podStartWindow = Number(windowText);
  if (!Number.isInteger(podStartWindow) || podStartWindow < 0) throw new ConfigError(`CAPSTAN_POD_START_WINDOW: "${windowText}" is not a whole number (0: no limit)`);

  const keepText = get('builds-to-keep') || '0';
  const buildsToKeep = Number(keepText);
  if (!Number.isInteger(buildsToKeep) || buildsToKeep < 0) throw new ConfigError(`CAPSTAN_BUILDS_TO_KEEP: "${keepText}" is not a whole number (0 keeps every build)`);

  // scripts/start.sh applied it before this process started (scripts/node-memory.mjs); the flag is still one of ours
  // (so it passes this parser), and its value is checked here too for a start without that script.
  const memoryLimit = get('memory-limit');
  if (memoryLimit) {
    try {
      parseMemoryQuantity(memoryLimit);
    } catch (error) {
      throw new ConfigError((error as Error).message);
    }
  }

  const secureText = get('secure');
  if (Boolean(get('tls-cert')) !== Boolean(get('tls-key'))) {
    throw new ConfigError('CAPSTAN_TLS_CERT and CAPSTAN_TLS_KEY: give both (--tls-cert, --tls-key), or neither for a self-signed certificate');
  }
  return {
    port,
    host: get('host') ?? '0.0.0.0',
    mode,
    dataDir: get('data-dir') || join(homeDir, '.capstan'),
    baseHref: normaliseBaseHref(get('base-href') ?? '/'),
    secure: secureText === undefined ? mode === 'kubernetes' : parseBoolean('CAPSTAN_SECURE', secureText),
    tlsCert: get('tls-cert') || undefined,
    tlsKey: get('tls-key') || undefined,
    tlsMinVersion: parseTlsVersion(get('tls-min-version')),
    hsts: parseBoolean('CAPSTAN_HSTS', get('hsts') ?? 'true'),
    authModes,
    namespace: get('namespace') || 'argo',
    kubeconfig: get('kubeconfig') || undefined,
    dev: parseBoolean('--dev', get('dev') ?? 'false'),
    noSamples: parseBoolean('CAPSTAN_NO_SAMPLES', get('no-samples') ?? 'false'),
    logLevel: get('log-level') ?? 'info',
    sandbox,
    workflowWorkers,
    podStartWindow,
    xFrameOptions: (get('x-frame-options') ?? 'DENY').trim(),
    frameAncestors: (get('frame-ancestors') ?? '').trim(),
    buildsToKeep,
    configMap: get('configmap') || 'workflow-controller-configmap',
    executorImage: get('executor-image') || undefined,
    leaderElection: parseBoolean('CAPSTAN_LEADER_ELECT', get('leader-elect') ?? 'true'),
  };
}

/** The text `--help` prints: one line per setting with its flag and variable. */
export function formatHelp(): string {
  const lines = configOptions.map((o) => `  --${o.flag.padEnd(17)} ${o.env.padEnd(25)} ${o.help}`);
  return ['Usage: npm start -- [flags]   (every flag also reads the environment variable beside it)', '', ...lines].join('\n');
}
