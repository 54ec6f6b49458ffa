import { createAnswerQuestion, type AnswerQuestion } from '../../src/answering/answer-question.js';
import { composeAnswer, toContract } from '../../src/answering/compose-answer.js';
import { openDatabase } from '../../src/database/open-database.js';
import { createI18n, type Translate } from '../../src/i18n/create-i18n.js';
import { indexKnowledge } from '../../src/knowledge/index-knowledge.js';
import { createLogger } from '../../src/logger.js';

export interface ShippedEngine {
  answerQuestion: AnswerQuestion;
  translate: Translate;
  /** The answer contract (DESIGN.md) for a question, with the reply in the asker's language. */
  contractOf: (question: string) => ReturnType<typeof toContract>;
}

/** The shipped knowledge base on a private in-memory database, with the production pipeline. */
export async function shippedEngine(): Promise<ShippedEngine> {
  const knowledge = indexKnowledge(openDatabase(':memory:'), 'knowledge', createLogger('silent'));
  const answerQuestion = createAnswerQuestion({ knowledge });
  const translate = await createI18n();
  const contractOf = (question: string) => {
    const answer = answerQuestion(question);
    return toContract(answer, composeAnswer(answer, translate(answer.uiLanguage)));
  };
  return { answerQuestion, translate, contractOf };
}
