import { createHash } from 'node:crypto';
import type { Agent as HttpAgent } from 'node:http';
import { Agent as HttpsAgent } from 'node:https';
import type { Cluster, KubeConfig } from '@kubernetes/client-node';

type AgentOptions = Record<string, unknown>;
type CreateAgent = (cluster: Cluster | null, options: AgentOptions) => HttpAgent;

// Shared by every KubeConfig of the process: the server's own and the per-caller ones of client auth mode differ in
// their credentials (headers), not in their TLS settings, so they can share connections.
const agents = new Map<string, HttpAgent>();
const pooled = new WeakSet<KubeConfig>();

/**
 * Makes `config` reuse keep-alive connections. @kubernetes/client-node builds a new https.Agent for every request:
 * a TLS handshake and a fresh SecureContext (parsing the CA bundle) each time, no connection reuse. Profiled under
 * 1,000 workflows that was about a third of the controller's CPU. Agents are keyed by the server, the proxy and the
 * TLS options (client certificates included), so a config only ever shares connections with identical settings.
 * Every KubeCluster applies it to its config (the server's and each caller's in client auth mode), and so to all
 * else that uses that config: watches, informers, leader election.
 */
export function withPooledAgents(config: KubeConfig): KubeConfig {
  if (pooled.has(config)) return config;
  pooled.add(config);
  const target = config as unknown as { createAgent: CreateAgent };
  const create = target.createAgent.bind(config);
  target.createAgent = (cluster, options) => {
    // Proxies have their own agent classes and connection handling: left as the library makes them.
    if (cluster?.proxyUrl) return create(cluster, options);
    const key = agentKey(cluster, options);
    let agent = agents.get(key);
    if (!agent) {
      const keepAlive = { ...options, keepAlive: true, scheduling: 'lifo' as const };
      agent = cluster?.server?.startsWith('http:') ? create(cluster, keepAlive) : new HttpsAgent(keepAlive);
      agents.set(key, agent);
    }
    return agent;
  };
  return config;
}

function agentKey(cluster: Cluster | null, options: AgentOptions): string {
  const hash = createHash('sha256');
  hash.update(`${cluster?.server ?? ''}\n${cluster?.skipTLSVerify ?? ''}\n`);
  for (const name of Object.keys(options).sort()) {
    const value = options[name];
    if (value === undefined) continue;
    hash.update(`${name}=`);
    hash.update(Buffer.isBuffer(value) ? value : JSON.stringify(value));
    hash.update('\n');
  }
  return hash.digest('hex');
}
