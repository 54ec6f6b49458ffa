import { Hono } from 'hono';
import { BroadcastRuleError, GOVERNORATES, type Audience, type Governorate } from '../broadcasts/broadcast-store.js';
import { parseLocalTime } from '../broadcasts/local-time.js';
import { TOPICS, type Topic } from '../knowledge/knowledge-entry.js';
import type { ConsoleDeps, ConsoleEnv } from './console-server.js';
import { messagePage } from './pages/layout.js';
import { broadcastsPage } from './pages/broadcast-page.js';

const TELEGRAM_TEXT_LIMIT = 4096;
// Why a step was refused, by code: the store's rules say it as the bot does.
const REFUSALS = {
  'not-changeable': 'broadcast.rule.not-changeable',
  'self-approval': 'broadcast.rule.self-approval',
  'self-rejection': 'broadcast.rule.self-rejection',
  ended: 'broadcast.rule.not-changeable',
  time: 'broadcast.badTime',
  text: 'console.broadcasts.badText',
} as const;

/**
 * Broadcasts from the console, for admins and campaign staff (broadcasters), under the store's own
 * rules: a second person approves, a sent message is never sent twice, a cancelled one stops.
 */
export function broadcastRoutes(deps: ConsoleDeps) {
  const routes = new Hono<ConsoleEnv>();
  routes.use('*', async (c, next) => (['admin', 'broadcaster'].includes(c.var.member.role) ? next() : c.html(messagePage(c.var.t, c.var.t('console.noPages')), 403)));

  routes.get('/', (c) => {
    const rows = deps.broadcasts.list(30).map((broadcast) => {
      const status = deps.broadcasts.status(broadcast.id)!;
      return {
      broadcast,
      status,
      failures: status.failed ? deps.broadcasts.failuresByReason(broadcast.id) : [],
      // Who it would reach now matters only before it starts; after, its recipients are counted.
      reach: ['draft', 'awaiting-approval', 'approved'].includes(broadcast.state) ? deps.broadcasts.audienceSize(broadcast.audience) : 0,
      };
    });
    // The message after an action is composed here from its code and id, never from the address.
    const [done, id] = (c.req.query('done') ?? '').split(':');
    const message =
      done && ['created', 'approved', 'cancelled'].includes(done) && /^\d+$/.test(id ?? '') ? c.var.t(`console.broadcasts.${done}`, { id })
      : done === 'refused' ? c.var.t(REFUSALS[id as keyof typeof REFUSALS] ?? 'broadcast.rule.not-changeable', { max: TELEGRAM_TEXT_LIMIT })
      : undefined;
    return c.html(broadcastsPage(c.var.t, c.var.session, rows, c.var.member.userId, message));
  });

  routes.post('/', async (c) => {
    const form = await c.req.parseBody();
    const text = typeof form.text === 'string' ? form.text.trim() : '';
    if (!text || text.length > TELEGRAM_TEXT_LIMIT) return c.redirect('/console/broadcasts?done=refused:text', 303);
    const audience: Audience = {};
    if (form.language === 'ar' || form.language === 'en' || form.language === 'ckb') audience.language = form.language;
    if (TOPICS.includes(form.topic as Topic)) audience.topic = form.topic as string;
    if (GOVERNORATES.includes(form.governorate as Governorate)) audience.governorate = form.governorate as Governorate;
    let at: number | null = null;
    if (typeof form.at === 'string' && form.at.trim()) {
      const parsed = parseLocalTime(form.at.trim());
      if (parsed === undefined || parsed < Date.now()) return c.redirect('/console/broadcasts?done=refused:time', 303);
      at = parsed;
    }
    const b = deps.broadcasts.create(c.var.member.userId, { text }, audience, at);
    deps.broadcasts.requestApproval(b.id, c.var.member.userId);
    return c.redirect(`/console/broadcasts?done=created:${b.id}`, 303);
  });

  routes.post('/:id{[0-9]+}/:action{approve|cancel}', (c) => {
    const id = Number(c.req.param('id'));
    try {
      if (c.req.param('action') === 'approve') deps.broadcasts.approve(id, c.var.member.userId);
      else if (!deps.broadcasts.cancel(id, c.var.member.userId)) return c.redirect('/console/broadcasts?done=refused:ended', 303);
    } catch (error) {
      if (error instanceof BroadcastRuleError) return c.redirect(`/console/broadcasts?done=refused:${error.code}`, 303);
      throw error;
    }
    deps.wakeBroadcasts();
    return c.redirect(`/console/broadcasts?done=${c.req.param('action') === 'approve' ? 'approved' : 'cancelled'}:${id}`, 303);
  });
  return routes;
}
