import { Composer } from 'grammy';
import { answerWithEntry } from '../../answering/answer-with-entry.js';
import type { BotDeps } from '../bot-deps.js';
import type { BotContext } from '../context.js';
import { escapeHtml } from '../escape-html.js';
import { renderAnswerHtml } from '../render-answer.js';
import { replyHtml } from '../reply-html.js';

// The contact card is a knowledge entry, so its numbers are reviewed and sourced like any fact.
export const CONTACT_ENTRY_ID = 'police-contact-community-police';

/** /contact: 911 first, then the contact card from the knowledge base. */
export function contactFeature(deps: BotDeps) {
  const composer = new Composer<BotContext>();
  composer.command('contact', async (ctx) => {
    const card = answerWithEntry(deps.knowledge, CONTACT_ENTRY_ID, ctx.lang);
    const emergency = `<b>${escapeHtml(ctx.t('fallback.contact'))}</b>\n${escapeHtml(ctx.t('emergency.kurdistan'))}`;
    await replyHtml(ctx, card ? `${emergency}\n\n${renderAnswerHtml(card, ctx.t)}` : emergency);
  });
  return composer;
}
