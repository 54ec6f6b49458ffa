import type { TFunction } from 'i18next';
import { escapeHtml } from '../bot/escape-html.js';
import type { CaseDetails } from './case-store.js';
import { OUTCOMES, type Outcome } from './case-store.js';

// The case card in the review group: what a moderator needs to decide, on a phone, at a glance.
// Never a Telegram name, username or phone number: the citizen is a pseudonym.

export type CaseButton = { text: string; action: 'take' | 'resolve' | 'reopen' | 'gap' | 'note' | 'outcome'; outcome?: Outcome };

export interface CaseCard {
  html: string;
  buttons: CaseButton[][];
}

const QUESTION_CHARS = 300;
const ANSWER_CHARS = 160;

/** An answer as the citizen read it: the Telegram HTML the bot sent, reduced to its text. */
export const textOfAnswer = (html: string) =>
  html.replace(/<[^>]+>/g, '').replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&quot;/g, '"').replace(/&amp;/g, '&');
const plain = (html: string) => textOfAnswer(html).replace(/\s+/g, ' ').trim();
const shorten = (text: string, max: number) => (text.length > max ? `${text.slice(0, max - 1)}…` : text);

export function citizenName(t: TFunction, pseudonym: number): string {
  return t('desk.citizen', { number: pseudonym });
}

export function renderCaseCard(d: CaseDetails, t: TFunction, choosingOutcome = false): CaseCard {
  const c = d.case;
  const lines: string[] = [];
  if (c.urgent && c.status !== 'resolved') lines.push(`🚨 <b>${escapeHtml(t('desk.urgent'))}</b>`);
  lines.push(`<b>${escapeHtml(t('desk.caseTitle', { id: c.id }))}</b> · ${escapeHtml(citizenName(t, d.pseudonym))} · ${c.language}`);
  lines.push(`${escapeHtml(t('desk.reasons'))}: ${d.labels.map((l) => `#${l.replace(/-/g, '_')}`).join(' ')}`);
  const status =
    c.status === 'open' ? t('desk.status.open')
    : c.status === 'taken' ? t('desk.status.taken', { staff: c.assignee })
    : t('desk.status.resolved', { outcome: t(`desk.outcome.${c.outcome ?? 'no-action'}`) });
  lines.push(`${escapeHtml(t('desk.statusLabel'))}: ${escapeHtml(status)}`);
  if (c.forgotten) {
    lines.push('', `<i>${escapeHtml(t('desk.forgotten'))}</i>`);
  } else if (d.first) {
    lines.push('', `${escapeHtml(t('desk.question'))}: «${escapeHtml(shorten(d.first.question, QUESTION_CHARS))}»`);
    const why = d.first.kind === 'human' || d.first.kind === 'notice' ? '' : ` (${d.first.kind}${d.first.entryId ? `, ${d.first.entryId}` : ''}, ${d.first.confidence.toFixed(2)})`;
    lines.push(`${escapeHtml(t('desk.botAnswered'))}${escapeHtml(why)}: ${escapeHtml(shorten(plain(d.first.answerText), ANSWER_CHARS))}`);
    const later = d.recent.filter((e) => e.id !== d.first!.id);
    if (later.length) {
      lines.push('', escapeHtml(t('desk.recent')));
      for (const e of later) {
        const who = e.kind === 'human' ? t('desk.team') : e.kind === 'notice' ? t('desk.bot') : citizenName(t, d.pseudonym);
        const text = e.kind === 'human' || e.kind === 'notice' ? plain(e.answerText) : e.question;
        lines.push(`• ${escapeHtml(who)}: ${escapeHtml(shorten(text, ANSWER_CHARS))}${e.kind === 'human' || e.kind === 'notice' || e.kind === 'to-team' ? '' : ` → ${e.kind}`}`);
      }
    }
  }
  if (d.notes) lines.push('', escapeHtml(t('desk.notes', { count: d.notes })));

  const b = (action: CaseButton['action'], key: string): CaseButton => ({ text: t(key), action });
  let buttons: CaseButton[][];
  if (choosingOutcome && c.status !== 'resolved') buttons = OUTCOMES.map((outcome) => [{ text: t(`desk.outcome.${outcome}`), action: 'outcome', outcome }]);
  else if (c.status === 'resolved') buttons = [[b('reopen', 'desk.button.reopen')]];
  else
    buttons = [
      [...(c.status === 'open' ? [b('take', 'desk.button.take')] : []), b('resolve', 'desk.button.resolve')],
      [b('gap', 'desk.button.gap'), b('note', 'desk.button.note')],
    ];
  return { html: lines.join('\n'), buttons };
}
