import { createAnswerQuestion, createAnswerWithSuggestion, type AnswerQuestion, type AnswerWithSuggestion } from './answering/answer-question.js';
import type { Config } from './config.js';
import { openDatabase, type Db } from './database/open-database.js';
import { createI18n, type Translate } from './i18n/create-i18n.js';
import { indexKnowledge, type KnowledgeIndex } from './knowledge/index-knowledge.js';
import type { Logger } from './logger.js';
import { createExchangeStore, type ExchangeStore } from './conversations/exchange-store.js';
import { createInboxStore, type InboxStore } from './conversations/inbox-store.js';
import { createOutboxStore, type OutboxStore } from './conversations/outbox-store.js';
import { createUserStore, type UserStore } from './conversations/user-store.js';
import { createCaseStore, type CaseStore } from './moderation/case-store.js';
import { createGapStore, type GapStore } from './moderation/gap-store.js';
import { createBroadcastStore, type BroadcastStore } from './broadcasts/broadcast-store.js';
import { createStaffStore, type StaffStore } from './moderation/staff-store.js';
import { createLoginLinks, type LoginLinks } from './console/login-links.js';

export interface App {
  config: Config;
  logger: Logger;
  db: Db;
  knowledge: KnowledgeIndex;
  answerQuestion: AnswerQuestion;
  /** A fallback's «did you mean…?» button: the chosen entry answers the original question. */
  answerWithSuggestion: AnswerWithSuggestion;
  translate: Translate;
  users: UserStore;
  exchanges: ExchangeStore;
  inbox: InboxStore;
  outboxStore: OutboxStore;
  staff: StaffStore;
  consoleLinks: LoginLinks;
  cases: CaseStore;
  gaps: GapStore;
  broadcasts: BroadcastStore;
  reviewChatId: number | undefined;
  urgentAckSeconds: number;
  close(): void;
}

/**
 * The composition root shared by every entry point (bot, terminal chat, CLI commands):
 * config → logger → db → knowledge index → services. Each dependency is created once, here.
 */
export async function createApp(config: Config, logger: Logger): Promise<App> {
  const db = openDatabase(config.databasePath);
  try {
    const knowledge = indexKnowledge(db, config.knowledgeDir, logger);
    const answerQuestion = createAnswerQuestion({ knowledge, threshold: config.confidenceThreshold });
    const translate = await createI18n();
    const staff = createStaffStore(db);
    // ADMIN_IDS and MODERATOR_IDS are the floor of the staff list; /staff manages the rest.
    staff.seed(config.staff.admins, config.staff.moderators);
    return {
      config,
      logger,
      db,
      knowledge,
      answerQuestion,
      answerWithSuggestion: createAnswerWithSuggestion(knowledge),
      translate,
      users: createUserStore(db),
      exchanges: createExchangeStore(db),
      inbox: createInboxStore(db),
      outboxStore: createOutboxStore(db),
      staff,
      consoleLinks: createLoginLinks(db),
      cases: createCaseStore(db),
      gaps: createGapStore(db),
      broadcasts: createBroadcastStore(db, { approvals: config.broadcast.approvals }),
      reviewChatId: config.reviewChatId,
      urgentAckSeconds: config.urgentAckSeconds,
      close: () => db.close(),
    };
  } catch (error) {
    db.close();
    throw error;
  }
}
