import { Counter, Gauge, Histogram, type Registry } from 'prom-client';
import type { MetricEmission } from '@/lib/engine/metrics';

type Instrument = Gauge | Counter | Histogram;

interface Registered {
  kind: MetricEmission['kind'];
  help: string;
  labelNames: string[];
  instrument: Instrument;
  /** Realtime gauges by label set: their value is read at scrape time. */
  realtime: Map<string, { labels: Record<string, string>; since: string; until?: string }>;
}

/**
 * The custom metrics workflows and templates declare (`metrics.prometheus`), on Capstan's `/metrics` as Argo's
 * controller exposes them: `argo_workflows_<name>`, one series per label set, updated by each emission (a gauge set,
 * added to or subtracted from, a counter increased, a histogram observed), realtime gauges computed at scrape time.
 * A name keeps the type, help and label names it was first emitted with, as in Argo.
 */
export class CustomMetrics {
  private registry: Registry | undefined;
  private errorCount: Counter | undefined;
  private readonly pending: { emissions: MetricEmission[]; errors: string[] }[] = [];
  private readonly metrics = new Map<string, Registered>();

  constructor(private readonly log: (message: string) => void = () => {}) {}

  /** Starts exposing on `registry`; emissions before it are kept until then. */
  attach(registry: Registry): void {
    this.registry = registry;
    this.errorCount = new Counter({
      name: 'argo_workflows_error_count',
      help: 'Number of errors encountered by the controller by cause (as Argo\'s controller).',
      labelNames: ['cause'],
      registers: [registry],
    });
    for (const { emissions, errors } of this.pending.splice(0)) this.record(emissions, errors);
  }

  record(emissions: MetricEmission[], errors: string[]): void {
    if (!this.registry) {
      this.pending.push({ emissions, errors });
      return;
    }
    for (const message of errors) this.fail(message);
    for (const emission of emissions) {
      const problem = this.apply(emission);
      if (problem) this.fail(problem);
    }
  }

  private fail(message: string): void {
    this.errorCount?.inc({ cause: 'MetricEmissionError' });
    this.log(message);
  }

  private apply(emission: MetricEmission): string | undefined {
    const labelNames = Object.keys(emission.labels).sort();
    let registered = this.metrics.get(emission.name);
    if (registered) {
      if (registered.help !== emission.help) return `help for metric ${emission.name} is already set to ${registered.help}, it cannot be changed`;
      if (registered.kind !== emission.kind) return `found existing ${registered.kind} for custom metric ${emission.name} of type ${emission.kind}`;
      if (registered.labelNames.join(',') !== labelNames.join(',')) {
        return `custom metric ${emission.name} has labels ${registered.labelNames.join(', ') || '(none)'}; it cannot be emitted with ${labelNames.join(', ') || '(none)'}`;
      }
    } else {
      registered = this.create(emission, labelNames);
      this.metrics.set(emission.name, registered);
    }
    const key = labelNames.map((n) => `${n}=${emission.labels[n]}`).join('\u0000');
    if (emission.realtime) {
      registered.realtime.set(key, { labels: emission.labels, ...emission.realtime });
      return undefined;
    }
    registered.realtime.delete(key);
    const { instrument } = registered;
    if (instrument instanceof Gauge) {
      if (emission.operation === 'Add') instrument.inc(emission.labels, emission.value);
      else if (emission.operation === 'Sub') instrument.dec(emission.labels, emission.value);
      else instrument.set(emission.labels, emission.value);
    } else if (instrument instanceof Counter) {
      if (emission.value < 0) return `counter ${emission.name} cannot be decreased (value ${emission.value})`;
      instrument.inc(emission.labels, emission.value);
    } else {
      instrument.observe(emission.labels, emission.value);
    }
    return undefined;
  }

  private create(emission: MetricEmission, labelNames: string[]): Registered {
    const realtime: Registered['realtime'] = new Map();
    const common = { name: `argo_workflows_${emission.name}`, help: emission.help, labelNames, registers: [this.registry!] };
    let instrument: Instrument;
    if (emission.kind === 'counter') instrument = new Counter(common);
    else if (emission.kind === 'histogram') instrument = new Histogram({ ...common, ...(emission.buckets?.length ? { buckets: emission.buckets } : {}) });
    else {
      instrument = new Gauge({
        ...common,
        collect() {
          const now = Date.now();
          for (const { labels, since, until } of realtime.values()) {
            this.set(labels, Math.max(0, ((until ? Date.parse(until) : now) - Date.parse(since)) / 1000));
          }
        },
      });
    }
    return { kind: emission.kind, help: emission.help, labelNames, instrument, realtime };
  }
}
