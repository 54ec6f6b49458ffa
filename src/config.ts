import { existsSync, readFileSync } from 'node:fs';
import { parseEnv } from 'node:util';
import { z } from 'zod';
import { OperatorError } from './operator-error.js';
import { parseQuietHours, type QuietHours } from './broadcasts/local-time.js';

// Comma-separated Telegram user ids: "123, 456".
const idList = z
  .string()
  .trim()
  .regex(/^\d+(\s*,\s*\d+)*$/, 'must be Telegram user ids separated by commas, such as 123456789,987654321')
  .transform((v) => v.split(',').map((id) => Number(id.trim())))
  .default([]);

// The only reader of process.env. Every variable is listed, with a comment, in .env.example.
const schema = z.object({
  TELEGRAM_BOT_TOKEN: z
    .string()
    .trim()
    // Real tokens are 123456789:AA…(35 characters); local fakes accept anything of that shape.
    .regex(/^\d+:[\w-]+$/, 'must look like 123456789:AA... (the token @BotFather gives)')
    .optional(),
  TELEGRAM_API_ROOT: z.url({ message: 'must be a URL such as https://api.telegram.org' }).optional(),
  DATABASE_PATH: z.string().trim().min(1).default('./data/aman.sqlite'),
  RETENTION_DAYS: z.coerce.number().int().min(1).max(3650).default(90),
  RATE_LIMIT_MESSAGES: z.coerce.number().int().min(1).default(10),
  RATE_LIMIT_WINDOW_SECONDS: z.coerce.number().int().min(1).default(30),
  KNOWLEDGE_DIR: z.string().trim().min(1).default('./knowledge'),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  /** Overrides the calibrated confidence threshold (0..1) below which the bot does not answer. */
  CONFIDENCE_THRESHOLD: z.coerce.number().min(0).max(1).optional(),
  ADMIN_IDS: idList,
  MODERATOR_IDS: idList,
  REVIEW_CHAT_ID: z.coerce.number().int().max(-1, 'must be the negative id of a supergroup, such as -1001234567890').optional(),
  URGENT_ACK_SECONDS: z.coerce.number().int().min(1).default(300),
  BROADCAST_RATE: z.coerce.number().positive().default(25),
  BROADCAST_PAID: z.enum(['true', 'false'], { message: 'must be true or false' }).default('false'),
  BROADCAST_APPROVALS: z.enum(['0', '1'], { message: 'must be 1 (a second person approves) or 0 (off)' }).default('1'),
  BROADCAST_QUIET_HOURS: z.string().trim().default('22-08'),
  HTTP_PORT: z.coerce.number().int().min(0).max(65535).optional(),
  HTTP_HOST: z.string().trim().min(1).default('127.0.0.1'),
  CONSOLE_URL: z.url({ message: 'must be the public address of the console, such as https://aman.example.org' }).optional(),
  SESSION_SECRET: z.string().trim().min(32, 'must be at least 32 characters (for example: openssl rand -hex 32)').optional(),
  METRICS_TOKEN: z.string().trim().min(16, 'must be at least 16 characters').optional(),
  WEBHOOK_URL: z.url({ message: 'must be the public https address Telegram posts updates to, such as https://aman.example.org/telegram' }).optional(),
  WEBHOOK_SECRET: z.string().trim().regex(/^[A-Za-z0-9_-]{16,256}$/, 'must be 16 to 256 characters: letters, digits, _ and -').optional(),
  WEBHOOK_MAX_CONNECTIONS: z.coerce.number().int().min(1).max(100).default(40),
  BACKUP_DIR: z.string().trim().min(1).default('./backups'),
  BACKUP_KEEP: z.coerce.number().int().min(1).max(3650).default(7),
});

export interface Config {
  telegramBotToken: string | undefined;
  telegramApiRoot: string | undefined;
  databasePath: string;
  retentionDays: number;
  rateLimit: { messages: number; windowMs: number };
  knowledgeDir: string;
  logLevel: z.infer<typeof schema>['LOG_LEVEL'];
  confidenceThreshold: number | undefined;
  staff: { admins: number[]; moderators: number[] };
  /** The moderators' supergroup; the desk is off without it (cases are still kept). */
  reviewChatId: number | undefined;
  urgentAckSeconds: number;
  broadcast: { rate: number; paid: boolean; approvals: boolean; quietHours: QuietHours | undefined };
  /** Webhook mode instead of long polling (WEBHOOK_URL); undefined: polling. */
  webhook: { url: string; path: string; secret: string; maxConnections: number } | undefined;
  /** Where `npm run backup` writes, how many are kept, and whether the bot takes one daily (BACKUP_DIR set). */
  backup: { dir: string; keep: number; daily: boolean };
  /** The staff console's HTTP server; off without HTTP_PORT (console/). */
  http: { port: number; host: string; publicUrl: string; sessionSecret: string; metricsToken: string | undefined } | undefined;
}

export class ConfigError extends OperatorError {
  override name = 'ConfigError';
}

