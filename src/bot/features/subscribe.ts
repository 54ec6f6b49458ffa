import { Composer } from 'grammy';
import type { BotDeps } from '../bot-deps.js';
import type { BotContext } from '../context.js';

/** /subscribe and /stop: opt in to and out of campaign broadcasts. */
export function subscribeFeature(deps: BotDeps) {
  const composer = new Composer<BotContext>();
  composer.command('subscribe', async (ctx) => {
    deps.users.setSubscribed(ctx.from!.id, true);
    await ctx.reply(ctx.t('subscribe.on'));
  });
  composer.command(['stop', 'unsubscribe'], async (ctx) => {
    deps.users.setSubscribed(ctx.from!.id, false);
    await ctx.reply(ctx.t('subscribe.off'));
  });
  return composer;
}
