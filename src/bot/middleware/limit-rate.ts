import type { MiddlewareFn } from 'grammy';
import type { BotContext } from '../context.js';

/**
 * A per-user sliding window: past `messages` updates in `windowMs`, updates are dropped and the
 * user is told once per window, politely. In memory: a restart forgives everyone, which is fine.
 */
export function limitRate({ messages, windowMs }: { messages: number; windowMs: number }): MiddlewareFn<BotContext> {
  const recent = new Map<number, number[]>();
  const warned = new Map<number, number>();
  return async (ctx, next) => {
    const id = ctx.from?.id;
    if (id === undefined) return next();
    const now = Date.now();
    const times = (recent.get(id) ?? []).filter((t) => now - t < windowMs);
    times.push(now);
    recent.set(id, times);
    // Keep the maps small: forget users idle for a whole window.
    if (recent.size > 10_000) {
      for (const [user, ts] of recent) if (now - ts[ts.length - 1]! >= windowMs) (recent.delete(user), warned.delete(user));
    }
    if (times.length <= messages) return next();
    if (now - (warned.get(id) ?? 0) >= windowMs) {
      warned.set(id, now);
      if (ctx.callbackQuery) await ctx.answerCallbackQuery({ text: ctx.t('rateLimited') });
      else await ctx.reply(ctx.t('rateLimited'));
    } else if (ctx.callbackQuery) await ctx.answerCallbackQuery();
  };
}
