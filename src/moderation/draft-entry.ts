import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { AnswerQuestion } from '../answering/answer-question.js';
import type { KnowledgeIndex } from '../knowledge/index-knowledge.js';
import type { Topic } from '../knowledge/knowledge-entry.js';
import type { Gap, GapStore } from './gap-store.js';

// Numbers in a citizen's question (a phone number, an ID) never go into a knowledge file: the
// allowlist would refuse it, and it may be personal.
const DIGITS = /[0-9\u0660-\u0669\u06F0-\u06F9][0-9\u0660-\u0669\u06F0-\u06F9\s-]{2,}/gu;
const clean = (q: string) => q.replace(DIGITS, '…').replace(/\s+/g, ' ').trim();

/**
 * A `status: draft` entry for a knowledge gap: its questions as citizens asked them, and a body that
 * says what a person must do before approving it. Drafts are never served.
 */
export function draftEntry(gap: Gap, topic: Topic): { id: string; markdown: string } {
  const id = `gap-${gap.id}`;
  const questions = [...new Set(gap.questions.map(clean))].slice(0, 20);
  const title = questions[0] ?? 'سؤال بلا جواب';
  const yaml = [
    '---',
    `id: ${id}`,
    `title: ${JSON.stringify(title)}`,
    `topic: ${topic}`,
    'questions:',
    ...questions.map((q) => `  - ${JSON.stringify(q)}`),
    'sources: []',
    'status: draft',
    '---',
  ];
  const body = [
    // No id, date or count: the phone-number check reads any run of three digits or more.
    'مسودة من سؤال لم يجد جواباً (انظر npm run gaps).',
    '',
    'قبل الاعتماد: اكتب الجواب المختصر في هذه الفقرة من مصدر موثّق فقط، وأضف المصدر تحت sources، وصحّح العنوان والموضوع، ثم غيّر status إلى approved.',
  ];
  return { id, markdown: `${[...yaml, ...body].join('\n')}\n` };
}

/**
 * Writes the draft entry of a knowledge gap into the knowledge folder, under the topic the engine
 * leans to for its questions (a person corrects it if needed), and records it on the gap. Refuses
 * to overwrite a draft someone may be completing. The CLI (`npm run gaps -- draft`) and the
 * console draft through here.
 */
export function writeGapDraft(
  deps: { gaps: GapStore; knowledge: KnowledgeIndex; answerQuestion: AnswerQuestion; knowledgeDir: string },
  gapId: number,
): { written: true; file: string; questions: number } | { written: false; reason: 'no-gap' | 'exists'; file?: string } {
  const gap = deps.gaps.get(gapId);
  if (!gap) return { written: false, reason: 'no-gap' };
  const best = gap.questions.map((q) => deps.answerQuestion(q).hits[0]?.id).find(Boolean);
  const topic: Topic = (best && deps.knowledge.entries.get(best)?.topic) || 'security';
  const draft = draftEntry(gap, topic);
  const file = join(deps.knowledgeDir, topic, `${draft.id}.md`);
  if (existsSync(file)) return { written: false, reason: 'exists', file };
  mkdirSync(join(deps.knowledgeDir, topic), { recursive: true });
  writeFileSync(file, draft.markdown);
  deps.gaps.setDraft(gap.id, file);
  return { written: true, file, questions: gap.questions.length };
}
