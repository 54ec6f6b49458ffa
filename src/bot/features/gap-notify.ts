import { Composer } from 'grammy';
import type { BotDeps } from '../bot-deps.js';
import { decodeCallback } from '../callback-data.js';
import type { BotContext } from '../context.js';

/**
 * "Tell me when there is an answer" under a fallback: the citizen is stored as waiting on the
 * question's knowledge gap, and only then (nothing is stored without that press). When an approved
 * entry later answers the gap, they get one message with the answer (notify-gaps.ts).
 */
export function gapNotifyFeature(deps: BotDeps) {
  const composer = new Composer<BotContext>();
  composer.on('callback_query:data', async (ctx, next) => {
    const callback = decodeCallback(ctx.callbackQuery.data);
    if (callback?.kind !== 'notify') return next();
    if (deps.exchanges.ownerOf(callback.exchangeId) !== ctx.from.id) return next();
    const gap = deps.gaps.gapOf(callback.exchangeId);
    if (gap === undefined) return next();
    const added = deps.gaps.watch(gap, ctx.from.id, ctx.chat?.id ?? ctx.from.id, ctx.lang);
    await ctx.answerCallbackQuery();
    await ctx.reply(ctx.t(added ? 'gaps.willTell' : 'gaps.alreadyWaiting'));
  });
  return composer;
}
