import { Composer } from 'grammy';
import { canModerate, ROLES, type Role } from '../../moderation/staff-store.js';
import type { BotDeps } from '../bot-deps.js';
import type { BotContext } from '../context.js';

/**
 * Staff commands, in a private chat with the bot: `/staff` (admins: list, add, remove) and `/duty`
 * (moderators and admins). To anyone who is not staff they fall through to the unknown-command
 * reply, exactly as a command that does not exist: nothing hints that they do.
 */
export function staffFeature(deps: BotDeps) {
  const composer = new Composer<BotContext>();
  const direct = composer.chatType('private');

  direct.command('staff', async (ctx, next) => {
    const actor = deps.staff.find(ctx.from.id);
    if (actor?.role !== 'admin') return next();
    const [action, id, role] = ctx.match.trim().split(/\s+/).filter(Boolean);
    if (!action) {
      const list = deps.staff.list();
      const lines = list.map((m) => `${m.userId} — ${ctx.t(`staff.role.${m.role}`)}${m.onDuty ? ` (${ctx.t('staff.onDuty')})` : ''}`);
      return ctx.reply([ctx.t('staff.title', { count: list.length }), ...lines, '', ctx.t('staff.usage')].join('\n'));
    }
    const userId = id && /^\d{1,15}$/.test(id) ? Number(id) : undefined;
    if (action === 'add' && userId !== undefined && ROLES.includes(role as Role)) {
      deps.staff.add(ctx.from.id, userId, role as Role);
      await deps.publishCommands?.(userId);
      return ctx.reply(ctx.t('staff.added', { id: userId, role: ctx.t(`staff.role.${role}`) }));
    }
    if (action === 'remove' && userId !== undefined) {
      if (userId === ctx.from.id) return ctx.reply(ctx.t('staff.notYourself'));
      const removed = deps.staff.remove(ctx.from.id, userId);
      if (removed) await deps.publishCommands?.(userId);
      return ctx.reply(ctx.t(removed ? 'staff.removed' : 'staff.notStaff', { id: userId }));
    }
    return ctx.reply(ctx.t('staff.usage'));
  });

  direct.command('duty', async (ctx, next) => {
    const member = deps.staff.find(ctx.from.id);
    if (!canModerate(member)) return next();
    const arg = ctx.match.trim().toLowerCase();
    if (arg !== 'on' && arg !== 'off') return ctx.reply(ctx.t(member.onDuty ? 'staff.dutyIsOn' : 'staff.dutyIsOff'));
    deps.staff.setDuty(member.userId, arg === 'on');
    return ctx.reply(ctx.t(arg === 'on' ? 'staff.dutyOn' : 'staff.dutyOff'));
  });
  return composer;
}
