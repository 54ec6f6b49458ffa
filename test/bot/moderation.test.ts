import { describe, expect, it } from 'vitest';
import { buttonData, startBotHarness, type Harness } from '../support/bot-harness.js';
import { callbackUpdate, textUpdate, type RecordedCall } from '../support/fake-telegram.js';
import { runCli } from '../support/run-cli.js';

const GROUP = -1001234;
const ADMIN = 7000;
const MODERATOR = 7001;
const STAFF_ENV = { ADMIN_IDS: String(ADMIN), MODERATOR_IDS: String(MODERATOR), REVIEW_CHAT_ID: String(GROUP) };

const toGroup = (h: Harness) => h.fake.callsTo('sendMessage').filter((c) => c.payload.chat_id === GROUP);
const cardOf = (h: Harness, caseId: number): string => {
  // The card as the group sees it now: its first post, then its latest edit.
  const edits = h.fake.callsTo('editMessageText').filter((c) => c.payload.chat_id === GROUP && String(c.payload.text).includes(`#${caseId}`));
  const posts = toGroup(h).filter((c) => String(c.payload.text).includes(`#${caseId}`));
  return String((edits.at(-1) ?? posts[0])?.payload.text ?? '');
};
const waitUntil = async (check: () => boolean, timeoutMs = 5000) => {
  const start = Date.now();
  while (!check()) {
    if (Date.now() - start > timeoutMs) throw new Error('timed out');
    await new Promise((r) => setTimeout(r, 20));
  }
};
const threadOf = (call: RecordedCall | undefined) => Number(call?.payload.message_thread_id);

