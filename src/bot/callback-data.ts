import { TOPICS, type Topic } from '../knowledge/knowledge-entry.js';
import { LANGUAGES, type UiLanguage } from '../i18n/create-i18n.js';
import { OUTCOMES, type Outcome } from '../moderation/case-store.js';
import { GOVERNORATES, type Governorate } from '../broadcasts/broadcast-store.js';

// callback_data is at most 64 bytes (core.telegram.org/bots/api#inlinekeyboardbutton), and a
// client can send anything in it: every button's data is built and parsed here, and anything that
// does not parse is answered as an expired button.
export const CALLBACK_DATA_MAX_BYTES = 64;

export type Callback =
  | { kind: 'feedback'; exchangeId: number; rating: 1 | -1 }
  | { kind: 'human'; exchangeId: number }
  | { kind: 'notify'; exchangeId: number }
  | { kind: 'broadcast'; broadcastId: number; action: BroadcastAction }
  | { kind: 'governorate'; governorate: Governorate | 'skip' }
  | { kind: 'subtopic'; topic: Topic }
  | { kind: 'sources'; exchangeId: number }
  | { kind: 'original'; exchangeId: number }
  | { kind: 'topic'; topic: Topic }
  | { kind: 'ask'; entryId: string }
  | { kind: 'pick'; exchangeId: number; rank: number }
  | { kind: 'language'; language: UiLanguage }
  | { kind: 'forget'; confirmed: boolean }
  | { kind: 'case'; caseId: number; action: CaseAction; outcome?: Outcome };

export const BROADCAST_ACTIONS = ['all', 'ar', 'en', 'ckb', 'request', 'approve', 'reject', 'cancel'] as const;
export type BroadcastAction = (typeof BROADCAST_ACTIONS)[number];

export const CASE_ACTIONS = ['take', 'resolve', 'reopen', 'gap', 'note', 'outcome'] as const;
export type CaseAction = (typeof CASE_ACTIONS)[number];

export function encodeCallback(c: Callback): string {
  const data = (() => {
    switch (c.kind) {
      case 'feedback': return `fb:${c.rating === 1 ? 'up' : 'down'}:${c.exchangeId}`;
      case 'human': return `human:${c.exchangeId}`;
      case 'notify': return `notify:${c.exchangeId}`;
      case 'broadcast': return `bc:${c.broadcastId}:${c.action}`;
      case 'governorate': return `gov:${c.governorate}`;
      case 'subtopic': return `subt:${c.topic}`;
      case 'sources': return `src:${c.exchangeId}`;
      case 'original': return `orig:${c.exchangeId}`;
      case 'topic': return `topic:${c.topic}`;
      case 'ask': return `ask:${c.entryId}`;
      case 'pick': return `pick:${c.exchangeId}:${c.rank}`;
      case 'language': return `lang:${c.language}`;
      case 'forget': return `forget:${c.confirmed ? 'yes' : 'no'}`;
      case 'case': return c.action === 'outcome' ? `case:${c.caseId}:${c.outcome}` : `case:${c.caseId}:${c.action}`;
    }
  })();
  if (Buffer.byteLength(data) > CALLBACK_DATA_MAX_BYTES) throw new Error(`callback_data over 64 bytes: ${data}`);
  return data;
}

const ID = /^[1-9]\d{0,15}$/;

export function decodeCallback(data: string | undefined): Callback | undefined {
  if (!data || Buffer.byteLength(data) > CALLBACK_DATA_MAX_BYTES) return undefined;
  const [kind, a, b, ...extra] = data.split(':');
  if (extra.length) return undefined;
  if (kind === 'fb' && (a === 'up' || a === 'down') && b && ID.test(b)) return { kind: 'feedback', exchangeId: Number(b), rating: a === 'up' ? 1 : -1 };
  if (kind === 'pick' && a && ID.test(a) && (b === '1' || b === '2')) return { kind: 'pick', exchangeId: Number(a), rank: Number(b) };
  if (kind === 'bc' && a && ID.test(a) && BROADCAST_ACTIONS.includes(b as BroadcastAction)) return { kind: 'broadcast', broadcastId: Number(a), action: b as BroadcastAction };
  if (kind === 'case' && a && ID.test(a) && b) {
    if (OUTCOMES.includes(b as Outcome)) return { kind: 'case', caseId: Number(a), action: 'outcome', outcome: b as Outcome };
    if (CASE_ACTIONS.includes(b as CaseAction) && b !== 'outcome') return { kind: 'case', caseId: Number(a), action: b as CaseAction };
    return undefined;
  }
  if (b !== undefined) return undefined;
  if (kind === 'human' && a && ID.test(a)) return { kind: 'human', exchangeId: Number(a) };
  if (kind === 'notify' && a && ID.test(a)) return { kind: 'notify', exchangeId: Number(a) };
  if (kind === 'gov' && (a === 'skip' || GOVERNORATES.includes(a as Governorate))) return { kind: 'governorate', governorate: a as Governorate | 'skip' };
  if (kind === 'subt' && TOPICS.includes(a as Topic)) return { kind: 'subtopic', topic: a as Topic };
  if (kind === 'src' && a && ID.test(a)) return { kind: 'sources', exchangeId: Number(a) };
  if (kind === 'orig' && a && ID.test(a)) return { kind: 'original', exchangeId: Number(a) };
  if (kind === 'topic' && TOPICS.includes(a as Topic)) return { kind: 'topic', topic: a as Topic };
  if (kind === 'ask' && a && /^[a-z0-9]+(-[a-z0-9]+)*$/.test(a)) return { kind: 'ask', entryId: a };
  if (kind === 'lang' && LANGUAGES.includes(a as UiLanguage)) return { kind: 'language', language: a as UiLanguage };
  if (kind === 'forget' && (a === 'yes' || a === 'no')) return { kind: 'forget', confirmed: a === 'yes' };
  return undefined;
}
