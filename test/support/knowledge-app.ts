import { createAnswerQuestion, type AnswerQuestion } from '../../src/answering/answer-question.js';
import { openDatabase } from '../../src/database/open-database.js';
import { createI18n, type Translate } from '../../src/i18n/create-i18n.js';
import { indexKnowledge } from '../../src/knowledge/index-knowledge.js';
import { createLogger } from '../../src/logger.js';

/** The shipped knowledge base on a private in-memory database, with the production pipeline. */
export async function shippedEngine(): Promise<{ answerQuestion: AnswerQuestion; translate: Translate }> {
  const knowledge = indexKnowledge(openDatabase(':memory:'), 'knowledge', createLogger('silent'));
  return { answerQuestion: createAnswerQuestion({ knowledge }), translate: await createI18n() };
}
