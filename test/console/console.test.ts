import { cpSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { createLoginLinks } from '../../src/console/login-links.js';
import { startBotHarness, type Harness } from '../support/bot-harness.js';
import { textUpdate } from '../support/fake-telegram.js';
import { tempDir } from '../support/temp-dir.js';

const MODERATOR = 7101;
const ADMIN = 7100;
const CITIZEN_URGENT = 5151;
const CITIZEN_FALLBACK = 5252;
const ENV = { ADMIN_IDS: String(ADMIN), MODERATOR_IDS: String(MODERATOR), HTTP_PORT: '0', SESSION_SECRET: 'test-secret-of-at-least-thirty-two-characters' };

/** The path of the login link the bot sent to `chatId` in reply to /console. */
async function loginPath(h: Harness, chatId: number): Promise<string> {
  const before = h.repliesTo(chatId).length;
  h.fake.queueUpdates(textUpdate(chatId, '/console', { userId: chatId }));
  await h.waitForReplies(chatId, before + 1);
  const match = /\/console\/login\/[\w-]+/.exec(h.repliesTo(chatId).at(-1)!);
  if (!match) throw new Error(`no link in: ${h.repliesTo(chatId).at(-1)}`);
  return match[0];
}

/** A browser without JavaScript: keeps the session cookie, follows nothing by itself. */
function browser(base: string) {
  let cookie = '';
  const request = async (path: string, init: RequestInit = {}) => {
    const response = await fetch(base + path, { ...init, redirect: 'manual', headers: { ...(cookie ? { cookie } : {}), ...(init.headers as Record<string, string>) } });
    const set = response.headers.get('set-cookie');
    if (set) cookie = set.split(';')[0]!.endsWith('=') ? '' : set.split(';')[0]!;
    return response;
  };
  return {
    get: (path: string) => request(path),
    post: (path: string, fields: Record<string, string>) =>
      request(path, { method: 'POST', body: new URLSearchParams(fields).toString(), headers: { 'content-type': 'application/x-www-form-urlencoded' } }),
  };
}

const csrfOf = (page: string) => /name="_csrf" value="([^"]+)"/.exec(page)![1]!;

async function withCases(): Promise<Harness> {
  const h = await startBotHarness(ENV);
  h.fake.queueUpdates(textUpdate(CITIZEN_FALLBACK, 'شلون اطبخ دولمه', { userId: CITIZEN_FALLBACK }));
  await h.waitForReplies(CITIZEN_FALLBACK, 1);
  h.fake.queueUpdates(textUpdate(CITIZEN_URGENT, 'اخوي بلع علبة حبوب هسه وما يتنفس زين', { userId: CITIZEN_URGENT }));
  await h.waitForReplies(CITIZEN_URGENT, 1);
  return h;
}

