import { html } from 'hono/html';
import { GOVERNORATES, type Broadcast, type BroadcastStatus } from '../../broadcasts/broadcast-store.js';
import { formatLocalTime } from '../../broadcasts/local-time.js';
import type { Translate } from '../../i18n/create-i18n.js';
import { TOPICS } from '../../knowledge/knowledge-entry.js';
import type { Session } from '../session.js';
import { csrfField, page } from './layout.js';

type T = ReturnType<Translate>;

export interface BroadcastRow {
  broadcast: Broadcast;
  status: BroadcastStatus;
  failures: { reason: string; n: number }[];
  reach: number;
}

/** Broadcasts: create one, approve another's, follow and cancel them; the store enforces the rules. */
export function broadcastsPage(t: T, session: Session, rows: BroadcastRow[], me: number, message: string | undefined) {
  const opt = (v: string, label: string) => html`<option value="${v}">${label}</option>`;
  const form = (id: number, action: string, label: string) => html`<form method="post" action="/console/broadcasts/${id}/${action}">${csrfField(session)}<button>${label}</button></form>`;
  const body = html`<h1>${t('console.broadcasts.title')}</h1>
${message ? html`<p class="flash" role="status">${message}</p>` : ''}
<section><h2>${t('console.broadcasts.new')}</h2>
<form method="post" action="/console/broadcasts">${csrfField(session)}
<label for="btext">${t('console.broadcasts.text')}</label><textarea id="btext" name="text" required maxlength="4096"></textarea>
<div class="filters">
<label>${t('console.filters.language')} <select name="language">${opt('', t('console.filters.any'))}${['ar', 'en', 'ckb'].map((l) => opt(l, l))}</select></label>
<label>${t('console.knowledge.topic')} <select name="topic">${opt('', t('console.filters.any'))}${TOPICS.map((x) => opt(x, x))}</select></label>
<label>${t('console.broadcasts.governorate')} <select name="governorate">${opt('', t('console.filters.any'))}${GOVERNORATES.map((g) => opt(g, g))}</select></label>
<label>${t('console.broadcasts.at')} <input name="at" placeholder="2026-12-05 18:00"></label>
<button>${t('console.broadcasts.create')}</button></div></form></section>
<section><table><thead><tr><th>#</th><th>${t('console.broadcasts.text')}</th><th>${t('console.broadcasts.state')}</th><th>${t('console.broadcasts.progress')}</th><th></th></tr></thead>
<tbody>${rows.map(({ broadcast: b, status: s, failures, reach }) => html`<tr>
<td>${b.id}</td><td>${(b.text ?? t('console.broadcasts.copied')).slice(0, 160)}<br><small>${JSON.stringify(b.audience)} · ${b.scheduledAt ? formatLocalTime(b.scheduledAt) : t('console.broadcasts.now')}</small></td>
<td>${b.state}</td>
<td>${s.total ? html`${s.sent} / ${s.total} · ✗ ${s.failed} · ⏸ ${s.stopped}${failures.length ? html`<br><small>${failures.map((f) => `${f.reason}: ${f.n}`).join(' · ')}</small>` : ''}` : html`${t('console.broadcasts.reach', { count: reach })}`}</td>
<td>${['draft', 'awaiting-approval'].includes(b.state) && b.author !== me ? form(b.id, 'approve', t('console.broadcasts.approve')) : ''}
${!['done', 'cancelled', 'rejected'].includes(b.state) ? form(b.id, 'cancel', t('console.broadcasts.cancel')) : ''}</td></tr>`)}</tbody></table></section>`;
  // While one is being sent, the page reloads itself to follow it (no script needed).
  const sending = rows.some((r) => r.broadcast.state === 'sending' || r.broadcast.state === 'approved');
  return page(t, session, t('console.broadcasts.title'), body, '/console/broadcasts', sending ? 10 : undefined);
}
