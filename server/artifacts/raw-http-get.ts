import { connect as netConnect, type Socket } from 'node:net';
import { connect as tlsConnect } from 'node:tls';

/** A GET response whose body is the connection itself (HTTP/1.1 with `Connection: close` and a Content-Length). */
export interface RawResponse {
  status: number;
  statusText: string;
  /** Lower-case names. */
  headers: Record<string, string>;
  /** The body's bytes, straight from the socket: it ends when the server closes the connection after the body. */
  body: Socket;
}

const maxHeaderBytes = 64 * 1024;

/**
 * A GET whose response body is read from the socket as it arrives, without node:http's parser: node:http copies
 * every body chunk into a new Buffer (and spends more CPU per chunk on parsing than on moving the bytes), which made
 * the artifact endpoint the bottleneck of a large download (bench/artifact-download.ts). Only the status line and
 * headers are parsed here. Answers that are not a plain Content-Length body (chunked encoding) are refused with
 * `unsupported`, for the caller to read them another way.
 */
export function rawGet(url: URL, headers: Record<string, string>): Promise<RawResponse | 'unsupported'> {
  const port = Number(url.port || (url.protocol === 'https:' ? 443 : 80));
  const host = url.hostname.replace(/^\[|\]$/g, '');
  const socket = url.protocol === 'https:' ? tlsConnect({ host, port, servername: host }) : netConnect({ host, port });
  const lines = [`GET ${url.pathname}${url.search} HTTP/1.1`, `host: ${url.host}`, ...Object.entries(headers).map(([k, v]) => `${k}: ${v}`), 'connection: close'];
  socket.write(`${lines.join('\r\n')}\r\n\r\n`);
  return new Promise((resolve, reject) => {
    let head = Buffer.alloc(0);
    const fail = (error: Error) => {
      socket.off('data', onData);
      socket.destroy();
      reject(error);
    };
    const onData = (chunk: Buffer) => {
      head = Buffer.concat([head, chunk]);
      const end = head.indexOf('\r\n\r\n');
      if (end < 0) {
        if (head.length > maxHeaderBytes) fail(new Error('response headers too large'));
        return;
      }
      socket.off('data', onData);
      socket.off('error', fail);
      socket.off('end', onEnd);
      socket.pause();
      const rest = head.subarray(end + 4);
      if (rest.length) socket.unshift(rest);
      const [statusLine = '', ...headerLines] = head.subarray(0, end).toString('latin1').split('\r\n');
      const match = /^HTTP\/1\.[01] (\d{3}) ?(.*)$/.exec(statusLine);
      if (!match) return fail(new Error(`not an HTTP response: ${statusLine.slice(0, 80)}`));
      const parsed: Record<string, string> = {};
      for (const line of headerLines) {
        const colon = line.indexOf(':');
        if (colon > 0) parsed[line.slice(0, colon).trim().toLowerCase()] = line.slice(colon + 1).trim();
      }
      if (parsed['transfer-encoding'] || parsed['content-length'] === undefined) {
        socket.destroy();
        return resolve('unsupported');
      }
      resolve({ status: Number(match[1]), statusText: match[2] ?? '', headers: parsed, body: socket });
    };
    const onEnd = () => fail(new Error('connection closed before the response headers'));
    socket.on('data', onData);
    socket.once('error', fail);
    socket.once('end', onEnd);
  });
}