describe('the staff console', () => {
  it('logs a moderator in with a one-use link from the bot, shows the urgent case first, and sends a reply through the bot', async () => {
    const h = await withCases();
    const b = browser(h.bot.consoleUrl!);
    const link = await loginPath(h, MODERATOR);
    const login = await b.get(link);
    expect(login.status).toBe(303);
    expect(login.headers.get('location')).toBe('/console/cases');
    expect(login.headers.get('set-cookie')).toMatch(/HttpOnly/i);

    const queue = await b.get('/console/cases');
    expect(queue.status).toBe(200);
    // No script, one stylesheet: the policy says so and the page keeps to it.
    expect(queue.headers.get('content-security-policy')).toContain("default-src 'none'");
    const html = await queue.text();
    expect(html).toContain('dir="rtl"');
    expect(html).not.toMatch(/<script/i);
    const rows = [...html.matchAll(/href="\/console\/cases\/(\d+)"/g)].map((m) => Number(m[1]));
    const urgentCase = h.app.cases.openOf(CITIZEN_URGENT)!.id;
    expect(rows[0]).toBe(urgentCase);
    expect(rows).toContain(h.app.cases.openOf(CITIZEN_FALLBACK)!.id);

    const casePage = await (await b.get(`/console/cases/${urgentCase}`)).text();
    expect(casePage).toContain('اخوي بلع علبة حبوب');
    const reply = await b.post(`/console/cases/${urgentCase}/reply`, { _csrf: csrfOf(casePage), text: 'نحن معك، هل اتصلت بـ911؟', nonce: 'n1' });
    expect(reply.status).toBe(303);
    await h.waitForReplies(CITIZEN_URGENT, 2);
    expect(h.repliesTo(CITIZEN_URGENT).at(-1)).toContain('نحن معك، هل اتصلت بـ911؟');
    // The same form sent twice reaches the citizen once.
    await b.post(`/console/cases/${urgentCase}/reply`, { _csrf: csrfOf(casePage), text: 'نحن معك، هل اتصلت بـ911؟', nonce: 'n1' });
    await new Promise((r) => setTimeout(r, 200));
    expect(h.repliesTo(CITIZEN_URGENT).filter((t) => t.includes('هل اتصلت بـ911'))).toHaveLength(1);
    expect(h.app.cases.get(urgentCase)).toMatchObject({ status: 'taken', assignee: MODERATOR, humanActive: true });

    // The figures: a chart and the same numbers in a table, and as CSV.
    const figures = await b.get('/console/figures?days=7');
    const figuresHtml = await figures.text();
    expect(figuresHtml.match(/<svg[^>]*role="img"/g)!.length).toBeGreaterThanOrEqual(2);
    expect(figuresHtml).toContain('<table>');
    const csv = await b.get('/console/figures.csv?table=days&days=7');
    expect(csv.headers.get('content-type')).toContain('text/csv');
    const lines = (await csv.text()).trim().split('\r\n');
    expect(lines).toHaveLength(8);
    expect(lines[0]).toContain('"day","answered","fallback","urgent"');
    expect(lines.at(-1)).toMatch(/^"\d{4}-\d\d-\d\d","\d+","[1-9]\d*","[1-9]\d*"/);

    // The link was for one use.
    expect((await browser(h.bot.consoleUrl!).get(link)).status).toBe(403);
  });

  it('refuses a form posted without its token, an expired link, a non-staff /console, and a member removed since login', async () => {
    const h = await withCases();
    const b = browser(h.bot.consoleUrl!);
    await b.get(await loginPath(h, MODERATOR));
    const caseId = h.app.cases.openOf(CITIZEN_FALLBACK)!.id;
    const forged = await b.post(`/console/cases/${caseId}/reply`, { text: 'رسالة مزورة' });
    expect(forged.status).toBe(403);
    expect(await forged.text()).toContain('انتهت صلاحية النموذج');
    expect(h.repliesTo(CITIZEN_FALLBACK).join('\n')).not.toContain('رسالة مزورة');

    // A link made eleven minutes ago has expired.
    const old = createLoginLinks(h.app.db, () => Date.now() - 11 * 60 * 1000).create(MODERATOR);
    expect((await browser(h.bot.consoleUrl!).get(`/console/login/${old}`)).status).toBe(403);

    // To a citizen, /console is an unknown command: no link, no hint.
    h.fake.queueUpdates(textUpdate(CITIZEN_FALLBACK, '/console', { userId: CITIZEN_FALLBACK }));
    await h.waitForReplies(CITIZEN_FALLBACK, 2);
    expect(h.repliesTo(CITIZEN_FALLBACK).at(-1)).not.toContain('/console/login/');

    // Removed from the staff, the member's session stops working at the next request.
    h.app.staff.remove(ADMIN, MODERATOR);
    expect((await b.get('/console/cases')).status).toBe(403);
    // Without a session, nothing but the message to get a link.
    expect((await fetch(`${h.bot.consoleUrl}/console/cases`, { redirect: 'manual' })).status).toBe(401);
  });
});

describe('the case queue\'s filters and languages', () => {
  it('filters by assignee and age, and switches to English and Kurdish', async () => {
    const h = await withCases();
    const b = browser(h.bot.consoleUrl!);
    await b.get(await loginPath(h, MODERATOR));
    const urgent = h.app.cases.openOf(CITIZEN_URGENT)!.id;
    const fallback = h.app.cases.openOf(CITIZEN_FALLBACK)!.id;
    const page = await (await b.get(`/console/cases/${urgent}`)).text();
    await b.post(`/console/cases/${urgent}/take`, { _csrf: csrfOf(page) });
    const ids = async (query: string) => [...(await (await b.get(`/console/cases${query}`)).text()).matchAll(/href="\/console\/cases\/(\d+)"/g)].map((m) => Number(m[1]));
    expect(await ids('?assignee=me')).toEqual([urgent]);
    expect(await ids('?assignee=none')).toEqual([fallback]);
    expect(await ids('?age=1')).toEqual([]);

    await b.post('/console/language', { _csrf: csrfOf(page), language: 'en', back: '/console/cases' });
    const english = await (await b.get('/console/cases')).text();
    expect(english).toContain('dir="ltr"');
    expect(english).toContain('<h1>Cases</h1>');
    await b.post('/console/language', { _csrf: csrfOf(page), language: 'ckb', back: '/console/cases' });
    const kurdish = await (await b.get('/console/cases')).text();
    expect(kurdish).toContain('dir="rtl"');
    expect(kurdish).toContain('<h1>کەیسەکان</h1>');
  });
});

