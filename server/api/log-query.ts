import { z } from 'zod';
import { invalidArgument } from '@/lib/api-error';
import { parseLabelSelector } from '@/lib/k8s/label-selector';
import type { LogQuery } from '../services/workflow-logs';
import { parseQuery } from './parse';

const logQuery = z.looseObject({
  podName: z.string().optional(),
  grep: z.string().optional(),
  selector: z.string().optional(),
  'logOptions.container': z.string().optional(),
  'logOptions.follow': z.enum(['true', 'false']).optional(),
  'logOptions.sinceSeconds': z.coerce.number().int().nonnegative().optional(),
  'logOptions.tailLines': z.coerce.number().int().nonnegative().optional(),
  'logOptions.timestamps': z.enum(['true', 'false']).optional(),
});

/** Reads the query of argo-server's log endpoints (`podName`, `grep`, `selector`, `logOptions.*`). */
export function parseLogQuery(url: URL, podName?: string): LogQuery {
  const q = parseQuery(url, logQuery);
  // Checked here, before the stream starts, so a bad selector is a 400 rather than an error frame.
  try {
    parseLabelSelector(q.selector ?? '');
  } catch (error) {
    throw invalidArgument(`selector: ${(error as Error).message}`);
  }
  try {
    if (q.grep) new RegExp(q.grep);
  } catch (error) {
    throw invalidArgument(`grep: ${(error as Error).message}`);
  }
  return {
    podName: podName ?? q.podName,
    grep: q.grep,
    selector: q.selector,
    container: q['logOptions.container'],
    follow: q['logOptions.follow'] === 'true',
    sinceSeconds: q['logOptions.sinceSeconds'],
    tailLines: q['logOptions.tailLines'],
    timestamps: q['logOptions.timestamps'] === 'true',
  };
}
