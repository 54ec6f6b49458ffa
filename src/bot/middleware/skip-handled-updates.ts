import type { MiddlewareFn } from 'grammy';
import type { HandledUpdates } from '../../conversations/handled-updates.js';
import type { BotContext } from '../context.js';

/**
 * Telegram sends an update again when its offset was not confirmed, as after a restart. An update
 * is marked handled once its handler finished, so a redelivered one is skipped; one that crashed
 * half-way runs again (an answer already logged is then resent, not recomputed).
 */
export function skipHandledUpdates(handled: HandledUpdates): MiddlewareFn<BotContext> {
  return async (ctx, next) => {
    const id = ctx.update.update_id;
    if (handled.isHandled(id)) return;
    await next();
    handled.markHandled(id);
  };
}
