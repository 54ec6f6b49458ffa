import { Composer } from 'grammy';
import { excerptOf } from '../../answering/answer-with-entry.js';
import { sourceLinks } from '../render-answer.js';
import type { BotDeps } from '../bot-deps.js';
import { decodeCallback } from '../callback-data.js';
import type { BotContext } from '../context.js';
import { escapeHtml } from '../escape-html.js';
import { replyHtml } from '../reply-html.js';

/** Under an answer: every source of its entry, and the Arabic original of a translated answer. */
export function answerDetailsFeature(deps: BotDeps) {
  const composer = new Composer<BotContext>();
  composer.on('callback_query:data', async (ctx, next) => {
    const callback = decodeCallback(ctx.callbackQuery.data);
    if (callback?.kind !== 'sources' && callback?.kind !== 'original') return next();
    const served = deps.exchanges.served(callback.exchangeId);
    const entry = served?.entry_id ? deps.knowledge.entries.get(served.entry_id) : undefined;
    // Someone else's button, or an entry since removed: an expired button.
    if (!served || served.user_id !== ctx.from.id || !entry) return next();
    await ctx.answerCallbackQuery();
    if (callback.kind === 'sources') {
      await replyHtml(ctx, [`<b>${escapeHtml(ctx.t('answer.allSources'))}</b>`, ...sourceLinks(entry.sources, ctx.t)].join('\n'));
      return;
    }
    const position = entry.passages[served.passage ?? 0] ? (served.passage ?? 0) : 0;
    await replyHtml(ctx, `<b>${escapeHtml(ctx.t('answer.original'))}</b>\n${escapeHtml(excerptOf(entry.passages, position))}`);
  });
  return composer;
}
