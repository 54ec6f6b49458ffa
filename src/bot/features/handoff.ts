import { Composer } from 'grammy';
import type { BotDeps } from '../bot-deps.js';
import { decodeCallback } from '../callback-data.js';
import type { BotContext } from '../context.js';

/** "Talk to a person": flags the exchange for moderators and says honestly what happens next. */
export function handoffFeature(deps: BotDeps) {
  const composer = new Composer<BotContext>();
  composer.on('callback_query:data', async (ctx, next) => {
    const callback = decodeCallback(ctx.callbackQuery.data);
    if (callback?.kind !== 'human') return next();
    if (deps.exchanges.ownerOf(callback.exchangeId) !== ctx.from.id) return next();
    const raised = deps.exchanges.raiseFlag(callback.exchangeId, 'asked-for-human');
    await ctx.answerCallbackQuery();
    await ctx.reply(ctx.t(raised ? 'handoff.flagged' : 'handoff.already'));
  });
  return composer;
}
