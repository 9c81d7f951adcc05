import { type IncomingMessage, type RequestListener, type Server as HttpServer, createServer as createHttpServer } from 'node:http';
import { createServer as createHttpsServer } from 'node:https';
import { type Server as NetServer, type Socket, createServer as createNetServer } from 'node:net';
import type { SecureVersion } from 'node:tls';

export interface Listener {
  /** The server to call listen() on and watch for errors. */
  server: NetServer;
  /** Stops accepting connections; resolves when every connection has closed. */
  close(): Promise<void>;
  closeIdleConnections(): void;
  closeAllConnections(): void;
}

/**
 * Capstan's port: plain HTTP, or with TLS one port that answers both. A TLS client gets HTTPS; a plain HTTP request
 * (`ARGO_SECURE=false`, or `http://` typed in a browser) gets 400 with the https URL to use, as Go's server answers
 * argo-server's callers, instead of a connection reset.
 */
export function createListener(onRequest: RequestListener, tls?: { cert: Buffer; key: Buffer; minVersion: SecureVersion }): Listener {
  if (!tls) {
    const server = createHttpServer(onRequest);
    return {
      server,
      close: () => new Promise((resolve) => server.close(() => resolve())),
      closeIdleConnections: () => server.closeIdleConnections(),
      closeAllConnections: () => server.closeAllConnections(),
    };
  }
  const https = createHttpsServer({ cert: tls.cert, key: tls.key, minVersion: tls.minVersion }, onRequest);
  const plain: HttpServer = createHttpServer((req: IncomingMessage, res) => {
    res.writeHead(400, { 'content-type': 'text/plain; charset=utf-8', connection: 'close' });
    res.end(`Client sent an HTTP request to an HTTPS server: use https://${req.headers.host ?? 'localhost'}${req.url ?? '/'} (ARGO_SECURE=true)\n`);
  });
  const sockets = new Set<Socket>();
  const server = createNetServer((socket) => {
    sockets.add(socket);
    socket.once('close', () => sockets.delete(socket));
    socket.once('data', (first: Buffer) => {
      socket.pause();
      socket.unshift(first);
      // A TLS record starts with 0x16 (handshake); anything else is plain HTTP.
      (first[0] === 0x16 ? https : plain).emit('connection', socket);
      process.nextTick(() => socket.resume());
    });
    socket.on('error', () => socket.destroy());
  });
  return {
    server,
    close: () => new Promise((resolve) => server.close(() => resolve())),
    closeIdleConnections: () => {
      https.closeIdleConnections();
      plain.closeIdleConnections();
    },
    closeAllConnections: () => {
      https.closeAllConnections();
      plain.closeAllConnections();
      for (const socket of sockets) socket.destroy();
    },
  };
}
