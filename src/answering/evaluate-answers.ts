import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { z } from 'zod';
import type { Answer } from './answer.js';
import type { AnswerQuestion } from './answer-question.js';
import { numberWordsToDigits } from './number-words.js';

// One labelled message. `expect`: the entry that answers it, or null when it is off-topic and must
// fall back; absent for messages that only test urgent detection. `urgent`: whether it signals
// danger now; absent means no (every answerable or off-topic question is also a non-urgent one).
// Sets written from the sources alone (test/eval-sources-N/) grade by `fact` instead: a regular
// expression the answer text must match (folded as foldForGrading does), whatever entry it came from.
const labelled = z.object({
  q: z.string(),
  expect: z.string().nullable().optional(),
  fact: z
    .string()
    .refine((f) => {
      try {
        return Boolean(new RegExp(f, 'i'));
      } catch {
        return false;
      }
    }, 'is not a valid regular expression')
    .optional(),
  kind: z.string(),
  urgent: z.boolean().optional(),
  category: z.string().optional(),
  near_miss: z.boolean().optional(),
});
export type LabelledQuestion = z.infer<typeof labelled>;

export function loadLabelledQuestions(path: string): LabelledQuestion[] {
  if (statSync(path).isDirectory()) {
    return readdirSync(path)
      .filter((f) => f.endsWith('.jsonl'))
      .sort()
      .flatMap((f) => loadLabelledQuestions(join(path, f)));
  }
  // Off-topic files carry no `expect`: they must fall back.
  const offTopic = /offtopic|unanswerable/.test(path);
  return readFileSync(path, 'utf8')
    .split('\n')
    .filter((line) => line.trim())
    .map((line, i) => {
      let json: unknown;
      try {
        json = JSON.parse(line);
      } catch {
        throw new Error(`${path}:${i + 1}: not valid JSON`);
      }
      const parsed = labelled.safeParse(json);
      if (!parsed.success) throw new Error(`${path}:${i + 1}: ${parsed.error.issues[0]?.path.join('.')} ${parsed.error.issues[0]?.message}`);
      const item = parsed.data;
      return offTopic && item.expect === undefined && item.fact === undefined && item.urgent === undefined ? { ...item, expect: null } : item;
    });
}

/** Phrasings grouped as the README reports them. */
export function kindGroup(kind: string): 'msa' | 'dialect' | 'noisy' | 'other languages' | 'off-topic' {
  if (kind === 'msa' || kind === 'dialect') return kind;
  if (kind === 'misspelled' || kind === 'nohamza' || kind === 'noisy') return 'noisy';
  if (kind === 'unanswerable' || kind === 'offtopic') return 'off-topic';
  return 'other languages';
}

interface GroupMetrics {
  top1: number;
  answerable: number;
  urgentRecall: number;
  urgent: number;
  falsePositiveRate: number;
  notUrgent: number;
}

export interface EvalMetrics {
  answerable: number;
  unanswerable: number;
  urgentCount: number;
  alarmingCount: number;
  /** Share of answerable questions whose first entry (served or best-ranked) is the expected one. */
  top1: number;
  recallAt3: number;
  /** Share of answerable questions actually answered with the expected entry. */
  answeredCorrectly: number;
  /** Of the fallbacks given to answerable and off-topic questions, the share that were off-topic. */
  fallbackPrecision: number;
  /** Of the off-topic questions, the share that got a fallback. */
  fallbackRecall: number;
  /** Of the urgent messages, the share given 911 on top: urgent or possibly urgent. */
  urgentRecall: number;
  /** Of the urgent messages, the share answered as urgent (911 and the category's advice). */
  urgentStrictRecall: number;
  /** Of the alarming-but-calm messages, the share answered with a line of 911 on top. */
  alarmingCautionedRate: number;
  /** Of the urgent messages detected, the share given the labelled category. */
  urgentCategoryAccuracy: number;
  /** Of every message that is not urgent (answerable, off-topic, alarming), the share called urgent. */
  urgentFalsePositiveRate: number;
  /** The same, on the alarming-but-not-urgent messages alone. */
  alarmingFalsePositiveRate: number;
  /** top-1 per kind of phrasing as labelled (msa, dialect, misspelled, en, ...). */
  top1ByKind: Record<string, number>;
  byGroup: Record<string, GroupMetrics>;
  /** Sets graded by fact: how many answerable questions got an answer carrying their fact. */
  facts: {
    graded: number;
    carried: number;
    byKind: Record<string, [carried: number, of: number]>;
    /** Carried by the answer, or by one of a fallback's suggestions (one tap away). */
    oneTap: number;
  };
  /** Off-topic questions that fell back with suggestions under the fallback, of those that fell back. */
  offTopicSuggested: [suggested: number, of: number];
  /** Per labelled kind (dialect, msa, noisy, en, ckb, arabizi, ...): urgent caught and calm raised. */
  urgentByKind: Record<string, [caught: number, of: number]>;
  falseAlarmsByKind: Record<string, [raised: number, of: number]>;
  /** Off-topic questions that fell back, near misses (other laws, other countries, ...) apart. */
  nearMisses: [fellBack: number, of: number];
  misses: { q: string; expect: string | null; got: string | null; kind: string; why: string }[];
}

