// `handlingar förhandsgranska`: one meeting's pages served on this computer (node:http, no
// framework), rebuilt in memory whenever a content file changes (the watch machinery of
// build --watch), and the open page told to reload over Server-Sent Events. Only the preview
// adds the one line of script that listens; the published site has none.
import { createServer, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import type { Finding } from '../findings.js';
import { planSite } from './publish.js';
import { watchContent } from './watch.js';

export const EVENTS_PATH = '/__handlingar/handelser';
const RELOAD_SCRIPT = `<script>new EventSource("${EVENTS_PATH}").addEventListener("reload",function(){location.reload()})</script>`;

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.pdf': 'application/pdf',
  '.docx': 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
};

export interface PreviewOptions {
  port: number;
  signal: AbortSignal;
  /** Once the server listens, with its address. */
  onReady: (url: string) => void;
  /** After every rebuild: the files that changed, the privacy guard's and other findings. */
  onRebuild: (changed: string[], findings: readonly Finding[], milliseconds: number) => void;
  onError: (error: unknown) => void;
  /** Host to listen on (default 127.0.0.1: only this computer). */
  host?: string;
}

export function previewMeeting(target: string, options: PreviewOptions): Promise<void> {
  let files = new Map<string, string | Uint8Array>();
  let start = '/index.html';
  const clients = new Set<ServerResponse>();

  const rebuild = (changed: string[]) => {
    const started = performance.now();
    try {
      const plan = planSite(target, { pdf: false, script: RELOAD_SCRIPT });
      files = plan.files;
      const folder = plan.meetings[0]?.folder;
      if (folder) start = `/${folder}/index.html`;
      options.onRebuild(changed, plan.check.findings, performance.now() - started);
      for (const client of clients) client.write('event: reload\ndata: 1\n\n');
    } catch (error) {
      options.onError(error);
    }
  };

  const server = createServer((request, response) => {
    const url = new URL(request.url ?? '/', 'http://localhost');
    if (url.pathname === EVENTS_PATH) {
      response.writeHead(200, {
        'content-type': 'text/event-stream; charset=utf-8',
        'cache-control': 'no-store',
        connection: 'keep-alive',
      });
      response.write(': ansluten\n\n');
      clients.add(response);
      request.on('close', () => clients.delete(response));
      return;
    }
    if (url.pathname === '/') {
      response.writeHead(302, { location: start });
      response.end();
      return;
    }
    let name: string;
    try {
      name = decodeURIComponent(url.pathname).replace(/^\/+/, '');
    } catch {
      name = '';
    }
    if (name.endsWith('/')) name += 'index.html';
    const content = files.get(name);
    if (content === undefined) {
      response.writeHead(404, { 'content-type': 'text/plain; charset=utf-8' });
      response.end(`Sidan ${url.pathname} finns inte i förhandsgranskningen.\n`);
      return;
    }
    response.writeHead(200, {
      'content-type': TYPES[path.extname(name)] ?? 'application/octet-stream',
      'cache-control': 'no-store',
    });
    response.end(content);
  });

  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port, options.host ?? '127.0.0.1', () => {
      const { port } = server.address() as AddressInfo;
      const watching = watchContent(target, { signal: options.signal, onChange: rebuild });
      options.onReady(`http://127.0.0.1:${port}${start}`);
      void watching.then(() => {
        for (const client of clients) client.end();
        clients.clear();
        server.closeAllConnections();
        server.close(() => resolve());
      });
    });
  });
}
