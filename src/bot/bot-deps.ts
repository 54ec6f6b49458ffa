import type { AnswerQuestion, AnswerWithSuggestion } from '../answering/answer-question.js';
import type { ExchangeStore } from '../conversations/exchange-store.js';
import type { InboxStore } from '../conversations/inbox-store.js';
import type { OutboxStore } from '../conversations/outbox-store.js';
import type { UserStore } from '../conversations/user-store.js';
import type { Db } from '../database/open-database.js';
import type { Translate } from '../i18n/create-i18n.js';
import type { KnowledgeIndex } from '../knowledge/index-knowledge.js';
import type { Logger } from '../logger.js';
import type { CaseStore } from '../moderation/case-store.js';
import type { GapStore } from '../moderation/gap-store.js';
import type { BroadcastStore } from '../broadcasts/broadcast-store.js';
import type { Config } from '../config.js';
import type { StaffStore } from '../moderation/staff-store.js';
import type { LoginLinks } from '../console/login-links.js';
import type { Outbox } from './outbox.js';
import type { ReviewDesk } from './review-desk.js';
import type { Metrics } from '../ops/metrics.js';

/** Everything the bot needs, created once in the composition root. */
export interface BotDeps {
  token: string;
  /** Bot API server; Telegram's unless TELEGRAM_API_ROOT points elsewhere (tests, self-hosted). */
  apiRoot: string | undefined;
  db: Db;
  logger: Logger;
  translate: Translate;
  knowledge: KnowledgeIndex;
  answerQuestion: AnswerQuestion;
  answerWithSuggestion: AnswerWithSuggestion;
  users: UserStore;
  exchanges: ExchangeStore;
  inbox: InboxStore;
  outboxStore: OutboxStore;
  /** Sends stored answers (and resends them until Telegram accepts them). */
  outbox: Outbox;
  /** Prometheus counters (ops/metrics.ts); absent where nothing scrapes them. */
  metrics?: Metrics;
  staff: StaffStore;
  /** One-use login links to the web console (/console). */
  consoleLinks: LoginLinks;
  cases: CaseStore;
  gaps: GapStore;
  broadcasts: BroadcastStore;
  config: Config;
  /** Looks for approved or cancelled broadcasts now rather than at its next tick. */
  wakeBroadcasts?: () => void;
  /** The review group's queue; absent without REVIEW_CHAT_ID (cases are still kept). */
  desk?: ReviewDesk;
  reviewChatId: number | undefined;
  urgentAckSeconds: number;
  /** Publishes (or withdraws) a staff member's own command list in their private chat. */
  publishCommands?: (userId: number) => Promise<void>;
  retentionDays: number;
  rateLimit: { messages: number; windowMs: number };
}
