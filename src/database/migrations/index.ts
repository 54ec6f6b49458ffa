import knowledgeIndex from './001-knowledge-index.js';
import conversations from './002-conversations.js';
import inboxOutbox from './003-inbox-outbox.js';

/** Numbered migrations, applied in order; each runs once, in a transaction. */
export const migrations: { version: number; sql: string }[] = [
  { version: 1, sql: knowledgeIndex },
  { version: 2, sql: conversations },
  { version: 3, sql: inboxOutbox },
];
