import type { Topic } from '../knowledge/knowledge-entry.js';
import type { Gap } from './gap-store.js';

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
