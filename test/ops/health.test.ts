import { chmodSync } from 'node:fs';
import parsePrometheusTextFormat from 'parse-prometheus-text-format';
import { describe, expect, it } from 'vitest';
import { startBotHarness } from '../support/bot-harness.js';
import { textUpdate } from '../support/fake-telegram.js';

const ENV = { HTTP_PORT: '0', SESSION_SECRET: 'ops-test-secret-of-at-least-32-characters' };

describe('health and metrics', () => {
  it('answers /healthz, and /readyz turns unready while the database file is read-only and ready again after', async () => {
    const h = await startBotHarness(ENV);
    const url = h.bot.consoleUrl!;
    expect(await (await fetch(`${url}/healthz`)).json()).toEqual({ status: 'ok' });
    await h.fake.waitFor((calls) => calls.some((c) => c.method === 'getUpdates' && c.status === 200), 5000);
    const ready = await fetch(`${url}/readyz`);
    expect(ready.status).toBe(200);
    expect(await ready.json()).toEqual({ status: 'ready', checks: { database: 'ok', knowledge: 'ok', updates: 'ok', broadcasts: 'ok' } });

    const file = h.app.config.databasePath;
    chmodSync(file, 0o444);
    try {
      const unready = await fetch(`${url}/readyz`);
      expect(unready.status).toBe(503);
      const body = (await unready.json()) as { status: string; checks: Record<string, string> };
      expect(body.status).toBe('unready');
      expect(body.checks.database).toContain('read-only');
      expect(body.checks.knowledge).toBe('ok');
    } finally {
      chmodSync(file, 0o644);
    }
    expect((await fetch(`${url}/readyz`)).status).toBe(200);
  });

  it('serves Prometheus metrics that a text-format parser reads, with no personal data, behind a token when one is set', async () => {
    const h = await startBotHarness({ ...ENV, METRICS_TOKEN: 'scrape-token-0123456789' });
    h.fake.failNext('sendMessage', { status: 429, retryAfter: 1 }, 1, 1);
    h.fake.queueUpdates(textUpdate(8181, 'رقم الطوارئ شنو؟', { userId: 8181 }));
    h.fake.queueUpdates(textUpdate(8282, 'شلون اطبخ دولمه', { userId: 8282 }));
    await h.waitForReplies(8181, 1);
    await h.waitForReplies(8282, 1);
    const url = `${h.bot.consoleUrl}/metrics`;
    expect((await fetch(url)).status).toBe(401);
    const text = await (await fetch(url, { headers: { authorization: 'Bearer scrape-token-0123456789' } })).text();
    const families = new Map(parsePrometheusTextFormat(text).map((f) => [f.name, f]));
    const value = (name: string, labels: Record<string, string> = {}) =>
      Number(families.get(name)?.metrics.find((m) => Object.entries(labels).every(([k, v]) => m.labels?.[k] === v))?.value ?? NaN);
    expect(value('aman_updates_received_total')).toBeGreaterThanOrEqual(2);
    expect(value('aman_answers_total', { kind: 'answered' })).toBe(1);
    expect(value('aman_answers_total', { kind: 'fallback' })).toBe(1);
    expect(families.get('aman_answer_seconds')?.type).toBe('HISTOGRAM');
    expect(value('aman_telegram_errors_total', { code: '429' })).toBe(1);
    expect(value('aman_telegram_429_wait_seconds_total')).toBe(1);
    expect(value('aman_open_cases', { reason: 'fallback' })).toBe(1);
    expect(value('aman_database_bytes')).toBeGreaterThan(100_000);
    // Labels name kinds, reasons and codes: never a user, a chat or a question.
    expect(text).not.toContain('8181');
    expect(text).not.toContain('دولمه');
  });
});
