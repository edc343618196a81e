/**
 * A minimal static file server for previews and browser tests: serves a
 * folder under a base path on loopback, as any static host would (directory
 * → index.html, unknown path → 404.html with status 404). Not for production.
 */
import { createServer, type Server } from 'node:http';
import { existsSync, readFileSync, statSync } from 'node:fs';
import { extname, join, normalize, sep } from 'node:path';

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8', '.css': 'text/css; charset=utf-8', '.js': 'text/javascript; charset=utf-8', '.mjs': 'text/javascript; charset=utf-8',
  '.json': 'application/json; charset=utf-8', '.svg': 'image/svg+xml', '.wasm': 'application/wasm', '.txt': 'text/plain; charset=utf-8', '.xml': 'application/xml; charset=utf-8',
  '.csv': 'text/csv; charset=utf-8', '.tbx': 'application/x-tbx+xml; charset=utf-8', '.xlf': 'application/xliff+xml; charset=utf-8',
};

/** A running server and the URL of the site's root under its base path. */
export interface RunningServer { server: Server; url: string; close(): Promise<void>; bytesSent: () => number }

/** Serves `root` under `base` (e.g. '/policy/') on 127.0.0.1 and a free port. */
export async function serveStatic(root: string, base = '/', port = 0): Promise<RunningServer> {
  const prefix = `/${base.replace(/^\/+|\/+$/g, '')}/`.replace('//', '/');
  let sent = 0;
  const server = createServer((req, res) => {
    const path = decodeURIComponent(new URL(req.url ?? '/', 'http://x').pathname);
    const send = (status: number, file: string) => {
      const body = readFileSync(file);
      sent += body.length;
      res.writeHead(status, { 'Content-Type': TYPES[extname(file)] ?? 'application/octet-stream', 'Content-Length': body.length });
      res.end(body);
    };
    const notFound = () => (existsSync(join(root, '404.html')) ? send(404, join(root, '404.html')) : (res.writeHead(404), res.end('not found')));
    if (!path.startsWith(prefix)) return notFound();
    const rel = normalize(path.slice(prefix.length));
    if (rel.startsWith('..') || rel.includes(`${sep}..`)) return notFound();
    let file = join(root, rel);
    if (existsSync(file) && statSync(file).isDirectory()) file = join(file, 'index.html');
    if (!existsSync(file)) return notFound();
    return send(200, file);
  });
  await new Promise<void>((resolve) => server.listen(port, '127.0.0.1', resolve));
  const address = server.address();
  const actualPort = typeof address === 'object' && address ? address.port : port;
  return {
    server,
    url: `http://127.0.0.1:${actualPort}${prefix}`,
    bytesSent: () => sent,
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
}
