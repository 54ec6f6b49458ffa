import { Composer, InlineKeyboard } from 'grammy';
import { GOVERNORATES } from '../../broadcasts/broadcast-store.js';
import { TOPICS } from '../../knowledge/knowledge-entry.js';
import type { BotDeps } from '../bot-deps.js';
import { decodeCallback, encodeCallback } from '../callback-data.js';
import type { BotContext } from '../context.js';

/**
 * /subscribe and /stop: opt in to and out of campaign broadcasts. Subscribing shows the six topics
 * as toggles (none chosen: all of them) and asks once, skippably, for the governorate (/governorate
 * changes it later): the segments broadcasts can be aimed at.
 */
export function subscribeFeature(deps: BotDeps) {
  const composer = new Composer<BotContext>();

  const topicKeyboard = (ctx: BotContext, chosen: string[] | null) => {
    const k = new InlineKeyboard();
    TOPICS.forEach((topic, i) => {
      const on = chosen === null || chosen.includes(topic);
      k.text(`${on ? '✅' : '▫️'} ${ctx.t(`topics.${topic}`)}`, encodeCallback({ kind: 'subtopic', topic }));
      if (i % 2 === 1) k.row();
    });
    return k;
  };
  const governorateKeyboard = (ctx: BotContext) => {
    const k = new InlineKeyboard();
    GOVERNORATES.forEach((g, i) => {
      k.text(ctx.t(`governorate.names.${g}`), encodeCallback({ kind: 'governorate', governorate: g }));
      if (i % 3 === 2) k.row();
    });
    return k.row().text(ctx.t('governorate.skip'), encodeCallback({ kind: 'governorate', governorate: 'skip' }));
  };

  composer.command('subscribe', async (ctx) => {
    deps.users.setSubscribed(ctx.from!.id, true);
    await ctx.reply(ctx.t('subscribe.on'));
    await ctx.reply(ctx.t('subscribeTopics.ask'), { reply_markup: topicKeyboard(ctx, deps.users.topicsOf(ctx.from!.id)) });
    if (deps.users.governorateOf(ctx.from!.id) === null) await ctx.reply(ctx.t('governorate.ask'), { reply_markup: governorateKeyboard(ctx) });
  });
  composer.command(['stop', 'unsubscribe'], async (ctx) => {
    deps.users.setSubscribed(ctx.from!.id, false);
    await ctx.reply(ctx.t('subscribe.off'));
  });
  composer.command('governorate', (ctx) => ctx.reply(ctx.t('governorate.ask'), { reply_markup: governorateKeyboard(ctx) }));

  composer.on('callback_query:data', async (ctx, next) => {
    const callback = decodeCallback(ctx.callbackQuery.data);
    if (callback?.kind === 'subtopic') {
      // From "all" (null), a first tap keeps every other topic: the tapped one is switched off.
      const current = deps.users.topicsOf(ctx.from.id) ?? [...TOPICS];
      const next = current.includes(callback.topic) ? current.filter((t) => t !== callback.topic) : [...current, callback.topic];
      deps.users.setTopics(ctx.from.id, next.length === TOPICS.length || next.length === 0 ? null : next);
      await ctx.answerCallbackQuery({ text: ctx.t('subscribeTopics.saved') });
      await ctx.editMessageReplyMarkup({ reply_markup: topicKeyboard(ctx, deps.users.topicsOf(ctx.from.id)) }).catch(() => undefined);
      return;
    }
    if (callback?.kind === 'governorate') {
      deps.users.setGovernorate(ctx.from.id, callback.governorate === 'skip' ? '' : callback.governorate);
      await ctx.answerCallbackQuery();
      await ctx.editMessageReplyMarkup().catch(() => undefined);
      await ctx.reply(ctx.t(callback.governorate === 'skip' ? 'governorate.skipped' : 'governorate.saved'));
      return;
    }
    return next();
  });
  return composer;
}
