/**
 * A tiny static server for the built site, on a free loopback port. It serves the build under the
 * site's base URL the way GitHub Pages does: /base/page → page.html, /base/dir/ → dir/index.html,
 * and 404.html with status 404 for anything else.
 */
import fs from 'node:fs';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import zlib from 'node:zlib';

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.ico': 'image/x-icon',
  '.txt': 'text/plain; charset=utf-8',
  '.xml': 'application/xml; charset=utf-8',
  '.woff2': 'font/woff2',
  '.webmanifest': 'application/manifest+json',
};

const COMPRESSIBLE = new Set(['.html', '.js', '.css', '.json', '.svg', '.txt', '.xml']);

/**
 * Each file's gzip, made on its first request and again only when the file changes (a rebuild while
 * the server runs). Compressing on every request would put the server's work on the same cores as
 * the browser it serves, in the middle of the page load that Lighthouse is timing.
 */
class GzipCache {
  private readonly entries = new Map<string, { version: string; body: Buffer }>();

  get(file: string): Buffer {
    const stat = fs.statSync(file);
    const version = `${stat.mtimeMs}:${stat.size}`;
    const cached = this.entries.get(file);
    if (cached?.version === version) return cached.body;
    const body = zlib.gzipSync(fs.readFileSync(file), { level: 6 });
    this.entries.set(file, { version, body });
    return body;
  }
}

export interface StaticServer {
  /** http://127.0.0.1:PORT/base/ */
  url: string;
  origin: string;
  close(): Promise<void>;
}

export async function serveBuild(root: string, baseUrl: string): Promise<StaticServer> {
  if (!fs.existsSync(path.join(root, 'index.html'))) {
    throw new Error(`No built site in ${root}: run "npm --workspace website run build" first`);
  }
  const gzipped = new GzipCache();
  const server = http.createServer((req, res) => {
    const url = new URL(req.url ?? '/', 'http://localhost');
    let pathname = decodeURIComponent(url.pathname);
    if (!pathname.startsWith(baseUrl) && `${pathname}/` !== baseUrl) return send(res, 404, null, req);
    pathname = pathname.slice(baseUrl.length - 1) || '/';
    const candidates = pathname.endsWith('/')
      ? [path.join(pathname, 'index.html')]
      : [pathname, `${pathname}.html`, path.join(pathname, 'index.html')];
    for (const candidate of candidates) {
      const file = path.join(root, path.normalize(candidate));
      if (!file.startsWith(root)) break;
      if (fs.existsSync(file) && fs.statSync(file).isFile()) return send(res, 200, file, req);
    }
    return send(res, 404, null, req);
  });
  const send = (res: http.ServerResponse, status: number, file: string | null, req: http.IncomingMessage) => {
    const target = file ?? path.join(root, '404.html');
    const ext = path.extname(target);
    const headers: Record<string, string> = {
      'content-type': TYPES[ext] ?? 'application/octet-stream',
      'cache-control': /\.[0-9a-f]{8}\./.test(target) ? 'public, max-age=31536000, immutable' : 'no-cache',
    };
    const gzip = COMPRESSIBLE.has(ext) && /\bgzip\b/.test(String(req.headers['accept-encoding'] ?? ''));
    if (gzip) headers['content-encoding'] = 'gzip';
    const body = gzip ? gzipped.get(target) : fs.readFileSync(target);
    headers['content-length'] = String(body.length);
    res.writeHead(status, headers);
    res.end(req.method === 'HEAD' ? undefined : body);
  };
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  const origin = `http://127.0.0.1:${port}`;
  return {
    origin,
    url: `${origin}${baseUrl}`,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
