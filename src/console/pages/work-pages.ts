import { html } from 'hono/html';
import type { FoundExchange, ExchangeFilter } from '../../conversations/search-exchanges.js';
import type { Translate } from '../../i18n/create-i18n.js';
import type { Gap } from '../../moderation/gap-store.js';
import type { Session } from '../session.js';
import { csrfField, page } from './layout.js';

type T = ReturnType<Translate>;
const KINDS = ['answered', 'fallback', 'urgent', 'possibly-urgent', 'smalltalk', 'empty'];

/** Search what citizens asked: words, dates, kind, entry, language. */
export function searchPage(t: T, session: Session, filter: ExchangeFilter, found: FoundExchange[] | undefined) {
  const opt = (v: string, label: string, current: string | undefined) => html`<option value="${v}"${v === (current ?? '') ? html` selected` : ''}>${label}</option>`;
  const body = html`<h1>${t('console.search.title')}</h1>
<form class="filters" method="get" action="/console/search">
<label>${t('console.search.words')} <input name="q" value="${filter.text ?? ''}"></label>
<label>${t('console.search.from')} <input type="date" name="from" value="${filter.from ?? ''}"></label>
<label>${t('console.search.to')} <input type="date" name="to" value="${filter.to ?? ''}"></label>
<label>${t('console.search.kind')} <select name="kind">${opt('', t('console.filters.any'), filter.kind)}${KINDS.map((k) => opt(k, k, filter.kind))}</select></label>
<label>${t('console.search.entry')} <input name="entry" value="${filter.entry ?? ''}"></label>
<label>${t('console.filters.language')} <select name="language">${opt('', t('console.filters.any'), filter.language)}${['ar', 'en', 'ckb', 'arabizi'].map((l) => opt(l, l, filter.language))}</select></label>
<button>${t('console.search.go')}</button></form>
${found === undefined ? '' : found.length === 0 ? html`<p>${t('console.search.none')}</p>` : html`<table><tbody>${found.map((x) => html`<tr><td>${x.createdAt}</td><td>${x.question}</td><td>${x.kind}</td><td>${x.entryId ?? ''}</td><td>${x.language}</td></tr>`)}</tbody></table>`}`;
  return page(t, session, t('console.search.title'), body, '/console/search');
}

/** Questions the bot could not answer, grouped, most asked first, with their trend. */
export function gapsPage(t: T, session: Session, gaps: Gap[], trend: Map<number, { thisWeek: number; lastWeek: number }>, done: string | undefined) {
  const body = html`<h1>${t('console.gaps.title')}</h1>
${done ? html`<p class="flash" role="status">${done}</p>` : ''}
${gaps.length === 0 ? html`<p>${t('console.gaps.none')}</p>` : html`<table>
<thead><tr><th>#</th><th>${t('console.gaps.count')}</th><th>${t('console.gaps.trend')}</th><th>${t('console.gaps.questions')}</th><th>${t('console.gaps.waiting')}</th><th></th></tr></thead>
<tbody>${gaps.map((g) => {
    const week = trend.get(g.id) ?? { thisWeek: 0, lastWeek: 0 };
    return html`<tr><td>${g.id}</td><td>${g.count}</td><td>${week.thisWeek} ← ${week.lastWeek}</td><td>${g.questions.slice(0, 3).map((q) => html`<div>${q}</div>`)}</td><td>${g.watchers}</td>
<td>${g.entryId ? html`✓ ${g.entryId}` : g.draftFile ? html`${t('console.gaps.drafted')}` : html`<form method="post" action="/console/gaps/${g.id}/draft">${csrfField(session)}<button>${t('console.gaps.draft')}</button></form>`}</td></tr>`;
  })}</tbody></table>`}`;
  return page(t, session, t('console.gaps.title'), body, '/console/gaps');
}

export interface KnowledgeRow {
  id: string;
  title: string;
  topic: string;
  status: string;
  sources: number;
  reviewed: string | undefined;
  due: string | undefined;
  served: number;
  up: number;
  down: number;
}

/** The entries, overdue for review first, with how often each was served and how it was rated. */
export function knowledgePage(t: T, session: Session, rows: KnowledgeRow[], today: string, days: number) {
  const body = html`<h1>${t('console.knowledge.title')}</h1>
<p>${t('console.knowledge.period', { count: days })}</p>
<table><thead><tr><th>${t('console.knowledge.entry')}</th><th>${t('console.knowledge.topic')}</th><th>${t('console.knowledge.status')}</th><th>${t('console.knowledge.sources')}</th><th>${t('console.knowledge.reviewed')}</th><th>${t('console.knowledge.due')}</th><th>${t('console.knowledge.served')}</th><th>👍 / 👎</th></tr></thead>
<tbody>${rows.map((r) => {
    const overdue = r.due !== undefined && r.due <= today;
    return html`<tr class="${overdue ? 'urgent' : ''}"><td>${r.title}<br><small>${r.id}</small></td><td>${r.topic}</td><td>${r.status}</td><td>${r.sources}</td><td>${r.reviewed ?? '–'}</td><td>${r.due ?? '–'}${overdue ? html` <span class="badge urgent">${t('console.knowledge.overdue')}</span>` : ''}</td><td>${r.served}</td><td>${r.up} / ${r.down}${r.up + r.down ? ` (${Math.round((100 * r.up) / (r.up + r.down))}%)` : ''}</td></tr>`;
  })}</tbody></table>`;
  return page(t, session, t('console.knowledge.title'), body, '/console/knowledge');
}
