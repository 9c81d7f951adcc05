import { isIP, connect as netConnect, type Socket } from 'node:net';
import { Readable, type Writable } from 'node:stream';
import { finished } from 'node:stream/promises';
import { connect as tlsConnect } from 'node:tls';

/** A GET response whose body is read from the connection itself (HTTP/1.1 with `Connection: close` and a Content-Length). */
export interface RawResponse {
  status: number;
  statusText: string;
  /** Lower-case names. */
  headers: Record<string, string>;
  body: ResponseBody;
}

const maxHeaderBytes = 64 * 1024;
// Plain-TCP reads land in reused buffers of this size (node's own reads are 64 KiB, each a new allocation): at
// most `maxBuffers` per download, made as needed, so a small artifact costs one.
const bufferBytes = 1024 * 1024;
const maxBuffers = 4;
// Over TLS, where every read is a new buffer, reading pauses once this many bytes wait to be written.
const maxPendingBytes = (maxBuffers - 1) * bufferBytes;

/**
 * A GET whose response body is read from the socket as it arrives, without node:http's parser: node:http copies
 * every body chunk into a new Buffer (and spends more CPU per chunk on parsing than on moving the bytes), which made
 * the artifact endpoint the bottleneck of a large download (bench/artifact-download.ts). Only the status line and
 * headers are parsed here. Over plain TCP the socket reads into a few reused 1 MiB buffers (net's `onread`), so a
 * download allocates nothing per read and makes a sixteenth of the reads; `ResponseBody.forwardTo` writes those
 * buffers to another stream without copying them. Over TLS, reads are node's own (TLS goes on handing over the
 * records it has decrypted after an `onread` socket is paused, so reused buffers could not be held back).
 * Answers that are not a plain Content-Length body (chunked encoding) are refused with `unsupported`, for the
 * caller to read them another way.
 */
export function rawGet(url: URL, headers: Record<string, string>, ca?: string): Promise<RawResponse | 'unsupported'> {
  const tls = url.protocol === 'https:';
  const port = Number(url.port || (tls ? 443 : 80));
  const host = url.hostname.replace(/^\[|\]$/g, '');
  let socket: Socket;
  let reader: SocketReader;
  if (tls) {
    reader = new SocketReader(undefined);
    socket = tlsConnect({ host, port, ...(isIP(host) ? {} : { servername: host }), ...(ca ? { ca } : {}) });
    socket.on('data', (chunk: Buffer) => {
      if (!reader.onRead(chunk, chunk.length)) socket.pause();
    });
  } else {
    const pool = new BufferPool();
    reader = new SocketReader(pool);
    socket = netConnect({ host, port, onread: { buffer: () => pool.next, callback: (length: number, buffer: Uint8Array) => reader.onRead(buffer as Buffer, length) } });
    // Flowing, so that the socket's end is seen (its reads go to `reader`, never to 'data' events).
    socket.resume();
  }
  const lines = [`GET ${url.pathname}${url.search} HTTP/1.1`, `host: ${url.host}`, ...Object.entries(headers).map(([k, v]) => `${k}: ${v}`), 'connection: close'];
  socket.write(`${lines.join('\r\n')}\r\n\r\n`);
  return reader.head(socket);
}

/** The reused read buffers of one plain-TCP download. `next` is the one the socket reads into next. */
class BufferPool {
  readonly buffers: Buffer[] = [Buffer.allocUnsafe(bufferBytes)];
  /** Buffers whose bytes another stream has not written yet: never read into. */
  readonly busy = new Set<Buffer>();
  next = this.buffers[0]!;

  /** Marks the buffer just read into as being written, and picks the next one; whether reading may go on. */
  lend(buffer: Buffer): boolean {
    this.busy.add(buffer);
    this.next = this.buffers.find((b) => !this.busy.has(b)) ?? this.added();
    // With `next` free and the socket paused here until a write finishes, no read lands in a busy buffer.
    return this.busy.size < maxBuffers - 1;
  }

  release(buffer: Buffer): void {
    this.busy.delete(buffer);
  }

  private added(): Buffer {
    const buffer = Buffer.allocUnsafe(bufferBytes);
    this.buffers.push(buffer);
    return buffer;
  }
}

/** What the socket's reads go to: first the response head, parsed here, then the body (a `ResponseBody`). */
class SocketReader {
  private headBytes: Buffer | undefined = Buffer.alloc(0);
  private onHead: ((head: Buffer, rest: Buffer) => void) | undefined;
  body: ResponseBody | undefined;

  /** `pool`: the reused buffers reads land in (plain TCP); none when every read is a new buffer (TLS). */
  constructor(readonly pool: BufferPool | undefined) {}

  /** Whether the socket should go on reading. */
  onRead(buffer: Buffer, length: number): boolean {
    if (this.body) return this.body.onBytes(buffer, length);
    const head = (this.headBytes = Buffer.concat([this.headBytes!, buffer.subarray(0, length)]));
    const end = head.indexOf('\r\n\r\n');
    if (end < 0) {
      if (head.length > maxHeaderBytes) this.onHead?.(head, Buffer.alloc(0));
      return true;
    }
    this.headBytes = undefined;
    // Stop reading until the body's reader says where its bytes go.
    this.onHead?.(head.subarray(0, end), head.subarray(end + 4));
    return false;
  }

