import knowledgeIndex from './001-knowledge-index.js';
import conversations from './002-conversations.js';
import inboxOutbox from './003-inbox-outbox.js';
import answerPassage from './004-answer-passage.js';
import passageUnits from './005-passage-units.js';
import paragraphQuestions from './006-paragraph-questions.js';
import moderation from './007-moderation.js';
import knowledgeGaps from './008-knowledge-gaps.js';
import broadcasts from './009-broadcasts.js';
import postings from './010-postings.js';
import consoleLogins from './011-console.js';
import exchangeSearch from './012-exchange-search.js';
import entryDaily from './013-entry-daily.js';
import broadcastCounts from './014-broadcast-counts.js';

/** Numbered migrations, applied in order; each runs once, in a transaction. */
export const migrations: { version: number; sql: string }[] = [
  { version: 1, sql: knowledgeIndex },
  { version: 2, sql: conversations },
  { version: 3, sql: inboxOutbox },
  { version: 4, sql: answerPassage },
  { version: 5, sql: passageUnits },
  { version: 6, sql: paragraphQuestions },
  { version: 7, sql: moderation },
  { version: 8, sql: knowledgeGaps },
  { version: 9, sql: broadcasts },
  { version: 10, sql: postings },
  { version: 11, sql: consoleLogins },
  { version: 12, sql: exchangeSearch },
  { version: 13, sql: entryDaily },
  { version: 14, sql: broadcastCounts },
];
