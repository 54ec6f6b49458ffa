import { Composer } from 'grammy';
import type { BotDeps } from '../bot-deps.js';
import type { BotContext } from '../context.js';

/** /privacy: what is stored, for how long, and how to delete it. */
export function privacyFeature(deps: BotDeps) {
  const composer = new Composer<BotContext>();
  composer.command('privacy', (ctx) =>
    ctx.reply(ctx.t('privacy.text', { retention: ctx.t('privacy.days', { count: deps.retentionDays }) })),
  );
  return composer;
}