describe('the review desk in a Telegram staff group', () => {
  it('opens a case within a second, relays a moderator once, routes the citizen to the case, and hands back on resolve', async () => {
    const h = await startBotHarness(STAFF_ENV);
    const citizen = 4242;
    // Staff commands are published to each staff member's own chat only.
    await waitUntil(() => h.fake.callsTo('setMyCommands').filter((c) => c.payload.scope?.type === 'chat').length >= 2);
    const scoped = h.fake.callsTo('setMyCommands').filter((c) => c.payload.scope?.type === 'chat');
    expect(scoped.map((c) => c.payload.scope.chat_id).sort()).toEqual([ADMIN, MODERATOR]);
    expect(JSON.stringify(scoped.find((c) => c.payload.scope.chat_id === ADMIN)!.payload.commands)).toContain('"staff"');
    expect(JSON.stringify(h.fake.callsTo('setMyCommands').filter((c) => !c.payload.scope).map((c) => c.payload.commands))).not.toContain('"staff"');

    h.fake.queueUpdates(textUpdate(citizen, 'شلون اطبخ دولمه بالبيت', { firstName: 'Haider', userId: citizen }));
    await h.waitForReplies(citizen, 1);
    const human = buttonData(h.lastReply(citizen)).find((d) => d.startsWith('human:'))!;
    const pressedAt = Date.now();
    h.fake.queueUpdates(callbackUpdate(citizen, human));
    await waitUntil(() => cardOf(h, 1).includes('#asked_for_human'), 1000);
    expect(Date.now() - pressedAt).toBeLessThan(1000);

    const topic = h.fake.callsTo('createForumTopic')[0]!;
    expect(topic.payload.chat_id).toBe(GROUP);
    const card = cardOf(h, 1);
    expect(card).toMatch(/مواطن \d{4}/);
    expect(card).toContain('شلون اطبخ دولمه');
    expect(card).toContain('fallback');
    // A pseudonym only: never the citizen's Telegram name or id.
    for (const call of [...toGroup(h), ...h.fake.callsTo('editMessageText'), ...h.fake.callsTo('createForumTopic')]) {
      expect(JSON.stringify(call.payload)).not.toContain('Haider');
      expect(JSON.stringify(call.payload)).not.toContain(String(citizen));
    }
    const thread = threadOf(toGroup(h)[0]);
    expect(thread).toBeGreaterThan(0);

    // A member of the group who is not staff: nothing is relayed.
    h.fake.queueUpdates(textUpdate(GROUP, 'انا مو مشرف بس اكتب هنا', { chatType: 'supergroup', userId: 555, threadId: thread }));
    // The moderator answers in the case's topic: the citizen gets it once, under the team's line.
    h.fake.queueUpdates(textUpdate(GROUP, 'أهلاً، للأسف لا نقدم وصفات طبخ. هل من سؤال عن الأمن؟', { chatType: 'supergroup', userId: MODERATOR, threadId: thread }));
    await h.waitForReplies(citizen, 3);
    await new Promise((r) => setTimeout(r, 300));
    const replies = h.repliesTo(citizen);
    expect(replies.filter((r) => r.includes('لا نقدم وصفات طبخ'))).toHaveLength(1);
    expect(replies.some((r) => r.includes('مو مشرف'))).toBe(false);
    expect(replies.at(-1)).toContain('فريق حملة الأمن المجتمعي');
    const relay = h.app.db.prepare("SELECT answer_kind, staff_id FROM exchanges WHERE answer_kind = 'human'").all();
    expect(relay).toEqual([{ answer_kind: 'human', staff_id: MODERATOR }]);
    await waitUntil(() => cardOf(h, 1).includes(String(MODERATOR)));

    // The citizen's reply goes to the case, not to retrieval.
    h.fake.queueUpdates(textUpdate(citizen, 'شنو حقوقي اذا انعتقلت', { userId: citizen }));
    await waitUntil(() => toGroup(h).some((c) => String(c.payload.text).includes('شنو حقوقي اذا انعتقلت')));
    const posted = toGroup(h).find((c) => String(c.payload.text).includes('شنو حقوقي اذا انعتقلت'))!;
    expect(threadOf(posted)).toBe(thread);
    expect(h.repliesTo(citizen)).toHaveLength(3);

    // Resolve: the outcome is chosen on the card, then the citizen is told they are back with the bot.
    h.fake.queueUpdates(callbackUpdate(GROUP, 'case:1:resolve', { userId: MODERATOR, threadId: thread }));
    await waitUntil(() => h.fake.callsTo('editMessageReplyMarkup').length > 0);
    expect(JSON.stringify(h.fake.callsTo('editMessageReplyMarkup')[0]!.payload.reply_markup)).toContain('case:1:answered');
    h.fake.queueUpdates(callbackUpdate(GROUP, 'case:1:answered', { userId: MODERATOR, threadId: thread }));
    await h.waitForReplies(citizen, 4);
    expect(h.repliesTo(citizen).at(-1)).toContain('المساعد الآلي');
    expect(h.app.cases.get(1)).toMatchObject({ status: 'resolved', outcome: 'answered', assignee: MODERATOR });

    // The desk's figures, from the database this conversation filled.
    const stats = await runCli('src/cli/review.ts', ['stats', '--json'], '', { DATABASE_PATH: h.app.config.databasePath });
    expect(stats.code).toBe(0);
    const figures = JSON.parse(stats.stdout);
    expect(figures).toMatchObject({ opened: 1, resolved: 1, outcomes: { answered: 1 }, firstReply: { count: 1 }, resolve: { count: 1 } });
    expect(Object.keys(figures.byReason).sort()).toEqual(['asked-for-human', 'fallback']);
    expect(figures.firstReply.median).toBeGreaterThan(0);
    const text = await runCli('src/cli/review.ts', ['stats'], '', { DATABASE_PATH: h.app.config.databasePath });
    expect(text.stdout).toMatch(/time to first human reply: median [\d.]+ s, p90 [\d.]+ s \(1\)/);
    expect(text.stdout).toContain('Open backlog by age: under 1 h 0');

    // Back with the bot: the next question is answered by retrieval again.
    h.fake.queueUpdates(textUpdate(citizen, 'شلون اتصل بالشرطة المجتمعية', { userId: citizen }));
    await h.waitForReplies(citizen, 5);
    expect(h.repliesTo(citizen).at(-1)).toContain('911');
  });

  it('treats staff commands from anyone else as unknown, and lets an admin manage staff with an audit log', async () => {
    const h = await startBotHarness(STAFF_ENV);
    h.fake.queueUpdates(textUpdate(31, '/staff add 31 admin'));
    await h.waitForReplies(31, 1);
    h.fake.queueUpdates(textUpdate(32, '/unheard_of'));
    await h.waitForReplies(32, 1);
    expect(h.repliesTo(31)[0]).toBe(h.repliesTo(32)[0]);
    expect(h.app.staff.find(31)).toBeUndefined();

    h.fake.queueUpdates(textUpdate(ADMIN, '/staff add 8100 moderator'));
    await h.waitForReplies(ADMIN, 1);
    expect(h.app.staff.find(8100)).toMatchObject({ role: 'moderator' });
    h.fake.queueUpdates(textUpdate(ADMIN, '/staff'));
    await h.waitForReplies(ADMIN, 2);
    expect(h.repliesTo(ADMIN)[1]).toContain('8100');
    h.fake.queueUpdates(textUpdate(ADMIN, '/staff remove 8100'));
    await h.waitForReplies(ADMIN, 3);
    expect(h.app.staff.find(8100)).toBeUndefined();
    // Withdrawn from their chat too.
    expect(h.fake.callsTo('deleteMyCommands').some((c) => c.payload.scope?.chat_id === 8100)).toBe(true);
    const audit = h.app.staff.auditLog() as { actor: number; action: string; target: number }[];
    expect(audit.slice(0, 2).map((a) => [a.actor, a.action, a.target])).toEqual([
      [ADMIN, 'remove', 8100],
      [ADMIN, 'add', 8100],
    ]);

    // A removed moderator's buttons stop working at once.
    h.fake.queueUpdates(textUpdate(77, 'شلون اطبخ دولمه', { userId: 77 }));
    await h.waitForReplies(77, 1);
    h.fake.queueUpdates(callbackUpdate(GROUP, 'case:1:take', { userId: 8100 }));
    await waitUntil(() => h.fake.callsTo('answerCallbackQuery').length > 0);
    expect(h.app.cases.get(1)!.status).toBe('open');
  });

  it('puts 911 first for «اريد انتحر», then an urgent pinned case, and alerts every moderator until one takes it', async () => {
    const h = await startBotHarness({ ...STAFF_ENV, URGENT_ACK_SECONDS: '2' });
    h.fake.queueUpdates(textUpdate(MODERATOR, '/duty on'));
    await h.waitForReplies(MODERATOR, 1);
    const citizen = 5151;
    h.fake.queueUpdates(textUpdate(citizen, 'اريد انتحر', { userId: citizen }));
    await h.waitForReplies(citizen, 1);
    expect(h.repliesTo(citizen)[0]!.split('\n')[0]).toContain('911');
    const citizenAt = h.fake.callsTo('sendMessage').findIndex((c) => c.payload.chat_id === citizen);

    await waitUntil(() => h.fake.callsTo('pinChatMessage').length > 0);
    const firstCard = h.fake.callsTo('sendMessage').findIndex((c) => c.payload.chat_id === GROUP);
    expect(firstCard).toBeGreaterThan(citizenAt);
    expect(cardOf(h, 1)).toContain('🚨');
    expect(String(h.fake.callsTo('createForumTopic')[0]!.payload.name)).toContain('🚨');
    // The moderator on duty is called by mention (a link to their id, not a name).
    await waitUntil(() => toGroup(h).some((c) => String(c.payload.text).includes(`tg://user?id=${MODERATOR}`)));

    // Nobody takes it: after 2 s every moderator and admin is alerted privately, and again after 2 more.
    const alerts = (id: number) => h.repliesTo(id).filter((r) => r.includes('#1'));
    await waitUntil(() => alerts(ADMIN).length >= 2 && alerts(MODERATOR).length >= 2, 8000);
    h.fake.queueUpdates(callbackUpdate(GROUP, 'case:1:take', { userId: MODERATOR }));
    await waitUntil(() => h.app.cases.get(1)!.status === 'taken');
    const count = alerts(ADMIN).length;
    await new Promise((r) => setTimeout(r, 3000));
    expect(alerts(ADMIN).length).toBe(count);
    const taken = h.app.cases.get(1)!;
    expect(taken.takenAt! - taken.openedAt).toBeGreaterThanOrEqual(3500);
    const stats = JSON.parse((await runCli('src/cli/review.ts', ['stats', '--json'], '', { DATABASE_PATH: h.app.config.databasePath })).stdout);
    expect(stats.urgentTake.count).toBe(1);
    expect(stats.urgentTake.median).toBeGreaterThanOrEqual(3.5);
    expect(stats.backlog.under1h).toBe(1);
  });

  it('works without forum topics: one card per case, moderators reply to it, the group queue waits out a 429', async () => {
    const h = await startBotHarness(STAFF_ENV, { forum: false });
    const citizen = 6161;
    // Telegram's group limit: the first card is refused with 429 retry_after 1; it goes out after.
    h.fake.failNext('sendMessage', { status: 429, retryAfter: 1 }, 1, 1);
    h.fake.queueUpdates(textUpdate(citizen, 'شلون اطبخ دولمه', { userId: citizen }));
    await h.waitForReplies(citizen, 1);
    // The fake records the card when it arrives; the bot stores the card's id only once the
    // response is back, so wait for the stored id, not for the call.
    await waitUntil(() => (h.app.cases.get(1)?.cardMessageId ?? null) !== null, 4000);
    expect(h.fake.calls.some((c) => c.method === 'sendMessage' && c.status === 429)).toBe(true);
    expect(h.fake.callsTo('createForumTopic')).toHaveLength(0);
    expect(toGroup(h)[0]!.payload.message_thread_id).toBeUndefined();
    const card = h.app.cases.get(1)!.cardMessageId!;
    // A staff reply to the card is relayed; a note (/note) is not, and is counted on the card.
    h.fake.queueUpdates(textUpdate(GROUP, '/note طلب وصفة، لا شيء أمني', { chatType: 'supergroup', userId: MODERATOR, replyToMessageId: card }));
    h.fake.queueUpdates(textUpdate(GROUP, 'لا نملك وصفات، نحن حملة الأمن المجتمعي.', { chatType: 'supergroup', userId: MODERATOR, replyToMessageId: card }));
    await h.waitForReplies(citizen, 2);
    expect(h.repliesTo(citizen).join('\n')).not.toContain('طلب وصفة');
    await waitUntil(() => cardOf(h, 1).includes('ملاحظات داخلية: 1'));
    // The citizen's answer is posted as a reply to the card.
    h.fake.queueUpdates(textUpdate(citizen, 'زين شكراً', { userId: citizen }));
    await waitUntil(() => toGroup(h).some((c) => String(c.payload.text).includes('زين شكراً')));
    const posted = toGroup(h).find((c) => String(c.payload.text).includes('زين شكراً'))!;
    expect(posted.payload.reply_parameters).toMatchObject({ message_id: card });
  });

  it('opens a case with /human, and /forget removes the citizen\'s words from it', async () => {
    const h = await startBotHarness(STAFF_ENV);
    const citizen = 7373;
    h.fake.queueUpdates(textUpdate(citizen, 'جاري يهددني كل يوم بالكلام وما اعرف شسوي', { userId: citizen }));
    await h.waitForReplies(citizen, 1);
    h.fake.queueUpdates(textUpdate(citizen, '/human', { userId: citizen }));
    await h.waitForReplies(citizen, 2);
    expect(h.repliesTo(citizen)[1]).toContain('فريق الحملة');
    await waitUntil(() => cardOf(h, 1).includes('#asked_for_human'));
    expect(cardOf(h, 1)).toContain('جاري يهددني');
    // /human is in every language's command list.
    for (const call of h.fake.callsTo('setMyCommands').filter((c) => !c.payload.scope)) expect(JSON.stringify(call.payload.commands)).toContain('"human"');

    h.fake.queueUpdates(textUpdate(citizen, '/forget', { userId: citizen }));
    await h.waitForReplies(citizen, 3);
    h.fake.queueUpdates(callbackUpdate(citizen, 'forget:yes', { userId: citizen }));
    await h.waitForReplies(citizen, 4);
    await waitUntil(() => cardOf(h, 1).includes('حُذف المحتوى بطلب من المواطن'));
    expect(cardOf(h, 1)).not.toContain('جاري يهددني');
    expect(h.app.cases.get(1)).toMatchObject({ status: 'open', forgotten: true });
    expect(h.app.db.prepare('SELECT count(*) FROM exchanges WHERE user_id = ?').pluck().get(citizen)).toBe(0);
  });
});
