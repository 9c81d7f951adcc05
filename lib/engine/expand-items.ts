import { formatGoValue } from '../expr';
import type { Sequence } from '../generated/argo';
import { NodeError } from './operation';
import { toLoopNodeName } from './node-names';
import { substituteObject } from './substitute';

/** A step or DAG task with the loop fields Argo expands. */
export interface Expandable {
  name?: string;
  when?: string;
  withItems?: unknown[];
  withParam?: string;
  withSequence?: Sequence;
}

/** Whether a step or task loops. */
export function shouldExpand(item: Expandable): boolean {
  return (item.withItems?.length ?? 0) > 0 || !!item.withParam || !!item.withSequence;
}

function toInteger(value: unknown, field: string): number {
  const n = typeof value === 'number' ? value : Number.parseInt(String(value), 10);
  if (!Number.isInteger(n)) throw new NodeError(`withSequence.${field}: "${String(value)}" is not an integer`);
  return n;
}

// Go's fmt verbs as withSequence.format uses them: %d, %02d, %x, %o and literal text.
function formatSequenceNumber(format: string, n: number): string {
  return format.replace(/%(0?)(\d*)([dxXo%])/g, (_all, zero: string, width: string, verb: string) => {
    if (verb === '%') return '%';
    const digits = verb === 'd' ? String(Math.abs(n)) : verb === 'o' ? Math.abs(n).toString(8) : Math.abs(n).toString(16);
    const text = verb === 'X' ? digits.toUpperCase() : digits;
    const sign = n < 0 ? '-' : '';
    const padded = width ? (zero ? sign + text.padStart(Number(width) - sign.length, '0') : (sign + text).padStart(Number(width)) ) : sign + text;
    return padded;
  });
}

/** The items of withSequence: start..end inclusive (counting down when end < start), or count items from start. */
export function expandSequence(sequence: Sequence): string[] {
  const start = sequence.start !== undefined ? toInteger(sequence.start, 'start') : 0;
  let end: number;
  if (sequence.end !== undefined) end = toInteger(sequence.end, 'end');
  else if (sequence.count !== undefined) {
    const count = toInteger(sequence.count, 'count');
    if (count === 0) return [];
    end = start + count - 1;
  } else throw new NodeError('neither end nor count was specified in withSequence');
  const format = sequence.format || '%d';
  const items: string[] = [];
  if (start <= end) for (let i = start; i <= end; i++) items.push(formatSequenceNumber(format, i));
  else for (let i = start; i >= end; i--) items.push(formatSequenceNumber(format, i));
  return items;
}

/** The loop's items: withItems as given, withParam parsed as a JSON list, or withSequence. */
export function loopItems(item: Expandable): unknown[] {
  if (item.withItems?.length) return item.withItems;
  if (item.withParam) {
    let parsed: unknown;
    try {
      parsed = JSON.parse(item.withParam);
    } catch (error) {
      throw new NodeError(`withParam value could not be parsed as a JSON list: ${item.withParam.trim()}: ${(error as Error).message}`);
    }
    if (!Array.isArray(parsed)) throw new NodeError(`withParam value could not be parsed as a JSON list: ${item.withParam.trim()}`);
    return parsed;
  }
  if (item.withSequence) return expandSequence(item.withSequence);
  return [];
}

/** Expands a looping step or task into one copy per item with `{{item}}` substituted, named as Argo names them. */
export function expandLoop<T extends Expandable>(item: T, globals: Record<string, string | null>, now: Date): T[] {
  const items = loopItems(item);
  const base = { ...item };
  delete base.withItems;
  delete base.withParam;
  delete base.withSequence;
  return items.map((value, index) => {
    const values: Record<string, string | null> = { ...globals };
    let description: string;
    if (typeof value === 'string') {
      values['item'] = value;
      description = value;
    } else if (typeof value === 'number' || typeof value === 'boolean') {
      const text = formatGoValue(value);
      values['item'] = text;
      description = text;
    } else if (Array.isArray(value)) {
      values['item'] = JSON.stringify(value);
      description = formatGoValue(value as never);
    } else if (value && typeof value === 'object') {
      const entries = Object.entries(value as Record<string, unknown>);
      for (const [k, v] of entries) values[`item.${k}`] = typeof v === 'string' ? v : formatGoValue(v as never);
      values['item'] = JSON.stringify(value);
      description = entries.map(([k, v]) => `${k}:${typeof v === 'string' ? v : formatGoValue(v as never)}`).sort().join(',');
    } else {
      throw new NodeError(`withItems[${index}] expected string, number, list, or map. received: ${String(value)}`);
    }
    const expanded = substituteObject(base, values, now);
    return { ...expanded, name: toLoopNodeName(item.name ?? '', index, description) };
  });
}
