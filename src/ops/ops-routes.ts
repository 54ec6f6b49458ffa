import { statSync } from 'node:fs';
import { Hono } from 'hono';
import type { Db } from '../database/open-database.js';
import type { KnowledgeIndex } from '../knowledge/index-knowledge.js';
import type { Metrics } from './metrics.js';
import { createOpsStore } from './ops-store.js';
import { sameSecret } from './same-secret.js';

// Telegram's long poll returns at least this often; past it, updates are not flowing.
const POLL_STALE_MS = 90_000;
// The broadcast worker ticks many times a second; past this, it is stuck.
const WORKER_STALE_MS = 30_000;

export interface OpsDeps {
  db: Db;
  databasePath: string;
  knowledge: KnowledgeIndex;
  metrics: Metrics;
  /** Bearer token /metrics asks for; open without one (it listens on 127.0.0.1 by default). */
  metricsToken: string | undefined;
  lastPollAt: () => number;
  lastBroadcastTickAt: () => number;
}

/** One check of /readyz: undefined when it passes, else what is wrong, in words. */
function readiness(deps: OpsDeps, store: ReturnType<typeof createOpsStore>): Record<string, string | undefined> {
  const now = Date.now();
  const database = (() => {
    if (deps.databasePath === ':memory:') return undefined;
    // The file's write bits, not a write: the open connection keeps writing to a file made read-only
    // until its next open, and root may write anywhere.
    const mode = statSync(deps.databasePath, { throwIfNoEntry: false })?.mode;
    if (mode === undefined) return `${deps.databasePath} is missing`;
    if ((mode & 0o222) === 0) return `${deps.databasePath} is read-only`;
    try {
      store.canRead();
      return undefined;
    } catch (error) {
      return `the database cannot be read: ${(error as Error).message}`;
    }
  })();
  return {
    database,
    knowledge: deps.knowledge.entries.size > 0 ? undefined : 'the knowledge index has no approved entry',
    updates: now - deps.lastPollAt() <= POLL_STALE_MS ? undefined : 'updates are not flowing: no answer to getUpdates for 90 s, or the webhook is not set',
    broadcasts: now - deps.lastBroadcastTickAt() <= WORKER_STALE_MS ? undefined : 'the broadcast worker has not run for more than 30 s',
  };
}

/** GET /healthz (the process answers), /readyz (it can do its work), /metrics (Prometheus). */
export function opsRoutes(deps: OpsDeps) {
  const routes = new Hono();
  const store = createOpsStore(deps.db);
  routes.get('/healthz', (c) => c.json({ status: 'ok' }));
  routes.get('/readyz', (c) => {
    const checks = readiness(deps, store);
    const failing = Object.fromEntries(Object.entries(checks).filter(([, problem]) => problem !== undefined));
    const ready = Object.keys(failing).length === 0;
    return c.json({ status: ready ? 'ready' : 'unready', checks: Object.fromEntries(Object.entries(checks).map(([name, problem]) => [name, problem ?? 'ok'])) }, ready ? 200 : 503);
  });
  routes.get('/metrics', async (c) => {
    if (deps.metricsToken && !sameSecret(c.req.header('authorization') ?? '', `Bearer ${deps.metricsToken}`)) {
      return c.text('unauthorized\n', 401, { 'www-authenticate': 'Bearer' });
    }
    return c.text(await deps.metrics.registry.metrics(), 200, { 'content-type': deps.metrics.registry.contentType });
  });
  return routes;
}