  head(socket: Socket): Promise<RawResponse | 'unsupported'> {
    return new Promise((resolve, reject) => {
      const fail = (error: Error) => {
        this.onHead = undefined;
        socket.destroy();
        reject(error);
      };
      const onEnd = () => fail(new Error('connection closed before the response headers'));
      socket.once('error', fail);
      socket.once('end', onEnd);
      this.onHead = (head, rest) => {
        this.onHead = undefined;
        socket.off('error', fail);
        socket.off('end', onEnd);
        if (head.length > maxHeaderBytes) return fail(new Error('response headers too large'));
        const [statusLine = '', ...headerLines] = head.toString('latin1').split('\r\n');
        const match = /^HTTP\/1\.[01] (\d{3}) ?(.*)$/.exec(statusLine);
        if (!match) return fail(new Error(`not an HTTP response: ${statusLine.slice(0, 80)}`));
        const parsed: Record<string, string> = {};
        for (const line of headerLines) {
          const colon = line.indexOf(':');
          if (colon > 0) parsed[line.slice(0, colon).trim().toLowerCase()] = line.slice(colon + 1).trim();
        }
        const length = Number(parsed['content-length']);
        if (parsed['transfer-encoding'] || parsed['content-length'] === undefined || !Number.isSafeInteger(length) || length < 0) {
          socket.destroy();
          return resolve('unsupported');
        }
        this.body = new ResponseBody(socket, this.pool, length, Buffer.from(rest));
        resolve({ status: Number(match[1]), statusText: match[2] ?? '', headers: parsed, body: this.body });
      };
    });
  }
}

/**
 * A response body read from its connection. It is a Readable (each chunk copied out of the reused read buffers,
 * as its consumer may keep it), or, through `forwardTo`, written to another stream straight from those buffers:
 * how the artifact endpoint serves a download. Fewer bytes than the Content-Length before the connection closes
 * is an error, so a cut-short object never looks complete.
 */
export class ResponseBody extends Readable {
  private received = 0;
  private mode: 'waiting' | 'reading' | 'forwarding' = 'waiting';
  private destination: Writable | undefined;
  /** Bytes handed to `destination` whose write has not finished. */
  private pendingBytes = 0;
  private paused = false;
  private failure: Error | undefined;

  constructor(private readonly socket: Socket, private readonly pool: BufferPool | undefined, private readonly length: number, private leftover: Buffer) {
    super();
    const cutShort = () => new Error(`the connection closed after ${this.received} of ${this.length} bytes`);
    socket.on('error', (error) => this.fail(error));
    socket.on('close', () => {
      if (this.received < this.length) this.fail(cutShort());
    });
    socket.on('end', () => {
      if (this.received < this.length) return this.fail(cutShort());
      if (this.mode === 'forwarding') this.destination!.end();
      else this.push(null);
    });
    this.received = leftover.length;
  }

  /**
   * Writes the body to `destination` (which is ended with it) from the read buffers, with no copy; resolves once
   * written. Rejects, with the connection to the store closed, if the destination closes first (the client left)
   * or the store's connection fails (the destination is then destroyed, so a cut-short body never looks complete).
   */
  forwardTo(destination: Writable): Promise<void> {
    if (this.mode !== 'waiting') throw new Error('the response body is already being read');
    this.mode = 'forwarding';
    this.destination = destination;
    const done = finished(destination).catch((error: Error) => {
      this.socket.destroy();
      throw this.failure ?? error;
    });
    if (this.failure || this.destroyed) {
      destination.destroy(this.failure ?? new Error('the response body was closed before it was read'));
      return done;
    }
    if (this.leftover.length) destination.write(this.leftover);
    this.leftover = Buffer.alloc(0);
    this.socket.resume();
    return done;
  }

  /** Bytes the socket read into `buffer` (one of the pool's, or a new one); whether the socket should go on reading. */
  onBytes(buffer: Buffer, length: number): boolean {
    this.received += length;
    if (this.received > this.length) {
      this.fail(new Error(`the server sent more than the ${this.length} bytes it announced`));
      return false;
    }
    const chunk = buffer.subarray(0, length);
    if (this.mode === 'reading') return this.push(this.pool ? Buffer.from(chunk) : chunk);
    if (this.failure) return false;
    this.pendingBytes += length;
    this.destination!.write(chunk, () => {
      this.pendingBytes -= length;
      this.pool?.release(buffer);
      if (this.paused && !this.socket.destroyed) {
        this.paused = false;
        this.socket.resume();
      }
    });
    // When the client reads slower than the store sends, reading waits for a write to finish: the pool's buffers
    // are never read into while being written, and what is held stays bounded either way.
    const goOn = this.pool ? this.pool.lend(buffer) : this.pendingBytes < maxPendingBytes;
    if (!goOn) this.paused = true;
    return goOn;
  }

  override _read(): void {
    if (this.mode === 'waiting') {
      this.mode = 'reading';
      if (this.leftover.length) this.push(this.leftover);
      this.leftover = Buffer.alloc(0);
    }
    this.socket.resume();
  }

  override _destroy(error: Error | null, callback: (error?: Error | null) => void): void {
    this.socket.destroy();
    callback(error);
  }

  private fail(error: Error): void {
    if (this.failure) return;
    this.failure = error;
    this.socket.destroy();
    // A forwarded body's failure is the destination's (forwardTo rejects); a body no one reads yet ends without an
    // 'error' no one would hear, and reading it then fails as a stream cut short.
    if (this.mode === 'forwarding') this.destination!.destroy(error);
    else this.destroy(this.mode === 'reading' ? error : undefined);
  }
}
