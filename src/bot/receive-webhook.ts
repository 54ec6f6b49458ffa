import { Hono } from 'hono';
import type { InboxStore, RawUpdate } from '../conversations/inbox-store.js';
import { retryBusy } from '../database/retry-busy.js';
import type { Logger } from '../logger.js';
import type { Dispatcher } from './dispatch-updates.js';
import { sameSecret } from '../ops/same-secret.js';

/**
 * Webhook mode: Telegram posts each update to `path`. An update is stored in the inbox and answered
 * 200 at once; handling happens after, through the same dispatcher as polling, so slow work never
 * holds Telegram's request. A post without the right secret is refused (401) and does nothing.
 * An update Telegram delivers again is found in the inbox and not handled twice.
 */
export function webhookRoutes(deps: { path: string; secret: string; inbox: InboxStore; dispatcher: Dispatcher; logger: Logger; onUpdates?: (count: number) => void }) {
  const routes = new Hono();
  routes.post(deps.path, async (c) => {
    if (!sameSecret(c.req.header('x-telegram-bot-api-secret-token') ?? '', deps.secret)) return c.text('unauthorized\n', 401);
    let update: RawUpdate;
    try {
      update = (await c.req.json()) as RawUpdate;
    } catch {
      return c.text('not an update\n', 400);
    }
    if (!Number.isInteger(update?.update_id)) return c.text('not an update\n', 400);
    deps.onUpdates?.(1);
    const fresh = await retryBusy(() => deps.inbox.store([update]), { forMs: 5_000 });
    deps.dispatcher.enqueue(fresh);
    return c.text('ok\n');
  });
  return routes;
}
