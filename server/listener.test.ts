import { request } from 'node:http';
import type { AddressInfo } from 'node:net';
import { describe, expect, it } from 'vitest';
import { createListener } from './listener';

describe('createListener', () => {
  it('keeps idle keep-alive connections longer than the proxies in front of it (60 s)', async () => {
    const listener = createListener((_req, res) => res.end('ok'));
    await new Promise<void>((resolve) => listener.server.listen(0, '127.0.0.1', resolve));
    try {
      const port = (listener.server.address() as AddressInfo).port;
      const keepAlive = await new Promise<string | undefined>((resolve, reject) => {
        request({ port, host: '127.0.0.1' }, (res) => {
          res.resume();
          resolve(res.headers['keep-alive']?.toString());
        }).on('error', reject).end();
      });
      // What clients read to decide how long they may reuse the connection.
      expect(keepAlive).toBe('timeout=75');
    } finally {
      listener.closeAllConnections();
      await listener.close();
    }
  });
});
