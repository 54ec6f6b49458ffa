import { createHash } from 'node:crypto';
import { Hono } from 'hono';
import { escapeHtml } from '../bot/escape-html.js';
import { resolveCase } from '../bot/resolve-case.js';
import { OUTCOMES, type Outcome } from '../moderation/case-store.js';
import type { ConsoleDeps, ConsoleEnv } from './console-server.js';
import { casePage, queuePage } from './pages/case-pages.js';

const REASONS = ['urgent', 'possibly-urgent', 'fallback', 'thumbs-down', 'asked-for-human', 'undelivered', 'knowledge-gap'];
const MAX_TEXT = 4000;

// A reply posted twice (a double click, the browser resending the form) is stored once: its
// form's random nonce becomes a negative update id, beside Telegram's positive ones.
const replyId = (nonce: string) => -Number.parseInt(createHash('sha256').update(nonce).digest('hex').slice(0, 12), 16);

/** The queue and each case: read, take, reply (through the bot), note, resolve. */
export function caseRoutes(deps: ConsoleDeps) {
  const routes = new Hono<ConsoleEnv>();

  routes.get('/', (c) => {
    const q = c.req.query();
    const status = q.status === 'resolved' || q.status === 'all' ? q.status : 'open';
    const reason = REASONS.includes(q.reason ?? '') ? q.reason : undefined;
    const language = ['ar', 'en', 'ckb'].includes(q.language ?? '') ? q.language : undefined;
    const assignee = q.assignee === 'none' ? 'none' : q.assignee === 'me' ? c.var.member.userId : /^\d{1,15}$/.test(q.assignee ?? '') ? Number(q.assignee) : undefined;
    const age = ['1', '24', '168'].includes(q.age ?? '') ? Number(q.age) : undefined;
    const cases = deps.cases.list({ status, ...(reason ? { reason } : {}), ...(language ? { language } : {}), ...(assignee !== undefined ? { assignee } : {}), ...(age ? { olderThanHours: age } : {}) });
    return c.html(queuePage(c.var.t, c.var.session, cases, { status, reason, language, assignee: q.assignee, age: q.age }, REASONS));
  });

  routes.get('/:id{[0-9]+}', (c) => {
    const details = deps.cases.details(Number(c.req.param('id')), 500);
    if (!details) return c.notFound();
    return c.html(casePage(c.var.t, c.var.session, details, deps.cases.timeline(details.case.id), c.req.query('done')));
  });

  routes.post('/:id{[0-9]+}/:action{take|reply|note|resolve}', async (c) => {
    const id = Number(c.req.param('id'));
    const current = deps.cases.get(id);
    if (!current) return c.notFound();
    const form = await c.req.parseBody();
    const text = typeof form.text === 'string' ? form.text.trim().slice(0, MAX_TEXT) : '';
    const staffId = c.var.member.userId;
    let done: string;
    switch (c.req.param('action')) {
      case 'take':
        done = deps.cases.take(id, staffId) ? 'took' : 'alreadyResolved';
        break;
      case 'note':
        if (!text) done = 'empty';
        else deps.cases.addNote(id, staffId, text), (done = 'noted');
        break;
      case 'reply': {
        if (!text) done = 'empty';
        else if (current.status === 'resolved') done = 'alreadyResolved';
        else {
          // Exactly what a reply in the review group stores: the outbox sends it, once.
          const nonce = typeof form.nonce === 'string' && form.nonce ? form.nonce : `${staffId}:${Date.now()}:${Math.random()}`;
          const citizenT = deps.translate(current.language);
          deps.cases.recordRelay(current, staffId, replyId(nonce), text, `<i>${escapeHtml(citizenT('desk.fromTeam'))}</i>\n\n${escapeHtml(text)}`);
          await deps.flushChat(current.chatId);
          done = 'replied';
        }
        break;
      }
      default: {
        const outcome = OUTCOMES.includes(form.outcome as Outcome) ? (form.outcome as Outcome) : 'answered';
        const { resolved, tell } = resolveCase(deps, id, staffId, outcome);
        await tell();
        done = resolved ? 'resolved' : 'alreadyResolved';
      }
    }
    deps.wakeDesk();
    return c.redirect(`/console/cases/${id}?done=${done}`, 303);
  });

  return routes;
}

