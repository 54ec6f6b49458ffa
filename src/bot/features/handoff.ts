import { Composer } from 'grammy';
import { escapeHtml } from '../escape-html.js';
import type { BotDeps } from '../bot-deps.js';
import { decodeCallback } from '../callback-data.js';
import type { BotContext } from '../context.js';

/**
 * "Talk to a person" (the button under an answer, or `/human`): opens or joins the citizen's case
 * for moderators (the flag opens it, migration 007) and says honestly what happens next.
 */
export function handoffFeature(deps: BotDeps) {
  const composer = new Composer<BotContext>();
  composer.on('callback_query:data', async (ctx, next) => {
    const callback = decodeCallback(ctx.callbackQuery.data);
    if (callback?.kind !== 'human') return next();
    if (deps.exchanges.ownerOf(callback.exchangeId) !== ctx.from.id) return next();
    const raised = deps.exchanges.raiseFlag(callback.exchangeId, 'asked-for-human');
    deps.desk?.wake();
    await ctx.answerCallbackQuery();
    await ctx.reply(ctx.t(raised ? 'handoff.flagged' : 'handoff.already'));
  });
  composer.chatType('private').command('human', async (ctx) => {
    const open = deps.cases.openOf(ctx.from.id);
    const already = open !== undefined && deps.cases.details(open.id)?.labels.includes('asked-for-human');
    deps.cases.requestHuman(ctx.update.update_id, ctx.chat.id, ctx.from.id, ctx.lang, escapeHtml(ctx.t(already ? 'handoff.already' : 'handoff.flagged')));
    deps.desk?.wake();
    await deps.outbox.flushChat(ctx.chat.id);
  });
  return composer;
}
