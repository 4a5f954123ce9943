/**
 * Socket Mode has no HTTP listener of its own: this small server gives it `GET /healthz` (alive: the store
 * writes), `GET /readyz` (knowledge loaded, store reachable, started and not stopping) and `GET /metrics`, as
 * the HTTP receiver does beside `POST /slack/events`. Nothing else is served.
 */
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { type Health, json, serveMetrics } from './receiver.js';

export interface OpsServer {
  server: Server;
  port: number;
  close(): Promise<void>;
}

export async function startOpsServer(o: {
  port: number;
  host: string;
  health: () => Health | Promise<Health>;
  metrics: () => Promise<{ contentType: string; body: string }>;
  mode: string;
}): Promise<OpsServer> {
  const server = createServer((req, res) => {
    const path = (req.url ?? '/').split('?')[0];
    if (req.method !== 'GET') {
      json(res, 405, { ok: false, error: 'method_not_allowed' }, true);
      return;
    }
    if (path === '/healthz' || path === '/readyz') {
      Promise.resolve(o.health()).then(
        (h) => {
          const good = path === '/healthz' ? h.ok : h.ready;
          json(res, good ? 200 : 503, { ...h, mode: o.mode, uptime_s: Math.round(process.uptime()) });
        },
        () => json(res, 503, { ok: false, ready: false, error: 'health_unavailable' }),
      );
      return;
    }
    if (path === '/metrics') {
      serveMetrics(res, o.metrics);
      return;
    }
    json(res, 404, { ok: false, error: 'not_found' }, true);
  });
  server.headersTimeout = 5_000;
  server.requestTimeout = 10_000;
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(o.port, o.host, () => resolve());
  });
  const port = (server.address() as AddressInfo).port;
  return {
    server,
    port,
    close: () =>
      new Promise((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      }),
  };
}
