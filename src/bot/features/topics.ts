import { Composer, InlineKeyboard } from 'grammy';
import { answerWithEntry } from '../../answering/answer-with-entry.js';
import type { BotDeps } from '../bot-deps.js';
import { decodeCallback, encodeCallback } from '../callback-data.js';
import type { BotContext } from '../context.js';
import { escapeHtml } from '../escape-html.js';
import { replyHtml } from '../reply-html.js';
import { answerAndLog, buttonLabel } from './ask.js';

const EXAMPLES_PER_TOPIC = 5;

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
        keyboard.text(buttonLabel(entry.title), encodeCallback({ kind: 'ask', entryId: entry.id })).row();
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
    if (callback?.kind === 'pick') {
      // «Did you mean…?» under a fallback: the chosen entry answers the citizen's own question.
      const asked = deps.exchanges.asked(callback.exchangeId);
      const entryId = asked?.entryIds[callback.rank - 1];
      // Someone else's button, or an entry since removed: an expired button.
      if (!asked || asked.userId !== ctx.from.id || !entryId) return next();
      const answer = deps.answerWithSuggestion(asked.question, entryId, ctx.langChosen ? { uiLanguage: ctx.lang } : {});
      if (!answer) return next();
      await ctx.answerCallbackQuery();
      await answerAndLog(ctx, deps, asked.question, answer);
      return;
    }
    return next();
  });
  return composer;
}
