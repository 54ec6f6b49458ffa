import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ConfigError, loadConfig, readEnvironment } from '../src/config.js';
import { tempDir } from './support/temp-dir.js';

describe('loadConfig', () => {
  it('uses working defaults when nothing is set, treating empty values as unset', () => {
    const config = loadConfig({ TELEGRAM_BOT_TOKEN: '', CONFIDENCE_THRESHOLD: '' });
    expect(config).toEqual({
      telegramBotToken: undefined,
      telegramApiRoot: undefined,
      databasePath: './data/aman.sqlite',
      knowledgeDir: './knowledge',
      logLevel: 'info',
      confidenceThreshold: undefined,
      retentionDays: 90,
      rateLimit: { messages: 10, windowMs: 30_000 },
      staff: { admins: [], moderators: [] },
      reviewChatId: undefined,
      urgentAckSeconds: 300,
      broadcast: { rate: 25, paid: false, approvals: true, quietHours: { from: 22, to: 8 } },
      backup: { dir: './backups', keep: 7, daily: false },
      webhook: undefined,
    });
  });

  it('caps the broadcast rate at Telegram\'s free limit unless paid broadcasts are on, and reads quiet hours', () => {
    expect(() => loadConfig({ BROADCAST_RATE: '100' })).toThrow(/BROADCAST_RATE: must be at most 30 messages a second \(set BROADCAST_PAID=true/);
    expect(loadConfig({ BROADCAST_RATE: '100', BROADCAST_PAID: 'true' }).broadcast.rate).toBe(100);
    expect(loadConfig({ BROADCAST_QUIET_HOURS: 'off' }).broadcast.quietHours).toBeUndefined();
    expect(() => loadConfig({ BROADCAST_QUIET_HOURS: '25-99' })).toThrow(/BROADCAST_QUIET_HOURS: must be like 22-08/);
    expect(loadConfig({ BROADCAST_APPROVALS: '0' }).broadcast.approvals).toBe(false);
  });

  it('turns the staff console on with HTTP_PORT, only with a session secret, on 127.0.0.1 unless told', () => {
    expect(loadConfig({}).http).toBeUndefined();
    expect(() => loadConfig({ HTTP_PORT: '8080' })).toThrow(/SESSION_SECRET: required when HTTP_PORT is set/);
    expect(() => loadConfig({ HTTP_PORT: '8080', SESSION_SECRET: 'short' })).toThrow(/SESSION_SECRET: must be at least 32 characters/);
    const secret = 'a'.repeat(40);
    expect(loadConfig({ HTTP_PORT: '8080', SESSION_SECRET: secret }).http).toEqual({ port: 8080, host: '127.0.0.1', publicUrl: 'http://127.0.0.1:8080', sessionSecret: secret, metricsToken: undefined });
    expect(loadConfig({ HTTP_PORT: '8080', SESSION_SECRET: secret, CONSOLE_URL: 'https://aman.example.org/' }).http?.publicUrl).toBe('https://aman.example.org');
  });

  it('turns webhook mode on with WEBHOOK_URL, only over https, with a secret and the HTTP server', () => {
    const http = { HTTP_PORT: '8080', SESSION_SECRET: 'a'.repeat(40) };
    expect(() => loadConfig({ ...http, WEBHOOK_URL: 'https://aman.example.org/tg' })).toThrow(/WEBHOOK_SECRET: required when WEBHOOK_URL is set/);
    expect(() => loadConfig({ WEBHOOK_URL: 'https://aman.example.org/tg', WEBHOOK_SECRET: 's'.repeat(20) })).toThrow(/HTTP_PORT: required when WEBHOOK_URL is set/);
    expect(() => loadConfig({ ...http, WEBHOOK_URL: 'http://aman.example.org/tg', WEBHOOK_SECRET: 's'.repeat(20) })).toThrow(/WEBHOOK_URL: must start with https/);
    expect(loadConfig({ ...http, WEBHOOK_URL: 'https://aman.example.org/tg', WEBHOOK_SECRET: 's'.repeat(20) }).webhook).toEqual({ url: 'https://aman.example.org/tg', path: '/tg', secret: 's'.repeat(20), maxConnections: 40 });
  });

  it('reads staff ids and the review group, and names a bad one', () => {
    const config = loadConfig({ ADMIN_IDS: '11, 12', MODERATOR_IDS: '13', REVIEW_CHAT_ID: '-1001234567890', URGENT_ACK_SECONDS: '60' });
    expect(config.staff).toEqual({ admins: [11, 12], moderators: [13] });
    expect(config.reviewChatId).toBe(-1001234567890);
    expect(config.urgentAckSeconds).toBe(60);
    const attempt = () => loadConfig({ ADMIN_IDS: '11;@someone', REVIEW_CHAT_ID: '1234' });
    expect(attempt).toThrow(/ADMIN_IDS: must be Telegram user ids separated by commas[\s\S]*REVIEW_CHAT_ID: must be the negative id of a supergroup/);
  });

  it('names every bad variable in one error, without echoing the token', () => {
    const attempt = () => loadConfig({ TELEGRAM_BOT_TOKEN: 'not-a-token-secret', CONFIDENCE_THRESHOLD: '7' });
    expect(attempt).toThrow(ConfigError);
    expect(attempt).toThrow(/TELEGRAM_BOT_TOKEN: must look like[\s\S]*CONFIDENCE_THRESHOLD/);
    expect(attempt).not.toThrow(/not-a-token-secret/);
  });

  it('accepts a real-looking token and a threshold override', () => {
    const config = loadConfig({ TELEGRAM_BOT_TOKEN: '123456:ABCdefGHIjklMNOpqrSTUvwxYZ012345', CONFIDENCE_THRESHOLD: '0.7' });
    expect(config.telegramBotToken).toBe('123456:ABCdefGHIjklMNOpqrSTUvwxYZ012345');
    expect(config.confidenceThreshold).toBe(0.7);
  });

  it('strips a trailing slash from the Bot API root, since grammY appends /bot<token>', () => {
    expect(loadConfig({ TELEGRAM_API_ROOT: 'http://127.0.0.1:8081/' }).telegramApiRoot).toBe('http://127.0.0.1:8081');
  });

  it('reads .env, with the process environment taking precedence', () => {
    const file = join(tempDir(), '.env');
    writeFileSync(file, 'LOG_LEVEL=debug\nKNOWLEDGE_DIR=./elsewhere\n');
    process.env.KNOWLEDGE_DIR = './from-env';
    try {
      const env = readEnvironment(file);
      expect(env.LOG_LEVEL).toBe('debug');
      expect(env.KNOWLEDGE_DIR).toBe('./from-env');
    } finally {
      delete process.env.KNOWLEDGE_DIR;
    }
  });
});
