import { type ChildProcess, spawn, spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/** Debian's nginx binary, or NGINX_BIN. */
export const nginxBin = process.env.NGINX_BIN ?? '/usr/sbin/nginx';

/** The proxy settings a portal needs in front of Capstan: Host kept, streams (SSE) unbuffered. */
export const proxySettings = `
      proxy_http_version 1.1;
      proxy_set_header Host $http_host;
      proxy_set_header Connection '';
      proxy_buffering off;
      proxy_read_timeout 1h;`;

export interface NginxProcess {
  /** Folder for files a `root` directive can serve (a parent page). */
  www: string;
  stop: () => Promise<void>;
}

/**
 * Starts Debian's nginx in the foreground with `servers` (the body of its `http` block), its state in a temporary
 * folder, and waits until every `listen` port answers.
 */
export async function startNginx(servers: (www: string) => string, ports: number[]): Promise<NginxProcess> {
  const dir = mkdtempSync(join(tmpdir(), 'capstan-nginx-'));
  const www = join(dir, 'www');
  mkdirSync(www);
  for (const temp of ['body', 'proxy', 'fastcgi', 'uwsgi', 'scgi']) mkdirSync(join(dir, temp));
  const root = process.getuid?.() === 0;
  const conf = `
${root ? 'user root;' : ''}
worker_processes 1;
daemon off;
pid ${dir}/nginx.pid;
error_log ${dir}/error.log warn;
events { worker_connections 256; }
http {
  access_log ${dir}/access.log;
  client_body_temp_path ${dir}/body;
  proxy_temp_path ${dir}/proxy;
  fastcgi_temp_path ${dir}/fastcgi;
  uwsgi_temp_path ${dir}/uwsgi;
  scgi_temp_path ${dir}/scgi;
  types { text/html html; }
${servers(www)}
}`;
  writeFileSync(join(dir, 'nginx.conf'), conf);
  const check = spawnSync(nginxBin, ['-t', '-c', join(dir, 'nginx.conf'), '-p', dir], { encoding: 'utf8' });
  if (check.status !== 0) throw new Error(`nginx -t failed (apt-get install nginx?): ${check.error?.message ?? check.stderr}`);
  const child: ChildProcess = spawn(nginxBin, ['-c', join(dir, 'nginx.conf'), '-p', dir], { stdio: 'ignore' });
  const deadline = Date.now() + 20_000;
  for (const port of ports) {
    for (;;) {
      try {
        await fetch(`http://127.0.0.1:${port}/`);
        break;
      } catch {
        if (child.exitCode !== null || Date.now() > deadline) {
          throw new Error(`nginx did not listen on ${port}: ${readFileSync(join(dir, 'error.log'), 'utf8')}`);
        }
        await new Promise((r) => setTimeout(r, 200));
      }
    }
  }
  return {
    www,
    stop: async () => {
      if (child.exitCode === null) {
        await new Promise<void>((resolve) => {
          child.once('exit', () => resolve());
          child.kill('SIGQUIT');
          setTimeout(() => child.kill('SIGKILL'), 5000).unref();
        });
      }
      rmSync(dir, { recursive: true, force: true });
    },
  };
}