/** The process environment over the values of `./.env`, if there is one (the environment wins). */
export function readEnvironment(dotEnvPath = '.env'): NodeJS.ProcessEnv {
  const fromFile = existsSync(dotEnvPath) ? parseEnv(readFileSync(dotEnvPath, 'utf8')) : {};
  return { ...fromFile, ...process.env };
}

/** Parses the environment once, failing with a message that names each bad variable. */
export function loadConfig(env: NodeJS.ProcessEnv = readEnvironment()): Config {
  // An empty value in .env means "not set", as it does for most tools.
  const present = Object.fromEntries(Object.entries(env).filter(([, v]) => v !== undefined && v.trim() !== ''));
  const parsed = schema.safeParse(present);
  if (!parsed.success) {
    const lines = parsed.error.issues.map((i) => `  ${i.path.join('.')}: ${i.message}`);
    throw new ConfigError(`Invalid configuration (see .env.example):\n${lines.join('\n')}`);
  }
  const c = parsed.data;
  const problems: string[] = [];
  const paid = c.BROADCAST_PAID === 'true';
  // Telegram's free tier allows about 30 messages a second in bulk; the paid tier up to 1000.
  if (c.BROADCAST_RATE > (paid ? 1000 : 30)) problems.push(`  BROADCAST_RATE: must be at most ${paid ? 1000 : 30} messages a second${paid ? '' : ' (set BROADCAST_PAID=true for Telegram\'s paid broadcasts, up to 1000)'}`);
  const quietHours = parseQuietHours(c.BROADCAST_QUIET_HOURS);
  if (quietHours === 'invalid') problems.push('  BROADCAST_QUIET_HOURS: must be like 22-08 (from 22:00 to 08:00 Baghdad time) or off');
  // Webhook mode: Telegram posts to our HTTP server, and proves it with the secret in a header.
  if (c.WEBHOOK_URL && !c.WEBHOOK_SECRET) problems.push('  WEBHOOK_SECRET: required when WEBHOOK_URL is set (16+ letters, digits, _ or -: openssl rand -hex 32)');
  if (c.WEBHOOK_URL && c.HTTP_PORT === undefined) problems.push('  HTTP_PORT: required when WEBHOOK_URL is set (the server Telegram posts updates to, behind your TLS proxy)');
  if (c.WEBHOOK_URL && !c.WEBHOOK_URL.startsWith('https://')) problems.push('  WEBHOOK_URL: must start with https:// (Telegram posts only over TLS)');
  // The console signs its sessions with SESSION_SECRET: it does not start without one.
  if (c.HTTP_PORT !== undefined && !c.SESSION_SECRET) problems.push('  SESSION_SECRET: required when HTTP_PORT is set (at least 32 characters, for example: openssl rand -hex 32)');
  if (problems.length) throw new ConfigError(`Invalid configuration (see .env.example):\n${problems.join('\n')}`);
  return {
    telegramBotToken: c.TELEGRAM_BOT_TOKEN,
    // grammY appends /bot<token>/<method>: a trailing slash would double it.
    telegramApiRoot: c.TELEGRAM_API_ROOT?.replace(/\/+$/, ''),
    databasePath: c.DATABASE_PATH,
    retentionDays: c.RETENTION_DAYS,
    rateLimit: { messages: c.RATE_LIMIT_MESSAGES, windowMs: c.RATE_LIMIT_WINDOW_SECONDS * 1000 },
    knowledgeDir: c.KNOWLEDGE_DIR,
    logLevel: c.LOG_LEVEL,
    confidenceThreshold: c.CONFIDENCE_THRESHOLD,
    staff: { admins: c.ADMIN_IDS, moderators: c.MODERATOR_IDS },
    reviewChatId: c.REVIEW_CHAT_ID,
    urgentAckSeconds: c.URGENT_ACK_SECONDS,
    broadcast: { rate: c.BROADCAST_RATE, paid, approvals: c.BROADCAST_APPROVALS === '1', quietHours: quietHours as QuietHours | undefined },
    webhook: c.WEBHOOK_URL ? { url: c.WEBHOOK_URL, path: new URL(c.WEBHOOK_URL).pathname, secret: c.WEBHOOK_SECRET!, maxConnections: c.WEBHOOK_MAX_CONNECTIONS } : undefined,
    backup: { dir: c.BACKUP_DIR, keep: c.BACKUP_KEEP, daily: present.BACKUP_DIR !== undefined },
    http:
      c.HTTP_PORT === undefined ? undefined : (
        {
          port: c.HTTP_PORT,
          host: c.HTTP_HOST,
          // Login links point here: the reverse proxy's public address, or the server's own.
          publicUrl: (c.CONSOLE_URL ?? `http://${c.HTTP_HOST}:${c.HTTP_PORT}`).replace(/\/+$/, ''),
          sessionSecret: c.SESSION_SECRET!,
          metricsToken: c.METRICS_TOKEN,
        }
      ),
  };
}
