/// <reference lib="webworker" />
import { LogBatchBuilder, LogStreamParser, addPlainLines } from '@/lib/logs/log-batch';
import type { LogStreamRequest, LogStreamMessage } from './log-stream-protocol';

// Reads and parses a log stream off the page's main thread: the JSON entries, the strings and the garbage they
// leave all stay here, and the page receives ready batches of lines (one string and a few typed arrays each), a
// few a second, as fast as it can draw them. One worker per stream; the page terminates it to stop reading.

/** The shortest time between two batches sent to the page (it renders new lines every 100 ms at most). */
const sendEveryMs = 50;
/** A batch is sent sooner once this many characters are waiting (a backlog read at once is sent in parts). */
const sendAtChars = 1 << 20;

const post = (message: LogStreamMessage, transfer: Transferable[] = []) => self.postMessage(message, transfer);

async function readError(response: Response): Promise<string> {
  const text = await response.text();
  try {
    return (JSON.parse(text) as { message?: string }).message ?? `${response.status} ${response.statusText}`;
  } catch {
    return text || `${response.status} ${response.statusText}`;
  }
}

async function read({ url, archivedUrl, podName }: LogStreamRequest) {
  const builder = new LogBatchBuilder();
  let lines = 0;
  let lastSent = -Infinity;
  let timer: ReturnType<typeof setTimeout> | undefined;
  const send = () => {
    clearTimeout(timer);
    timer = undefined;
    lastSent = performance.now();
    const batch = builder.take();
    if (!batch) return;
    lines += batch.starts.length - 1;
    post({ type: 'lines', batch }, [batch.starts.buffer, batch.bodies.buffer, batch.pods.buffer]);
  };
  /** Sends what is waiting now, or as soon as `sendEveryMs` has passed since the last batch. */
  const sendSoon = () => {
    const wait = sendEveryMs - (performance.now() - lastSent);
    if (wait <= 0 || builder.size >= sendAtChars) send();
    else timer ??= setTimeout(send, wait);
  };
  const readArchived = async (): Promise<boolean> => {
    if (!archivedUrl) return false;
    const response = await fetch(archivedUrl);
    if (!response.ok) return false;
    addPlainLines(builder, podName ?? '', await response.text());
    send();
    post({ type: 'done', archived: true });
    return true;
  };

  const response = await fetch(url, { headers: { accept: 'application/json' } });
  if (!response.ok || !response.body) {
    const message = await readError(response);
    if (!(await readArchived())) post({ type: 'error', message });
    return;
  }
  post({ type: 'streaming' });
  const parser = new LogStreamParser(builder);
  const reader = response.body.pipeThrough(new TextDecoderStream()).getReader();
  for (;;) {
    const { value, done } = await reader.read();
    if (done) break;
    parser.push(value);
    sendSoon();
  }
  parser.end();
  send();
  if (lines > 0) post({ type: 'done' });
  else if (await readArchived()) return;
  else if (parser.error) post({ type: 'error', message: parser.error });
  else post({ type: 'done' });
}

self.onmessage = (event: MessageEvent<LogStreamRequest>) => {
  read(event.data).catch((error: unknown) => post({ type: 'error', message: (error as Error).message }));
};