describe('the console\'s search and knowledge gaps', () => {
  it('finds questions by words as the engine normalises them, filters by kind, and drafts an entry for a gap', async () => {
    const knowledge = join(tempDir(), 'knowledge');
    cpSync('knowledge', knowledge, { recursive: true });
    const h = await startBotHarness({ ...ENV, KNOWLEDGE_DIR: knowledge });
    h.fake.queueUpdates(textUpdate(CITIZEN_FALLBACK, 'شلون اتصل بالشرطة المجتمعية؟', { userId: CITIZEN_FALLBACK }));
    await h.waitForReplies(CITIZEN_FALLBACK, 1);
    h.fake.queueUpdates(textUpdate(CITIZEN_URGENT, 'شكد راتب الشرطي بالعراق؟', { userId: CITIZEN_URGENT }));
    await h.waitForReplies(CITIZEN_URGENT, 1);
    const b = browser(h.bot.consoleUrl!);
    await b.get(await loginPath(h, MODERATOR));

    // «الشرطه» (with ه) finds «الشرطة» (with ة).
    const found = await (await b.get(`/console/search?q=${encodeURIComponent('الشرطه المجتمعيه')}`)).text();
    expect(found).toContain('شلون اتصل بالشرطة المجتمعية؟');
    expect(found).not.toContain('راتب الشرطي');
    const fallbacks = await (await b.get('/console/search?kind=fallback')).text();
    expect(fallbacks).toContain('شكد راتب الشرطي بالعراق؟');
    expect(fallbacks).not.toContain('شلون اتصل بالشرطة المجتمعية؟');

    // The entry that answered is on the Knowledge page, served once.
    const served = h.app.db.prepare("SELECT entry_id FROM exchanges WHERE user_id = ? AND answer_kind = 'answered'").pluck().get(CITIZEN_FALLBACK) as string;
    const knowledgePage = await (await b.get('/console/knowledge')).text();
    const row = new RegExp(`<small>${served}</small></td>(?:<td>[^<]*</td>){5}<td>(\\d+)</td>`).exec(knowledgePage);
    expect(Number(row?.[1])).toBe(1);
    expect(knowledgePage.match(/<tr class/g)!.length).toBeGreaterThan(100);

    const gapsPage = await (await b.get('/console/gaps')).text();
    expect(gapsPage).toContain('شكد راتب الشرطي بالعراق؟');
    const gapId = Number(/action="\/console\/gaps\/(\d+)\/draft"/.exec(gapsPage)![1]);
    const drafted = await b.post(`/console/gaps/${gapId}/draft`, { _csrf: csrfOf(gapsPage) });
    expect(drafted.status).toBe(303);
    const file = h.app.gaps.get(gapId)!.draftFile!;
    expect(readFileSync(file, 'utf8')).toContain('status: draft');
    expect(readFileSync(file, 'utf8')).toContain('شكد راتب الشرطي بالعراق؟');
    expect(await (await b.get(drafted.headers.get('location')!)).text()).toContain(file);
  });
});

describe('broadcasts from the console', () => {
  it('lets campaign staff create one, refuses the author\'s own approval, and sends it once another approves', async () => {
    const BROADCASTER = 7102;
    const h = await startBotHarness({ ...ENV, BROADCAST_QUIET_HOURS: 'off' });
    h.app.staff.add(ADMIN, BROADCASTER, 'broadcaster');
    h.fake.queueUpdates(textUpdate(CITIZEN_FALLBACK, 'مرحبا', { userId: CITIZEN_FALLBACK }));
    await h.waitForReplies(CITIZEN_FALLBACK, 1);
    h.app.db.prepare('UPDATE users SET subscribed = 1 WHERE telegram_id = ?').run(CITIZEN_FALLBACK);

    const author = browser(h.bot.consoleUrl!);
    await author.get(await loginPath(h, ADMIN));
    const page = await (await author.get('/console/broadcasts')).text();
    const empty = await author.post('/console/broadcasts', { _csrf: csrfOf(page), text: '   ' });
    expect(await (await author.get(empty.headers.get('location')!)).text()).toContain('4096 حرفاً على الأكثر');
    const created = await author.post('/console/broadcasts', { _csrf: csrfOf(page), text: 'تذكير: رقم الطوارئ الموحد 911 مجاني' });
    const listed = await (await author.get(created.headers.get('location')!)).text();
    expect(listed).toContain('تنتظر موافقة شخص آخر');
    const id = h.app.broadcasts.list(1)[0]!.id;
    // The author is offered no approval, and one forced through is refused by the store's rule.
    expect(listed).not.toContain(`/console/broadcasts/${id}/approve`);
    const self = await author.post(`/console/broadcasts/${id}/approve`, { _csrf: csrfOf(listed) });
    expect(await (await author.get(self.headers.get('location')!)).text()).toContain('لا يوافق كاتب الرسالة على رسالته');

    // A moderator has no broadcasts page.
    const moderator = browser(h.bot.consoleUrl!);
    await moderator.get(await loginPath(h, MODERATOR));
    expect((await moderator.get('/console/broadcasts')).status).toBe(403);

    const approver = browser(h.bot.consoleUrl!);
    await approver.get(await loginPath(h, BROADCASTER));
    const theirs = await (await approver.get('/console/broadcasts')).text();
    expect(theirs).toContain(`/console/broadcasts/${id}/approve`);
    await approver.post(`/console/broadcasts/${id}/approve`, { _csrf: csrfOf(theirs) });
    await h.waitForReplies(CITIZEN_FALLBACK, 2, 10_000);
    expect(h.repliesTo(CITIZEN_FALLBACK).at(-1)).toContain('تذكير: رقم الطوارئ الموحد 911 مجاني');
  });
});
