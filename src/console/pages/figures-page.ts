import { html } from 'hono/html';
import { KINDS, type CampaignFigures } from '../../conversations/campaign-figures.js';
import type { Translate } from '../../i18n/create-i18n.js';
import type { Session } from '../session.js';
import { page } from './layout.js';
import { barChart } from './svg-chart.js';

type T = ReturnType<Translate>;
const pct = (x: number) => `${(x * 100).toFixed(1)}%`;
const seconds = (s: number | null) => (s === null ? '–' : s < 120 ? `${Math.round(s)} s` : s < 7200 ? `${Math.round(s / 60)} min` : `${(s / 3600).toFixed(1)} h`);

/** The figures as CSV tables (the page's "CSV" links), UTF-8 with a header row. */
export function figuresCsv(f: CampaignFigures, table: string): string | undefined {
  const lines =
    table === 'days' ? [['day', ...KINDS, 'total', 'fallback_rate'], ...f.perDay.map((d) => [d.day, ...KINDS.map((k) => d.counts[k]), d.total, d.fallbackRate.toFixed(4)])]
    : table === 'topics' ? [['topic', 'answered'], ...f.topics.map((x) => [x.topic, x.count])]
    : table === 'broadcasts' ? [['broadcast', 'created', 'state', 'recipients', 'sent'], ...f.broadcasts.map((b) => [b.id, new Date(b.createdAt).toISOString(), b.state, b.total, b.sent])]
    : undefined;
  return lines?.map((row) => row.map((v) => `"${String(v).replace(/"/g, '""')}"`).join(',')).join('\r\n');
}

export function figuresPage(t: T, session: Session, f: CampaignFigures) {
  const days = f.perDay.map((d) => d.day.slice(5));
  const csv = (table: string) => html`<a href="/console/figures.csv?table=${table}&amp;days=${f.days}">CSV</a>`;
  const body = html`<h1>${t('console.figures.title')}</h1>
<form class="filters" method="get" action="/console/figures"><label>${t('console.figures.period')} <select name="days">${[7, 30, 90].map((d) => html`<option value="${d}"${d === f.days ? html` selected` : ''}>${t('console.figures.days', { count: d })}</option>`)}</select></label><button>${t('console.filters.apply')}</button></form>
<section><h2>${t('console.figures.perDay')}</h2>
${barChart(t('console.figures.perDay'), days, KINDS.map((k) => ({ name: t(`console.figures.kind.${k}`), values: f.perDay.map((d) => d.counts[k]) })))}
<table><thead><tr><th>${t('console.figures.day')}</th>${KINDS.map((k) => html`<th>${t(`console.figures.kind.${k}`)}</th>`)}<th>${t('console.figures.fallbackRate')}</th></tr></thead>
<tbody>${f.perDay.map((d) => html`<tr><td>${d.day}</td>${KINDS.map((k) => html`<td>${d.counts[k]}</td>`)}<td>${pct(d.fallbackRate)}</td></tr>`)}</tbody></table>${csv('days')}</section>
<section><h2>${t('console.figures.topics')}</h2>
${barChart(t('console.figures.topics'), f.topics.map((x) => x.topic), [{ name: t('console.figures.kind.answered'), values: f.topics.map((x) => x.count) }])}
<table><tbody>${f.topics.map((x) => html`<tr><td>${x.topic}</td><td>${x.count}</td></tr>`)}</tbody></table>${csv('topics')}</section>
<section><h2>${t('console.figures.people')}</h2><table><tbody>
<tr><th>${t('console.figures.feedback')}</th><td><bdi>👍 ${f.feedback.up} · 👎 ${f.feedback.down}${f.feedback.up + f.feedback.down ? ` (${pct(f.feedback.up / (f.feedback.up + f.feedback.down))})` : ''}</bdi></td></tr>
<tr><th>${t('console.figures.urgent')}</th><td>${f.urgent.cases} · ${t('console.figures.median')} <bdi>${seconds(f.urgent.take.median)}</bdi> · p90 <bdi>${seconds(f.urgent.take.p90)}</bdi></td></tr>
<tr><th>${t('console.figures.firstReply')}</th><td>${t('console.figures.median')} <bdi>${seconds(f.firstReply.median)}</bdi> · p90 <bdi>${seconds(f.firstReply.p90)}</bdi></td></tr>
<tr><th>${t('console.figures.subscribers')}</th><td>${f.subscribers}</td></tr>
</tbody></table></section>
<section><h2>${t('console.figures.broadcasts')}</h2><table><tbody>${f.broadcasts.map((b) => html`<tr><td>#${b.id}</td><td>${new Date(b.createdAt).toISOString().slice(0, 10)}</td><td>${b.state}</td><td>${b.sent} / ${b.total}</td></tr>`)}</tbody></table>${csv('broadcasts')}</section>`;
  return page(t, session, t('console.figures.title'), body, '/console/figures');
}