const ratio = (n: number, d: number) => (d === 0 ? 1 : n / d);

/**
 * The text a fact is looked for in: diacritics, alef forms, ta marbuta, alef maqsura and digits
 * folded, and figures written in words followed by their digits (number-words.ts).
 */
export function foldForGrading(text: string): string {
  return numberWordsToDigits(foldLetters(text));
}

function foldLetters(text: string): string {
  return text
    .normalize('NFKC')
    .replace(/[\u064B-\u065F\u0670\u0640]/g, '')
    .replace(/[أإآٱ]/g, 'ا')
    .replace(/ة/g, 'ه')
    .replace(/ى/g, 'ي')
    .replace(/[٠-٩۰-۹]/g, (d) => String((d.charCodeAt(0) & 0xf) % 10));
}

const bump = (m: Map<string, [number, number]>, key: string, hit: boolean) => {
  const [h, n] = m.get(key) ?? [0, 0];
  m.set(key, [h + (hit ? 1 : 0), n + 1]);
};

/**
 * Runs every labelled message through the pipeline. `textOf` gives the text a citizen would read for
 * an answer (without the source list): fact-graded items need it. `suggestedTexts` gives the texts a
 * fallback's «did you mean…?» buttons would show (for the one-tap figure).
 */
export function evaluateAnswers(
  answerQuestion: AnswerQuestion,
  questions: LabelledQuestion[],
  textOf?: (answer: Answer) => string,
  suggestedTexts?: (answer: Answer) => string[],
): EvalMetrics {
  const c = { top1: 0, recall3: 0, right: 0, fallbacks: 0, rightFallbacks: 0, offTopic: 0, answerable: 0 };
  const u = { urgent: 0, caught: 0, strict: 0, rightCategory: 0, notUrgent: 0, falseAlarms: 0, alarming: 0, alarmingFalse: 0, alarmingCautioned: 0 };
  const kinds = new Map<string, [number, number]>();
  const groups = new Map<string, { t1: number; n: number; caught: number; urgent: number; fp: number; notUrgent: number }>();
  const misses: EvalMetrics['misses'] = [];
  const factKinds = new Map<string, [number, number]>();
  const urgentKinds = new Map<string, [number, number]>();
  const alarmKinds = new Map<string, [number, number]>();
  const near: [number, number] = [0, 0];
  let oneTap = 0;
  const offTopicSuggested: [number, number] = [0, 0];
  for (const item of questions) {
    const answer = answerQuestion(item.q);
    const served = answer.kind === 'answered' || answer.kind === 'urgent' ? (answer.entry?.id ?? null) : null;
    const group = groups.get(kindGroup(item.kind)) ?? { t1: 0, n: 0, caught: 0, urgent: 0, fp: 0, notUrgent: 0 };
    groups.set(kindGroup(item.kind), group);
    const calledUrgent = answer.kind === 'urgent';
    // An emergency is caught when it gets 911 on top: urgent, or possibly urgent.
    const caught = calledUrgent || answer.caution !== undefined;

    if (item.urgent === true) {
      bump(urgentKinds, item.kind, caught);
      u.urgent++, group.urgent++;
      if (calledUrgent) u.strict++;
      if (caught) {
        u.caught++, group.caught++;
        const category = answer.kind === 'urgent' ? answer.category : answer.caution?.category;
        if (category === item.category) u.rightCategory++;
      } else misses.push({ q: item.q, expect: item.category ?? 'urgent', got: answer.kind, kind: item.kind, why: 'urgent missed' });
      continue;
    }
    u.notUrgent++, group.notUrgent++;
    bump(alarmKinds, item.kind, calledUrgent);
    if (item.urgent === false) {
      u.alarming++;
      if (answer.caution) u.alarmingCautioned++;
    }
    if (calledUrgent) {
      u.falseAlarms++, group.fp++;
      if (item.urgent === false) u.alarmingFalse++;
      misses.push({ q: item.q, expect: 'not urgent', got: `urgent:${answer.category}`, kind: item.kind, why: 'false alarm' });
    }
    const fellBack = answer.kind === 'fallback' || answer.kind === 'empty';
    if (item.fact !== undefined) {
      if (!textOf) throw new Error('fact-graded questions need the answer text: pass textOf');
      const fact = new RegExp(item.fact, 'i');
      const carried = !fellBack && fact.test(foldForGrading(textOf(answer)));
      bump(factKinds, item.kind, carried);
      if (carried || (suggestedTexts && answer.kind === 'fallback' && suggestedTexts(answer).some((text) => fact.test(foldForGrading(text))))) oneTap++;
      if (!carried) misses.push({ q: item.q, expect: item.fact, got: served, kind: item.kind, why: fellBack ? 'fell back' : 'fact missing' });
      continue;
    }
    if (item.expect === undefined) continue;

    if (fellBack) {
      c.fallbacks++;
      if (item.expect === null) c.rightFallbacks++;
    }
    if (item.expect === null) {
      c.offTopic++;
      if (item.near_miss) (near[0] += fellBack ? 1 : 0), near[1]++;
      if (answer.kind === 'fallback') (offTopicSuggested[0] += answer.suggestions.length ? 1 : 0), offTopicSuggested[1]++;
      if (!fellBack) misses.push({ q: item.q, expect: null, got: served, kind: item.kind, why: 'off-topic answered' });
      continue;
    }
    c.answerable++, group.n++;
    const ranked = [...(calledUrgent && served ? [served] : []), ...answer.hits.map((h) => h.id)];
    const hit = ranked[0] === item.expect;
    const [k1, kn] = kinds.get(item.kind) ?? [0, 0];
    kinds.set(item.kind, [k1 + (hit ? 1 : 0), kn + 1]);
    if (hit) c.top1++, group.t1++;
    if ([...new Set(ranked)].slice(0, 3).includes(item.expect)) c.recall3++;
    if (served === item.expect) c.right++;
    else misses.push({ q: item.q, expect: item.expect, got: served, kind: item.kind, why: hit ? 'fell back' : 'wrong entry' });
  }
  const graded = [...factKinds.values()].reduce((n, [, of]) => n + of, 0);
  return {
    answerable: c.answerable,
    unanswerable: c.offTopic,
    urgentCount: u.urgent,
    alarmingCount: u.alarming,
    top1: ratio(c.top1, c.answerable),
    recallAt3: ratio(c.recall3, c.answerable),
    answeredCorrectly: ratio(c.right, c.answerable),
    fallbackPrecision: ratio(c.rightFallbacks, c.fallbacks),
    fallbackRecall: ratio(c.rightFallbacks, c.offTopic),
    urgentRecall: ratio(u.caught, u.urgent),
    urgentStrictRecall: ratio(u.strict, u.urgent),
    alarmingCautionedRate: u.alarming ? u.alarmingCautioned / u.alarming : 0,
    urgentCategoryAccuracy: ratio(u.rightCategory, u.caught),
    urgentFalsePositiveRate: u.notUrgent ? u.falseAlarms / u.notUrgent : 0,
    alarmingFalsePositiveRate: u.alarming ? u.alarmingFalse / u.alarming : 0,
    top1ByKind: Object.fromEntries([...kinds].map(([kind, [hits, n]]) => [kind, hits / n])),
    byGroup: Object.fromEntries(
      [...groups].map(([name, g]) => [
        name,
        { top1: ratio(g.t1, g.n), answerable: g.n, urgentRecall: ratio(g.caught, g.urgent), urgent: g.urgent, falsePositiveRate: g.notUrgent ? g.fp / g.notUrgent : 0, notUrgent: g.notUrgent },
      ]),
    ),
    facts: {
      graded,
      carried: ratio([...factKinds.values()].reduce((n, [h]) => n + h, 0), graded),
      byKind: Object.fromEntries(factKinds),
      oneTap: ratio(oneTap, graded),
    },
    offTopicSuggested,
    urgentByKind: Object.fromEntries(urgentKinds),
    falseAlarmsByKind: Object.fromEntries(alarmKinds),
    nearMisses: near,
    misses,
  };
}
