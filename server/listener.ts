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
 * Idle keep-alive connections are kept 75 s, not Node's 5 s. Node closes an idle connection when its timer fires, and
 * timers run before pending reads: after the event loop was busy for a while, a request a client (or a proxy: nginx
 * and cloud load balancers reuse upstream connections for 60 s) sent on a connection it rightly thought open is
 * answered with a reset, since the socket is closed with the request unread. Seen as `read ECONNRESET` in the
 * embedded benchmark's list requests while 1,000 workflows ran. 75 s is above those proxies' 60 s, as Node's own
 * guidance for servers behind a proxy asks; the header timeout stays above it.
 */
function keepingConnections<S extends HttpServer>(server: S): S {
  server.keepAliveTimeout = 75_000;
  server.headersTimeout = 76_000;
  return server;
}

/**
 * Capstan's port: plain HTTP, or with TLS one port that answers both. A TLS client gets HTTPS; a plain HTTP request
 * (`ARGO_SECURE=false`, or `http://` typed in a browser) gets 400 with the https URL to use, as Go's server answers
 * argo-server's callers, instead of a connection reset.
 */
export function createListener(onRequest: RequestListener, tls?: { cert: Buffer; key: Buffer; minVersion: SecureVersion }): Listener {
  if (!tls) {
    const server = keepingConnections(createHttpServer(onRequest));
    return {
      server,
      close: () => new Promise((resolve) => server.close(() => resolve())),
      closeIdleConnections: () => server.closeIdleConnections(),
      closeAllConnections: () => server.closeAllConnections(),
    };
  }
  const https = keepingConnections(createHttpsServer({ cert: tls.cert, key: tls.key, minVersion: tls.minVersion }, onRequest));
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
