import { Composer } from 'grammy';
import { LOGIN_LINK_MINUTES } from '../../console/login-links.js';
import type { BotDeps } from '../bot-deps.js';
import type { BotContext } from '../context.js';

/**
 * `/console` in a private chat: a staff member gets a link to the web console, valid for minutes
 * and for one use. To anyone else it falls through to the unknown-command reply, as /staff does.
 */
export function consoleLoginFeature(deps: BotDeps) {
  const composer = new Composer<BotContext>();
  composer.chatType('private').command('console', async (ctx, next) => {
    if (!deps.staff.find(ctx.from.id)) return next();
    const http = deps.config.http;
    if (!http) return ctx.reply(ctx.t('console.off'));
    const token = deps.consoleLinks.create(ctx.from.id);
    // A link preview would make Telegram open (and so use up) the link before the member does.
    return ctx.reply(ctx.t('console.link', { minutes: LOGIN_LINK_MINUTES, url: `${http.publicUrl}/console/login/${token}` }), {
      link_preview_options: { is_disabled: true },
    });
  });
  return composer;
}
