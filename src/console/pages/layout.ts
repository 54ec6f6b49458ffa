import { html } from 'hono/html';
import type { HtmlEscapedString } from 'hono/utils/html';
import type { Translate } from '../../i18n/create-i18n.js';
import type { Session } from '../session.js';

type T = ReturnType<Translate>;
type Html = HtmlEscapedString | Promise<HtmlEscapedString>;

const dirOf = (language: string) => (language === 'en' ? 'ltr' : 'rtl');
// Each language named in itself, as a switch should.
const LANGUAGES = [['ar', 'العربية'], ['en', 'English'], ['ckb', 'کوردی']] as const;

/** The hidden field every form carries (CSRF). */
export const csrfField = (session: Session) => html`<input type="hidden" name="_csrf" value="${session.csrf}">`;

/** A page of the console: right-to-left for Arabic and Sorani, no script, one stylesheet. */
export function page(t: T, session: Session, title: string, body: Html, back = '/console/cases', refreshSeconds?: number): Html {
  return html`<!doctype html>
<html lang="${session.language}" dir="${dirOf(session.language)}">
<head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
${refreshSeconds ? html`<meta http-equiv="refresh" content="${refreshSeconds}">` : ''}<title>${title} — ${t('console.title')}</title><link rel="stylesheet" href="/console/static/console.css"></head>
<body>
<header><strong>${t('console.title')}</strong>
<nav><a href="/console/cases">${t('console.cases')}</a> · <a href="/console/search">${t('console.nav.search')}</a> · <a href="/console/gaps">${t('console.nav.gaps')}</a> · <a href="/console/knowledge">${t('console.nav.knowledge')}</a> · <a href="/console/broadcasts">${t('console.nav.broadcasts')}</a> · <a href="/console/figures">${t('console.nav.figures')}</a></nav>
<form method="post" action="/console/language">${csrfField(session)}<input type="hidden" name="back" value="${back}"><select name="language" aria-label="${t('console.language')}">${LANGUAGES.map(([code, name]) => html`<option value="${code}"${code === session.language ? html` selected` : ''}>${name}</option>`)}</select> <button>${t('console.languageGo')}</button></form>
<form method="post" action="/console/logout">${csrfField(session)}<button>${t('console.logout')}</button></form>
</header>
<main>${body}</main>
</body></html>`;
}

/** A page with one message and nothing else (refused links, ended sessions). */
export function messagePage(t: T, message: string): Html {
  return html`<!doctype html>
<html lang="ar" dir="rtl"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<title>${t('console.title')}</title><link rel="stylesheet" href="/console/static/console.css"></head>
<body><main><p class="message">${message}</p></main></body></html>`;
}
