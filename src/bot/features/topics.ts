import { Composer, InlineKeyboard } from 'grammy';
import { answerWithEntry } from '../../answering/answer-with-entry.js';
import type { BotDeps } from '../bot-deps.js';
import { decodeCallback, encodeCallback } from '../callback-data.js';
import type { BotContext } from '../context.js';
import { escapeHtml } from '../escape-html.js';
import { replyHtml } from '../reply-html.js';
import { answerAndLog } from './ask.js';

const EXAMPLES_PER_TOPIC = 5;
// Button labels longer than this are cut: Telegram clients show about one line.
const LABEL_CHARS = 60;

/** A topic button → its overview and example questions as buttons that ask them. */
export function topicsFeature(deps: BotDeps) {
  const composer = new Composer<BotContext>();
  composer.on('callback_query:data', async (ctx, next) => {
    const callback = decodeCallback(ctx.callbackQuery.data);
    if (callback?.kind === 'topic') {
      await ctx.answerCallbackQuery();
      // Urgent-advice entries are for people in danger, not examples to browse; featured ones come first.
      const entries = [...deps.knowledge.entries.values()]
        .filter((e) => e.topic === callback.topic && !e.urgent)
        .sort((a, b) => (a.featured ?? Infinity) - (b.featured ?? Infinity))
        .slice(0, EXAMPLES_PER_TOPIC);
      const keyboard = new InlineKeyboard();
      for (const entry of entries) {
        const label = entry.title.length > LABEL_CHARS ? `${entry.title.slice(0, LABEL_CHARS - 1)}…` : entry.title;
        keyboard.text(label, encodeCallback({ kind: 'ask', entryId: entry.id })).row();
      }
      const overview = escapeHtml(ctx.t(`topicOverview.${callback.topic}`));
      const hint = escapeHtml(ctx.t(entries.length ? 'topicsHint.examples' : 'topicsHint.none'));
      await replyHtml(ctx, `<b>${escapeHtml(ctx.t(`topics.${callback.topic}`))}</b>\n${overview}\n\n${hint}`, keyboard);
      return;
    }
    if (callback?.kind === 'ask') {
      const answer = answerWithEntry(deps.knowledge, callback.entryId, ctx.lang);
      if (!answer) return next();
      await ctx.answerCallbackQuery();
      await answerAndLog(ctx, deps, answer.question, answer);
      return;
    }
    return next();
  });
  return composer;
}
