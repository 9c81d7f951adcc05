import { createServer as createNetServer, type Server, type Socket } from 'node:net';
import { Writable } from 'node:stream';
import { createServer as createTlsServer } from 'node:tls';
import { generate } from 'selfsigned';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { rawGet, type ResponseBody } from './raw-http-get';

// The HTTP side of rawGet against plain and TLS servers that answer by hand, so a test can send a body slowly,
// cut it short or watch its connection close. S3 itself is exercised in s3-client.integration.test.ts (MinIO).

const mib = 1024 * 1024;
const pattern = (size: number) => {
  const bytes = Buffer.alloc(size);
  for (let i = 0; i < size; i++) bytes[i] = (i * 131 + (i >> 9)) & 255;
  return bytes;
};

let tlsOptions: { key: string; cert: string };
const servers: Server[] = [];
const previousRejectUnauthorized = process.env.NODE_TLS_REJECT_UNAUTHORIZED;

beforeAll(async () => {
  const pems = await generate([{ name: 'commonName', value: 'localhost' }], { keyType: 'ec', algorithm: 'sha256' } as Parameters<typeof generate>[1]);
  tlsOptions = { key: pems.private, cert: pems.cert };
  // The test server's certificate is self-signed.
  process.env.NODE_TLS_REJECT_UNAUTHORIZED = '0';
});
afterAll(() => {
  if (previousRejectUnauthorized === undefined) delete process.env.NODE_TLS_REJECT_UNAUTHORIZED;
  else process.env.NODE_TLS_REJECT_UNAUTHORIZED = previousRejectUnauthorized;
});
afterEach(() => {
  for (const server of servers.splice(0)) server.close();
});

type Scheme = 'http' | 'https';

/** A server that answers every request by calling `answer` with the connection, once the request's head is in. */
async function serve(scheme: Scheme, answer: (socket: Socket) => void): Promise<URL> {
  const onConnection = (socket: Socket) => {
    let head = '';
    const onData = (chunk: Buffer) => {
      head += chunk.toString('latin1');
      if (!head.includes('\r\n\r\n')) return;
      socket.off('data', onData);
      answer(socket);
    };
    socket.on('data', onData);
    socket.on('error', () => undefined);
  };
  const server = scheme === 'https' ? createTlsServer(tlsOptions, onConnection) : createNetServer(onConnection);
  servers.push(server);
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', () => resolve()));
  const { port } = server.address() as { port: number };
  return new URL(`${scheme}://localhost:${port}/bucket/key`);
}

/** Sends a 200 with `body`, all of it or only its first `sendOnly` bytes before closing. */
function answerWith(body: Buffer, sendOnly = body.length) {
  return (socket: Socket) => {
    socket.write(`HTTP/1.1 200 OK\r\ncontent-length: ${body.length}\r\ncontent-type: application/octet-stream\r\n\r\n`);
    socket.end(body.subarray(0, sendOnly));
  };
}

async function open(url: URL): Promise<ResponseBody> {
  const response = await rawGet(url, {});
  if (response === 'unsupported') throw new Error('unsupported');
  expect(response.status).toBe(200);
  return response.body;
}

/**
 * A destination that finishes each write only after `delayMs`, and checks each chunk's bytes then, not when it was
 * handed over: a read buffer reused while its write is pending shows up as wrong bytes. It records the most bytes
 * ever handed over and not yet written.
 */
function slowDestination(expected: Buffer, delayMs: number) {
  let offset = 0;
  let pending = 0;
  const seen = { maxPending: 0, mismatches: 0, bytes: 0 };
  const destination = new Writable({
    highWaterMark: 0,
    write(chunk: Buffer, _encoding, callback) {
      setTimeout(() => {
        if (!chunk.equals(expected.subarray(offset, offset + chunk.length))) seen.mismatches++;
        offset += chunk.length;
        seen.bytes = offset;
        callback();
      }, delayMs);
    },
  });
  const write = destination.write.bind(destination) as (chunk: Buffer, callback?: (error?: Error | null) => void) => boolean;
  destination.write = ((chunk: Buffer, callback?: (error?: Error | null) => void) => {
    pending += chunk.length;
    seen.maxPending = Math.max(seen.maxPending, pending);
    return write(chunk, (error) => {
      pending -= chunk.length;
      callback?.(error);
    });
  }) as typeof destination.write;
  return { destination, seen };
}

describe.each<Scheme>(['http', 'https'])('rawGet over %s', (scheme) => {
  it('reads the exact bytes as a stream, and an empty body', async () => {
    const bytes = pattern(3 * mib + 7);
    const chunks: Buffer[] = [];
    for await (const chunk of await open(await serve(scheme, answerWith(bytes)))) chunks.push(chunk as Buffer);
    expect(Buffer.concat(chunks).equals(bytes)).toBe(true);
    const empty: Buffer[] = [];
    for await (const chunk of await open(await serve(scheme, answerWith(Buffer.alloc(0))))) empty.push(chunk as Buffer);
    expect(Buffer.concat(empty).length).toBe(0);
  });

  it('forwards the exact bytes to a slow destination, never reusing a buffer still being written, holding a bounded amount', async () => {
    const bytes = pattern(10 * mib + 5);
    const { destination, seen } = slowDestination(bytes, 1);
    await (await open(await serve(scheme, answerWith(bytes)))).forwardTo(destination);
    expect(seen).toMatchObject({ mismatches: 0, bytes: bytes.length });
    // Three buffers' worth at most (the fourth is the one being read into), plus the few bytes read with the head.
    expect(seen.maxPending).toBeLessThanOrEqual(3 * mib + 64 * 1024);
  });

  it('fails the destination when the store closes the connection midway', async () => {
    const bytes = pattern(4 * mib);
    const { destination } = slowDestination(bytes, 0);
    const body = await open(await serve(scheme, answerWith(bytes, mib)));
    await expect(body.forwardTo(destination)).rejects.toThrow(/connection closed after \d+ of 4194304 bytes/);
    expect(destination.destroyed).toBe(true);
    const read = async () => {
      for await (const chunk of await open(await serve(scheme, answerWith(bytes, mib)))) void chunk;
    };
    await expect(read()).rejects.toThrow(/connection closed after/);
  });

  it("closes the store's connection when the destination goes away midway", async () => {
    const bytes = pattern(64 * mib);
    let storeSide: Socket | undefined;
    const closed = new Promise<void>((resolve) => {
      void serve(scheme, (socket) => {
        storeSide = socket;
        socket.once('close', () => resolve());
        answerWith(bytes)(socket);
      }).then(async (url) => {
        const { destination, seen } = slowDestination(bytes, 1);
        const forwarded = (await open(url)).forwardTo(destination);
        while (seen.bytes < mib) await new Promise((r) => setTimeout(r, 5));
        destination.destroy();
        await expect(forwarded).rejects.toThrow();
      });
    });
    await closed;
    expect(storeSide?.destroyed).toBe(true);
  });
});

it('refuses a chunked answer as unsupported', async () => {
  const url = await serve('http', (socket) => socket.end('HTTP/1.1 200 OK\r\ntransfer-encoding: chunked\r\n\r\n3\r\nabc\r\n0\r\n\r\n'));
  expect(await rawGet(url, {})).toBe('unsupported');
});
