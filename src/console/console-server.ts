import { readFileSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import { serve, type ServerType } from '@hono/node-server';
import { getConnInfo } from '@hono/node-server/conninfo';
import { Hono, type Context, type MiddlewareHandler } from 'hono';
import { deleteCookie, getCookie, setCookie } from 'hono/cookie';
import { secureHeaders } from 'hono/secure-headers';
import type { Config } from '../config.js';
import type { Translate } from '../i18n/create-i18n.js';
import type { Logger } from '../logger.js';
import type { CaseStore } from '../moderation/case-store.js';
import { canModerate, type StaffMember, type StaffStore } from '../moderation/staff-store.js';
import type { LoginLinks } from './login-links.js';
import { createSessionSealer, type Session } from './session.js';
import { caseRoutes } from './case-routes.js';
import { broadcastRoutes } from './broadcast-routes.js';
import type { BroadcastStore } from '../broadcasts/broadcast-store.js';
import { messagePage } from './pages/layout.js';
import { opsRoutes, type OpsDeps } from '../ops/ops-routes.js';
import { sameSecret } from '../ops/same-secret.js';
import { campaignFigures } from '../conversations/campaign-figures.js';
import { figuresCsv, figuresPage } from './pages/figures-page.js';
import type { Db } from '../database/open-database.js';
import type { AnswerQuestion } from '../answering/answer-question.js';
import type { KnowledgeIndex } from '../knowledge/index-knowledge.js';
import type { GapStore } from '../moderation/gap-store.js';
import { writeGapDraft } from '../moderation/draft-entry.js';
import { searchExchanges } from '../conversations/search-exchanges.js';
import { gapsPage, knowledgePage, searchPage, type KnowledgeRow } from './pages/work-pages.js';
import { entryUsage, reviewDue } from '../knowledge/entry-usage.js';
import { loadKnowledge } from '../knowledge/load-knowledge.js';

export interface ConsoleDeps {
  http: NonNullable<Config['http']>;
  db: Db;
  config: Pick<Config, 'knowledgeDir'>;
  knowledge: KnowledgeIndex;
  answerQuestion: AnswerQuestion;
  gaps: GapStore;
  broadcasts: BroadcastStore;
  /** Tells the broadcast sender to look for approved or cancelled broadcasts now. */
  wakeBroadcasts: () => void;
  /** Health and metrics, served by the same server (ops/); absent in tools that need only pages. */
  ops?: OpsDeps;
  /** Webhook mode: the route Telegram posts updates to (bot/receive-webhook.ts). */
  webhook?: Hono;
  logger: Logger;
  translate: Translate;
  staff: StaffStore;
  cases: CaseStore;
  consoleLinks: LoginLinks;
  /** Sends what the outbox holds for a chat now (a reply stored by the console). */
  flushChat: (chatId: number) => Promise<void>;
  /** Tells the review group's queue that a case changed. */
  wakeDesk: () => void;
}

/** What every page handler gets: the member as the staff table says now, and their session. */
export interface ConsoleEnv {
  Variables: { member: StaffMember; session: Session; t: ReturnType<Translate> };
}

const COOKIE = 'aman_console';
// Login attempts per address in a window: links are long random tokens, so this only slows a
// flood; a member who mistypes a link gets a new one from the bot.
const LOGIN_ATTEMPTS = 10;
const LOGIN_WINDOW_MS = 10 * 60 * 1000;
const CSS = readFileSync(new URL('./static/console.css', import.meta.url), 'utf8');

/** The console's routes (tests call `fetch` on it directly or through the server below). */
export function createConsoleApp(deps: ConsoleDeps) {
  const sealer = createSessionSealer(deps.http.sessionSecret);
  const secure = deps.http.publicUrl.startsWith('https://');
  const attempts = new Map<string, { count: number; since: number }>();
  const app = new Hono<ConsoleEnv>();

  // No inline script or style anywhere: the policy allows the stylesheet below and nothing else.
  app.use(
    secureHeaders({
      contentSecurityPolicy: { defaultSrc: ["'none'"], styleSrc: ["'self'"], imgSrc: ["'self'", 'data:'], formAction: ["'self'"], frameAncestors: ["'none'"], baseUri: ["'none'"] },
      referrerPolicy: 'no-referrer',
    }),
  );
  if (deps.ops) app.route('/', opsRoutes(deps.ops));
  if (deps.webhook) app.route('/', deps.webhook);
  // Browsers ask for it on every page; there is none, and a 404 in their console hides real errors.
  app.get('/favicon.ico', (c) => c.body(null, 204));
  app.get('/console/static/console.css', (c) => c.body(CSS, 200, { 'content-type': 'text/css; charset=utf-8', 'cache-control': 'max-age=3600' }));

  const writeSession = (c: Context, session: Session) =>
    setCookie(c, COOKIE, sealer.seal(session), { path: '/console', httpOnly: true, sameSite: 'Lax', secure, maxAge: Math.max(0, Math.floor((session.expiresAt - Date.now()) / 1000)) });

  app.get('/console/login/:token', (c) => {
    const t = deps.translate('ar');
    const address = getConnInfo(c).remote.address ?? 'unknown';
    const now = Date.now();
    const seen = attempts.get(address);
    const window = seen && now - seen.since < LOGIN_WINDOW_MS ? seen : { count: 0, since: now };
    window.count++;
    attempts.set(address, window);
    if (window.count > LOGIN_ATTEMPTS) return c.html(messagePage(t, t('console.tooMany')), 429);
    const userId = deps.consoleLinks.use(c.req.param('token'));
    const member = userId === undefined ? undefined : deps.staff.find(userId);
    if (!member) {
      deps.logger.info({ staff: userId ?? null }, 'console login refused');
      return c.html(messagePage(t, t('console.linkRefused')), 403);
    }
    writeSession(c, sealer.create(member.userId));
    deps.staff.audit(member.userId, 'console-login', member.userId);
    deps.logger.info({ staff: member.userId }, 'console login');
    return c.redirect('/console/cases', 303);
  });

  // Everything else needs a session, and a member the staff table still lists, at this request.
  app.use('/console/*', async (c, next) => {
    const session = sealer.unseal(getCookie(c, COOKIE));
    const t = deps.translate(session?.language ?? 'ar');
    if (!session) return c.html(messagePage(t, t('console.signedOut')), 401);
    const member = deps.staff.find(session.userId);
    if (!member) {
      deleteCookie(c, COOKIE, { path: '/console' });
      return c.html(messagePage(t, t('console.notStaff')), 403);
    }
    // Every form carries the session's token: a page elsewhere cannot post in the member's name.
    if (c.req.method === 'POST') {
      const form = await c.req.parseBody();
      if (!sameSecret(typeof form._csrf === 'string' ? form._csrf : '', session.csrf)) return c.html(messagePage(t, t('console.csrf')), 403);
    }
    c.set('member', member);
    c.set('session', session);
    c.set('t', t);
    await next();
  });

  app.get('/console', (c) => c.redirect('/console/cases', 303));
  app.post('/console/logout', (c) => {
    deps.staff.audit(c.var.member.userId, 'console-logout', c.var.member.userId);
    deleteCookie(c, COOKIE, { path: '/console' });
    return c.html(messagePage(deps.translate(c.var.session.language), c.var.t('console.signedOut')));
  });
  app.post('/console/language', async (c) => {
    const form = await c.req.parseBody();
    const language = form.language === 'en' || form.language === 'ckb' ? form.language : 'ar';
    writeSession(c, { ...c.var.session, language });
    return c.redirect(typeof form.back === 'string' && form.back.startsWith('/console/') ? form.back : '/console/cases', 303);
  });

  // Cases are for moderators and admins; the check is made on every request.
  const onlyModerators: MiddlewareHandler<ConsoleEnv> = async (c, next) => (canModerate(c.var.member) ? next() : c.html(messagePage(c.var.t, c.var.t('console.noPages')), 403));
  app.use('/console/cases/*', onlyModerators);
  app.use('/console/cases', onlyModerators);
  app.route('/console/cases', caseRoutes(deps));
  app.route('/console/broadcasts', broadcastRoutes(deps));

  // Searching what citizens asked is for moderators and admins: it reads their words.
  app.use('/console/search', onlyModerators);
  app.get('/console/search', (c) => {
    const q = c.req.query();
    const date = (v: string | undefined) => (v && /^\d{4}-\d\d-\d\d$/.test(v) ? v : undefined);
    const filter = {
      ...(q.q?.trim() ? { text: q.q.trim().slice(0, 200) } : {}),
      ...(date(q.from) ? { from: date(q.from)! } : {}),
      ...(date(q.to) ? { to: date(q.to)! } : {}),
      ...(q.kind ? { kind: q.kind } : {}),
      ...(q.entry ? { entry: q.entry } : {}),
      ...(q.language ? { language: q.language } : {}),
    };
    const searched = Object.keys(filter).length > 0;
    return c.html(searchPage(c.var.t, c.var.session, filter, searched ? searchExchanges(deps.db, filter) : undefined));
  });

  // Knowledge gaps, and a draft entry written for one exactly as `npm run gaps -- draft` does.
  app.get('/console/gaps', (c) => {
    // The message after a draft names the file from the store, never from the address bar.
    const [outcome, id] = (c.req.query('done') ?? '').split(':');
    const gap = id && /^\d+$/.test(id) ? deps.gaps.get(Number(id)) : undefined;
    const done = gap?.draftFile && (outcome === 'wrote' || outcome === 'exists') ? c.var.t(`console.gaps.${outcome}`, { file: gap.draftFile }) : undefined;
    return c.html(gapsPage(c.var.t, c.var.session, deps.gaps.list(100), deps.gaps.trend(), done));
  });
  app.post('/console/gaps/:id{[0-9]+}/draft', (c) => {
    const result = writeGapDraft({ ...deps, knowledgeDir: deps.config.knowledgeDir }, Number(c.req.param('id')));
    if (!result.written && result.reason === 'no-gap') return c.notFound();
    deps.logger.info({ staff: c.var.member.userId, gap: Number(c.req.param('id')), file: result.file }, 'draft entry from the console');
    if (result.written) deps.staff.audit(c.var.member.userId, 'console-draft-gap', Number(c.req.param('id')));
    return c.redirect(`/console/gaps?done=${result.written ? 'wrote' : 'exists'}:${c.req.param('id')}`, 303);
  });

  // Entries, drafts included (read from the folder at most once a minute: drafts are written while
  // the bot runs), with their review dates and use. For every staff role.
  let folder: { at: number; rows: ReturnType<typeof loadKnowledge>['entries'] } | undefined;
  app.get('/console/knowledge', (c) => {
    if (!folder || Date.now() - folder.at > 60_000) folder = { at: Date.now(), rows: loadKnowledge(deps.config.knowledgeDir).entries };
    const usage = entryUsage(deps.db, 90);
    const rows: KnowledgeRow[] = folder.rows.map((e) => {
      const used = usage.get(e.id) ?? { served: 0, up: 0, down: 0 };
      return { id: e.id, title: e.title, topic: e.topic, status: e.status, sources: e.sources.length, reviewed: e.reviewed, due: reviewDue(e), ...used };
    });
    // Overdue (or never reviewed) first, then by review date, then the most served.
    rows.sort((a, b) => (a.due ?? '').localeCompare(b.due ?? '') || b.served - a.served);
    return c.html(knowledgePage(c.var.t, c.var.session, rows, new Date().toISOString().slice(0, 10), 90));
  });

  // The figures are for every member of the staff: admins, moderators and campaign staff.
  const periodOf = (c: Context) => ([7, 30, 90].includes(Number(c.req.query('days'))) ? Number(c.req.query('days')) : 30);
  app.get('/console/figures', (c) => c.html(figuresPage(c.var.t, c.var.session, campaignFigures(deps.db, periodOf(c)))));
  app.get('/console/figures.csv', (c) => {
    const table = c.req.query('table') ?? '';
    const csv = figuresCsv(campaignFigures(deps.db, periodOf(c)), table);
    if (csv === undefined) return c.notFound();
    return c.body(`\uFEFF${csv}\r\n`, 200, { 'content-type': 'text/csv; charset=utf-8', 'content-disposition': `attachment; filename="aman-${table}.csv"` });
  });

  app.notFound((c) => c.html(messagePage(deps.translate('ar'), deps.translate('ar')('console.notFound')), 404));
  return app;
}

export interface RunningConsole {
  /** The address it listens on, e.g. http://127.0.0.1:8080. */
  url: string;
  stop(): Promise<void>;
}

/** Starts the console's HTTP server on HTTP_HOST:HTTP_PORT (127.0.0.1 unless told otherwise). */
export async function startConsole(deps: ConsoleDeps): Promise<RunningConsole> {
  const app = createConsoleApp(deps);
  const server: ServerType = await new Promise((resolve, reject) => {
    const s = serve({ fetch: app.fetch, port: deps.http.port, hostname: deps.http.host }, () => resolve(s));
    s.once('error', reject);
  });
  const { address, port } = server.address() as AddressInfo;
  const url = `http://${address.includes(':') ? `[${address}]` : address}:${port}`;
  deps.logger.info({ url, public: deps.http.publicUrl }, 'staff console listening');
  return {
    url,
    stop: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
