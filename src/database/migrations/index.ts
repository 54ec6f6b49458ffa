import knowledgeIndex from './001-knowledge-index.js';

/** Numbered migrations, applied in order; each runs once, in a transaction. */
export const migrations: { version: number; sql: string }[] = [{ version: 1, sql: knowledgeIndex }];
