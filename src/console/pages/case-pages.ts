import { randomBytes } from 'node:crypto';
import { html } from 'hono/html';
import type { Translate } from '../../i18n/create-i18n.js';
import { textOfAnswer as plain } from '../../moderation/case-card.js';
import { OUTCOMES, type CaseDetails, type CaseRow, type CaseStore } from '../../moderation/case-store.js';
import type { Session } from '../session.js';
import { csrfField, page } from './layout.js';

type T = ReturnType<Translate>;

const when = (ms: number) => new Date(ms).toISOString().slice(0, 16).replace('T', ' ');
const statusOf = (t: T, c: CaseRow) =>
  c.status === 'resolved' ? t('desk.status.resolved', { outcome: t(`desk.outcome.${c.outcome ?? 'answered'}`) })
  : c.status === 'taken' ? t('desk.status.taken', { staff: c.assignee ?? '' })
  : t('desk.status.open');
const badges = (labels: string[], urgent: boolean) =>
  html`${urgent ? html`<span class="badge urgent"><bdi>#urgent</bdi></span>` : ''}${labels.filter((l) => l !== 'urgent').map((l) => html`<span class="badge"><bdi>#${l}</bdi></span>`)}`;


export function queuePage(
  t: T,
  session: Session,
  cases: ReturnType<CaseStore['list']>,
  filter: { status: string; reason: string | undefined; language: string | undefined; assignee: string | undefined; age: string | undefined },
  reasons: string[],
) {
  const option = (value: string, label: string, current: string | undefined) => html`<option value="${value}"${value === (current ?? '') ? html` selected` : ''}>${label}</option>`;
  const body = html`<h1>${t('console.cases')}</h1>
<form class="filters" method="get" action="/console/cases">
<label>${t('console.filters.status')} <select name="status">${option('open', t('console.filters.open'), filter.status)}${option('resolved', t('console.filters.resolved'), filter.status)}${option('all', t('console.filters.all'), filter.status)}</select></label>
<label>${t('console.filters.reason')} <select name="reason">${option('', t('console.filters.any'), filter.reason)}${reasons.map((r) => option(r, `#${r}`, filter.reason))}</select></label>
<label>${t('console.filters.language')} <select name="language">${option('', t('console.filters.any'), filter.language)}${['ar', 'en', 'ckb'].map((l) => option(l, l, filter.language))}</select></label>
<label>${t('console.filters.assignee')} <select name="assignee">${option('', t('console.filters.any'), filter.assignee)}${option('me', t('console.filters.me'), filter.assignee)}${option('none', t('console.filters.nobody'), filter.assignee)}</select></label>
<label>${t('console.filters.age')} <select name="age">${option('', t('console.filters.any'), filter.age)}${['1', '24', '168'].map((h) => option(h, t('console.filters.olderThan', { count: Number(h) }), filter.age))}</select></label>
<button>${t('console.filters.apply')}</button>
</form>
${cases.length === 0 ? html`<p>${t('console.queueEmpty')}</p>` : html`<table>
<thead><tr><th>${t('console.columns.case')}</th><th>${t('console.columns.reasons')}</th><th>${t('console.columns.status')}</th><th>${t('console.columns.language')}</th><th>${t('console.columns.opened')}</th></tr></thead>
<tbody>${cases.map((c) => html`<tr class="${c.urgent ? 'urgent' : ''}"><td><a href="/console/cases/${c.id}">${t('desk.caseTitle', { id: c.id })}</a></td><td>${badges(c.labels, c.urgent)}</td><td>${statusOf(t, c)}</td><td>${c.language}</td><td>${when(c.openedAt)}</td></tr>`)}</tbody>
</table>`}`;
  return page(t, session, t('console.cases'), body, '/console/cases');
}

export function casePage(t: T, session: Session, d: CaseDetails, timeline: ReturnType<CaseStore['timeline']>, done: string | undefined) {
  const c = d.case;
  const turn = (e: CaseDetails['recent'][number]) => {
    if (e.kind === 'human') return html`<div class="turn team"><span class="who">${t('console.teamSaid')} (${e.staffId ?? ''})</span>${e.question}</div>`;
    if (e.kind === 'notice') return html`<div class="turn"><span class="who">${t('console.notice')}</span>${plain(e.answerText)}</div>`;
    return html`<div class="turn citizen"><span class="who">${t('console.citizenSaid')} · ${e.createdAt}</span>${e.question}</div>
<div class="turn"><span class="who">${t('console.botSaid')} · ${e.kind}${e.rating ? html` · <span class="badge">${e.rating > 0 ? '👍' : '👎'}</span>` : ''}</span>${plain(e.answerText)}${e.comment ? html`<div class="who">${t('console.feedbackComment')}</div>${e.comment}` : ''}</div>`;
  };
  const open = c.status !== 'resolved';
  const form = (action: string, inner: unknown) => html`<form method="post" action="/console/cases/${c.id}/${action}">${csrfField(session)}${inner}</form>`;
  const body = html`<h1>${t('desk.caseTitle', { id: c.id })} ${badges(d.labels, c.urgent)}</h1>
${done ? html`<p class="flash" role="status">${t(`console.done.${done}`)}</p>` : ''}
<p>${t('desk.citizen', { number: d.pseudonym })} · ${c.language} · ${statusOf(t, c)}</p>
${c.forgotten ? html`<p>${t('console.forgotten')}</p>` : ''}
${open && c.status === 'open' ? form('take', html`<button>${t('console.take')}</button>`) : ''}
<section><h2>${t('console.conversation')}</h2>${d.recent.map(turn)}</section>
${open ? html`<section>${form('reply', html`<label for="reply">${t('console.replyLabel')}</label><textarea id="reply" name="text" required maxlength="4000"></textarea><input type="hidden" name="nonce" value="${randomBytes(12).toString('base64url')}"><button>${t('console.reply')}</button>`)}</section>` : ''}
<section><h2>${t('console.notesTitle')}</h2>${timeline.notes.map((n) => html`<div class="turn"><span class="who">${n.author} · ${n.at}</span>${n.text}</div>`)}
${form('note', html`<label for="note">${t('console.noteLabel')}</label><textarea id="note" name="text" required maxlength="4000"></textarea><button>${t('console.note')}</button>`)}</section>
${open ? html`<section>${form('resolve', html`<label>${t('console.outcomeLabel')} <select name="outcome">${OUTCOMES.map((o) => html`<option value="${o}">${t(`desk.outcome.${o}`)}</option>`)}</select></label> <button>${t('console.resolve')}</button>`)}</section>` : ''}
<section><h2>${t('console.actionsTitle')}</h2><table><tbody>${timeline.actions.map((a) => html`<tr><td>${when(a.at)}</td><td>${a.actor ?? ''}</td><td>${a.action}</td><td>${a.detail ?? ''}</td></tr>`)}</tbody></table></section>`;
  return page(t, session, t('desk.caseTitle', { id: c.id }), body, `/console/cases/${c.id}`);
}
