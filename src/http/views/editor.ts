/**
 * @module views/editor
 * The editor's pages: sign-in, the list of events, the event form (three languages side by side, times in the
 * event's zone, a preview on both sides), the accounts. They work without JavaScript; editor.js only hides the
 * time inputs that do not match the precision chosen. Styles and script are files of this host (the
 * Content-Security-Policy allows nothing inline and nothing from elsewhere).
 */
import { html } from 'hono/html';
import type { HtmlEscapedString } from 'hono/utils/html';
import { pickText } from '../../core/events/localize.js';
import { words } from '../../core/i18n/catalogue.js';
import {
  type Account,
  AUDIENCES,
  type City,
  EVENT_KINDS,
  type EventRecord,
  LANGS,
  type Lang,
  PRECISIONS,
  ROLES,
  type SourceCatalogue,
} from '../../core/model.js';
import { describeEventTime } from '../../core/time/event-time-text.js';
import type { StoredAccount } from '../../storage/accounts-repository.js';
import { type FormValues, fieldText } from '../editor-form.js';
import { languageNav } from './layout.js';
import { legalLinks } from './legal.js';

type Body = HtmlEscapedString | Promise<HtmlEscapedString>;

/** A page of the editor around `body`. */
export function editorPage(lang: Lang, title: string, body: Body, account?: Account, formToken?: string) {
  const w = words(lang).editor;
  return html`<!doctype html>
<html lang="${lang}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="robots" content="noindex">
<link rel="icon" href="data:,">
<title>${title} · ${w.title}</title>
<link rel="stylesheet" href="/editor/assets/editor.css">
<script src="/editor/assets/editor.js" defer></script>
</head>
<body>
<header>
<p><a href="/editor?lang=${lang}">${words(lang).pages.siteTitle} · ${w.title}</a></p>
${languageNav(lang, w.language, (l) => `?lang=${l}`)}
${
  account && formToken
    ? html`<form method="post" action="/editor/sign-out" class="who"><span>${w.signedInAs(account.label, w.roles[account.role])}</span>
<input type="hidden" name="form_token" value="${formToken}"><button type="submit">${w.signOut}</button></form>`
    : ''
}
</header>
<main id="content">
<h1>${title}</h1>
${body}
</main>
<footer><p>${legalLinks(lang)}</p></footer>
</body>
</html>`;
}

/** The sign-in form, with the reason the last attempt failed. */
export function signInBody(lang: Lang, failed: string | null) {
  const w = words(lang).editor;
  return html`<p>${w.signInIntro}</p>
${failed ? html`<p class="error" role="alert">${failed}</p>` : ''}
<form method="post" action="/editor/sign-in?lang=${lang}" class="card">
<label for="token">${w.token}</label>
<input id="token" name="token" type="password" autocomplete="current-password" required>
<button type="submit">${w.signIn}</button>
</form>`;
}

/** The events an account can open, newest first; how many proposals are open; a purge just done. */
export function eventsBody(
  lang: Lang,
  account: Account,
  events: readonly EventRecord[],
  canEdit: (event: EventRecord) => boolean,
  state: { openProposals: number; purged: boolean },
) {
  const w = words(lang).editor;
  return html`${state.purged ? html`<p class="notice" role="status">${w.purged}</p>` : ''}
<p class="actions"><a class="button" href="/editor/events/new?lang=${lang}">${w.newEvent}</a>
<a href="/api/v1/events.csv?lang=${lang}" download>${w.download}</a>
<a href="/editor/import?lang=${lang}">${w.importHeading}</a>
<a href="/editor/proposals?lang=${lang}">${w.proposals}${state.openProposals > 0 ? ` (${w.openProposals(state.openProposals)})` : ''}</a>
${account.role === 'secretariat' ? html` <a href="/editor/accounts?lang=${lang}">${w.accounts}</a> <a href="/editor/cities?lang=${lang}">${w.cities}</a>` : ''}</p>
${
  events.length === 0
    ? html`<p>${w.noEvents}</p>`
    : html`<ul class="events">${events.map((event) => {
        const title = pickText(event.title, lang);
        return html`<li><a href="/editor/events/${event.id}?lang=${lang}" lang="${title?.lang ?? lang}">${title?.text ?? event.id}</a>
${event.status === 'cancelled' ? html`<span class="badge">${words(lang).event.cancelled}</span>` : ''}
${canEdit(event) ? '' : html`<span class="badge muted">${w.view}</span>`}
<br><span class="when">${describeEventTime(event, lang)}</span></li>`;
      })}</ul>`
}`;
}

/** What the event form shows besides its values. */
export interface FormState {
  readonly lang: Lang;
  readonly values: FormValues;
  /** Failures by form field (editor-form.ts formFieldOf). */
  readonly errors: ReadonlyMap<string, string>;
  /** The times as subscribers will see them, once the form is valid. */
  readonly preview: string | null;
  /**
   * The holidays the event falls on (core/holidays), asked about before a save: `signature` names them, and a
   * save goes through once the form confirms that signature; `blocked` when a save was held back for them.
   */
  readonly holidays?: { readonly notes: readonly string[]; readonly signature: string; readonly blocked: boolean } | null;
  /** A start or end that occurs twice: the two readings, earlier first. */
  readonly folds: { readonly start?: readonly [string, string]; readonly end?: readonly [string, string] };
  readonly conflict: { readonly actor: string; readonly at: string; readonly fields: readonly string[] } | null;
  readonly saved: boolean;
  readonly event: EventRecord | null;
  readonly cities: readonly City[];
  readonly sources: SourceCatalogue;
  readonly formToken: string;
  /** The account's changes to this event become a proposal (writing/accounts.ts mayEdit). */
  readonly proposing: boolean;
  /** The account may purge the event (the secretariat). */
  readonly mayPurge: boolean;
}

const errorOf = (state: FormState, field: string) => {
  const message = state.errors.get(field);
  return message ? html`<p class="error" id="${field}-error" role="alert">${words(state.lang).editor.checkField}: ${message}</p>` : '';
};
const described = (state: FormState, field: string) => (state.errors.has(field) ? `${field}-error` : undefined);

function textInput(state: FormState, name: string, label: string, attrs: { type?: string; hint?: string; list?: string } = {}) {
  const hint = attrs.hint ? html`<small id="${name}-hint">${attrs.hint}</small>` : '';
  return html`<div class="field${state.errors.has(name) ? ' invalid' : ''}"><label for="${name}">${label}</label>${hint}
<input id="${name}" name="${name}" type="${attrs.type ?? 'text'}" value="${fieldText(state.values, name)}"${attrs.list ? html` list="${attrs.list}"` : ''}${
    described(state, name) ? html` aria-invalid="true" aria-describedby="${described(state, name)}"` : ''
  }>${errorOf(state, name)}</div>`;
}

function select(state: FormState, name: string, label: string, options: ReadonlyArray<readonly [string, string]>) {
  const chosen = fieldText(state.values, name);
  return html`<div class="field${state.errors.has(name) ? ' invalid' : ''}"><label for="${name}">${label}</label>
<select id="${name}" name="${name}">${options.map(([value, text]) => html`<option value="${value}"${value === chosen ? ' selected' : ''}>${text}</option>`)}</select>${errorOf(
    state,
    name,
  )}</div>`;
}

/** The three languages of a text side by side, each missing one marked. */
function localized(state: FormState, field: 'title' | 'description', label: string, multiline: boolean) {
  const w = words(state.lang).editor;
  return html`<fieldset class="langs${state.errors.has(field) ? ' invalid' : ''}"><legend>${label}</legend>
${LANGS.map((lang) => {
  const name = `${field}_${lang}`;
  const value = fieldText(state.values, name);
  const head = html`<label for="${name}" lang="${lang}">${words(lang).site.languageName}${value === '' ? html` <span class="missing">(${w.missing})</span>` : ''}</label>`;
  return html`<div class="lang">${head}${
    multiline
      ? html`<textarea id="${name}" name="${name}" rows="5" lang="${lang}">${value}</textarea>`
      : html`<input id="${name}" name="${name}" type="text" lang="${lang}" value="${value}">`
  }</div>`;
})}${errorOf(state, field)}</fieldset>`;
}

/** Start or end: a date and a time, a month or a year, after the precision; the question of a time that occurs twice. */
function when(state: FormState, side: 'start' | 'end') {
  const w = words(state.lang).editor;
  const v = (name: string) => fieldText(state.values, `${side}_${name}`);
  const folds = state.folds[side];
  const foldName = side === 'start' ? 'fold' : 'endFold';
  return html`<fieldset class="when-fields${state.errors.has(side) ? ' invalid' : ''}"><legend>${side === 'start' ? w.fields.start : w.fields.end}</legend>
<div class="row">
<div class="field" data-precision="minute day"><label for="${side}_date">${w.fields.date}</label><input id="${side}_date" name="${side}_date" type="date" value="${v('date')}" min="1900-01-01" max="2100-12-31"></div>
<div class="field" data-precision="minute"><label for="${side}_time">${w.fields.time}</label><input id="${side}_time" name="${side}_time" type="time" value="${v('time')}"></div>
<div class="field" data-precision="month"><label for="${side}_month">${w.fields.month}</label><input id="${side}_month" name="${side}_month" type="month" value="${v('month')}" placeholder="2027-10"></div>
<div class="field" data-precision="year"><label for="${side}_year">${w.fields.year}</label><input id="${side}_year" name="${side}_year" type="number" min="1900" max="2100" value="${v('year')}"></div>
</div>
${
  folds
    ? html`<div class="fold" role="group" aria-labelledby="${side}-fold-q"><p id="${side}-fold-q">${w.fold(fieldText(state.values, 'timeZone') || '—')}</p>
${folds.map(
  (text, i) =>
    html`<label><input type="radio" name="${foldName}" value="${String(i)}"${fieldText(state.values, foldName) === String(i) ? ' checked' : ''}> ${text}</label>`,
)}</div>`
    : html`<input type="hidden" name="${foldName}" value="${fieldText(state.values, foldName)}">`
}
${errorOf(state, side)}</fieldset>`;
}

/** The event form, with the preview, a conflict with another person's save, or the confirmation of a save. */
export function eventFormBody(state: FormState) {
  const { lang } = state;
  const w = words(lang).editor;
  const f = w.fields;
  const action = state.event ? `/editor/events/${state.event.id}?lang=${lang}` : `/editor/events/new?lang=${lang}`;
  const chosenSources = new Set(state.values.sources ?? []);
  return html`${state.saved ? html`<p class="notice" role="status">${w.saved} <a href="/events/${state.event?.id}?lang=${lang}">${w.view}</a></p>` : ''}
${state.proposing ? html`<p class="notice">${w.notYours}</p>` : ''}
${state.event ? html`<p><a href="/editor/events/${state.event.id}/history?lang=${lang}">${w.history}</a></p>` : ''}
${
  state.conflict
    ? html`<section class="conflict" role="alert"><h2>${w.conflictHeading}</h2><p>${w.conflictIntro(state.conflict.actor, state.conflict.at)}</p>
<p>${w.conflictFields} ${state.conflict.fields.join(', ')}</p><p>${w.reapply}</p></section>`
    : ''
}
${
  state.preview
    ? html`<section class="preview" aria-labelledby="preview-h"><h2 id="preview-h">${w.previewHeading}</h2><p>${w.previewIntro}</p><p class="times">${state.preview}</p></section>`
    : ''
}
${state.errors.size > 0 ? html`<p class="error" role="alert">${w.checkField}: ${[...state.errors.keys()].map((k) => fieldLabel(lang, k)).join(', ')}</p>` : ''}
<form method="post" action="${action}" class="event-form" novalidate>
<input type="hidden" name="form_token" value="${state.formToken}">
<input type="hidden" name="revision" value="${fieldText(state.values, 'revision')}">
${select(
  state,
  'kind',
  f.kind,
  EVENT_KINDS.map((k) => [k, words(lang).kinds[k]]),
)}
${localized(state, 'title', f.title, false)}
${textInput(state, 'cities', f.cities, { hint: f.namesHint, list: 'city-names' })}
${textInput(state, 'participants', f.participants, { hint: f.namesHint })}
<datalist id="city-names">${state.cities.map((c) => html`<option value="${c.name[lang]}">`)}</datalist>
${select(
  state,
  'precision',
  f.precision,
  PRECISIONS.map((p) => [p, f.precisions[p]]),
)}
${when(state, 'start')}
${when(state, 'end')}
${textInput(state, 'timeZone', f.timeZone, { hint: f.timeZoneHint, list: 'zones' })}
<datalist id="zones"><option value="Europe/Berlin"><option value="Asia/Shanghai"><option value="CET"><option value="CST"></datalist>
${select(state, 'status', f.status, [
  ['confirmed', f.confirmed],
  ['tentative', f.tentative],
])}
${select(state, 'audience', f.audience, [['', f.notAllianceWide], ...AUDIENCES.map((a) => [a, words(lang).selection.audiences[a]] as const)])}
<div class="field check"><label><input type="checkbox" name="related"${fieldText(state.values, 'related') === 'on' ? ' checked' : ''}> ${f.related}</label></div>
${textInput(state, 'location', f.location)}
${localized(state, 'description', f.description, true)}
${textInput(state, 'url', f.url, { type: 'url' })}
<fieldset class="${state.errors.has('sources') ? 'invalid' : ''}"><legend>${f.sources}</legend>
<select name="sources" multiple size="6" aria-label="${f.sources}">${[...state.sources.values()].map(
    (s) => html`<option value="${s.id}"${chosenSources.has(s.id) ? ' selected' : ''}>${s.title}${s.date ? ` (${s.date})` : ''}</option>`,
  )}</select>
<p>${f.newSource}</p>
${textInput(state, 'source_url', f.newSourceUrl, { type: 'url' })}
${textInput(state, 'source_title', f.newSourceTitle)}
${errorOf(state, 'sources')}</fieldset>
${
  state.holidays
    ? html`<section class="holiday-warning" aria-labelledby="holidays-h"${state.holidays.blocked ? html` role="alert"` : ''}><h2 id="holidays-h">${words(lang).holidays.editorWarning}</h2>
<ul>${state.holidays.notes.map((note) => html`<li>${note}</li>`)}</ul>
<p><label><input type="checkbox" name="holidays_ok" value="${state.holidays.signature}"> ${words(lang).holidays.editorConfirm}</label></p></section>`
    : ''
}
<p class="actions"><button type="submit" name="action" value="preview">${w.preview}</button>
<button type="submit" name="action" value="save" class="primary">${state.proposing ? w.propose : w.save}</button>
${state.event?.status === 'cancelled' ? html`<button type="submit" name="action" value="reinstate">${w.reinstate}</button>` : ''}</p>
${
  state.event && state.event.status !== 'cancelled'
    ? html`<fieldset class="cancel"><legend>${w.cancel}</legend>${textInput(state, 'cancel_reason', w.cancelReason)}
<p class="actions"><button type="submit" name="action" value="cancel" class="danger">${w.cancel}</button></p></fieldset>`
    : ''
}
</form>
${
  state.event && state.mayPurge
    ? html`<form method="post" action="/editor/events/${state.event.id}/purge?lang=${lang}" class="card purge">
<input type="hidden" name="form_token" value="${state.formToken}"><h2>${w.purge}</h2><p>${w.purgeIntro}</p>
<div class="field check${state.errors.has('purge') ? ' invalid' : ''}"><label><input type="checkbox" name="confirm"> ${w.purgeConfirm}</label></div>
<button type="submit" class="danger">${w.purge}</button></form>`
    : ''
}`;
}

/** One revision of an event in its history: who saved it and when, what it changed, its time on both sides. */
export interface HistoryEntry {
  readonly revision: number;
  readonly action: 'created' | 'changed' | 'cancelled' | 'reinstated';
  readonly actor: string;
  readonly at: string;
  readonly fields: readonly string[];
  readonly time: string;
  readonly timeBefore: string | null;
  readonly current: boolean;
}

/** An event's history, newest first, each earlier revision with a button that restores it as a new one. */
export function historyBody(lang: Lang, event: EventRecord, entries: readonly HistoryEntry[], formToken: string, restored: number | null) {
  const w = words(lang).editor;
  const c = words(lang).changes;
  return html`${restored === null ? '' : html`<p class="notice" role="status">${w.restored(restored)}</p>`}
<p><a href="/editor/events/${event.id}?lang=${lang}">${w.editEvent}</a></p>
<ol class="events" reversed>${entries.map(
    (e) => html`<li><strong>${w.revision(e.revision)}</strong> · ${c[e.action]} · ${w.savedBy(e.actor, e.at)}
${e.fields.length > 0 ? html`<br>${w.changedFields} ${e.fields.join(', ')}` : ''}
${e.timeBefore && e.timeBefore !== e.time ? html`<br><span class="when">${c.before}: ${e.timeBefore}</span>` : ''}
<br><span class="when">${e.timeBefore && e.timeBefore !== e.time ? `${c.now}: ` : ''}${e.time}</span>
${
  !e.current
    ? html`<form method="post" action="/editor/events/${event.id}/history?lang=${lang}"><input type="hidden" name="form_token" value="${formToken}">
<input type="hidden" name="revision" value="${String(e.revision)}"><button type="submit">${w.restore}</button></form>`
    : ''
}</li>`,
  )}</ol>`;
}

/** The label of a form field, for the list of fields to check. */
export function fieldLabel(lang: Lang, field: string): string {
  const f = words(lang).editor.fields as unknown as Record<string, string>;
  const w = words(lang).editor;
  if (field === 'source_url' || field === 'source_title') return w.fields.sources;
  if (field === 'cancel_reason') return w.cancelReason;
  if (field === 'purge') return w.purge;
  return typeof f[field] === 'string' ? (f[field] ?? field) : field;
}

/** The accounts, and the form to create one; a new account's token once. */
export function accountsBody(
  lang: Lang,
  list: readonly StoredAccount[],
  cities: readonly City[],
  formToken: string,
  created: { label: string; token: string } | null,
  error: string | null,
) {
  const w = words(lang).editor;
  return html`${
    created
      ? html`<section class="notice" role="status"><p>${w.tokenOnce(created.label)}</p><p><code class="token">${created.token}</code></p></section>`
      : ''
  }
${error ? html`<p class="error" role="alert">${w.checkField}: ${error}</p>` : ''}
<table><thead><tr><th scope="col">${w.label}</th><th scope="col">${w.role}</th><th scope="col">${w.accountCities}</th><th scope="col">${w.revoke}</th></tr></thead>
<tbody>${list.map(
    (
      a,
    ) => html`<tr><td>${a.label}</td><td>${w.roles[a.role]}</td><td>${a.cities.map((slug) => cities.find((c) => c.slug === slug)?.name[lang] ?? slug).join(', ')}</td>
<td>${
      a.revokedAt
        ? w.revoked
        : html`<form method="post" action="/editor/accounts/${a.id}/revoke?lang=${lang}"><input type="hidden" name="form_token" value="${formToken}"><button type="submit">${w.revoke}</button></form>`
    }</td></tr>`,
  )}</tbody></table>
<h2>${w.createAccount}</h2>
<form method="post" action="/editor/accounts?lang=${lang}" class="card">
<input type="hidden" name="form_token" value="${formToken}">
<div class="field"><label for="label">${w.label}</label><input id="label" name="label" type="text" required maxlength="100"></div>
<div class="field"><label for="role">${w.role}</label><select id="role" name="role">${ROLES.map((r) => html`<option value="${r}">${w.roles[r]}</option>`)}</select></div>
<div class="field"><label for="account_lang">${w.language}</label><select id="account_lang" name="lang">${LANGS.map((l) => html`<option value="${l}"${l === lang ? ' selected' : ''}>${words(l).site.languageName}</option>`)}</select></div>
<div class="field"><label for="account_cities">${w.accountCities}</label><select id="account_cities" name="account_cities" multiple size="8">${cities.map(
    (c) => html`<option value="${c.slug}">${c.name[lang]}</option>`,
  )}</select></div>
<button type="submit">${w.createAccount}</button>
</form>`;
}

/** The editor's styles, served as a file (no inline styles under its Content-Security-Policy). */
export const EDITOR_CSS = `
:root{color-scheme:light;--fg:#1a1a1a;--muted:#4a4a4a;--line:#c8c8c8;--accent:#0b5394;--bad:#a11;--soft:#f3f6fa}
*{box-sizing:border-box}[hidden]{display:none!important}body{margin:0;font:16px/1.5 system-ui,-apple-system,"Segoe UI",Roboto,"Noto Sans","PingFang SC","Microsoft YaHei",sans-serif;color:var(--fg);background:#fff}
header,main{max-width:64rem;margin:0 auto;padding:.75rem 1rem}header{border-bottom:1px solid var(--line);display:flex;flex-wrap:wrap;gap:.5rem 1.5rem;align-items:center}
header p{margin:0}nav ul{list-style:none;display:flex;gap:1rem;padding:0;margin:0}
a{color:var(--accent)}a:focus,button:focus,input:focus,select:focus,textarea:focus{outline:3px solid #f0a500;outline-offset:2px}
h1{font-size:1.5rem}h2{font-size:1.2rem}
.who{display:flex;gap:.5rem;align-items:center;flex-wrap:wrap;margin-left:auto}
.field{margin:.6rem 0;display:flex;flex-direction:column;gap:.2rem;min-width:0}.field small{color:var(--muted)}
.field.check{flex-direction:row}
input,select,textarea{font:inherit;padding:.4rem;border:1px solid #767676;border-radius:.25rem;max-width:100%;min-width:0}
textarea{width:100%}select[multiple]{width:100%}
fieldset{border:1px solid var(--line);border-radius:.4rem;margin:.8rem 0;padding:.5rem .8rem;min-width:0}
.langs{display:grid;grid-template-columns:repeat(auto-fit,minmax(14rem,1fr));gap:.6rem}.langs legend{padding:0 .3rem}
.lang{display:flex;flex-direction:column;gap:.2rem;min-width:0}.lang input{width:100%}
.missing{color:var(--bad);font-weight:600}
.row{display:flex;flex-wrap:wrap;gap:.8rem}
.invalid{border-color:var(--bad)}.invalid input,.invalid select{border-color:var(--bad)}
.error{color:var(--bad);font-weight:600}
.notice,.preview,.conflict,.card,.holiday-warning{background:var(--soft);border:1px solid var(--line);border-radius:.5rem;padding:.8rem 1rem;margin:1rem 0}
.conflict{border-color:var(--bad)}
.times{font-weight:600}
button,.button{font:inherit;padding:.45rem .9rem;border:1px solid var(--accent);background:#fff;color:var(--accent);border-radius:.3rem;cursor:pointer;text-decoration:none;display:inline-block}
button.primary{background:var(--accent);color:#fff}button.danger{border-color:var(--bad);color:var(--bad)}
.actions{display:flex;flex-wrap:wrap;gap:.6rem;align-items:center}
.events{list-style:none;padding:0}.events li{padding:.6rem 0;border-bottom:1px solid var(--line)}
.when{color:var(--muted);font-size:.95rem}
.badge{display:inline-block;font-size:.8rem;font-weight:600;padding:0 .4rem;border-radius:.25rem;background:#8a1c1c;color:#fff;margin-left:.4rem}.badge.muted{background:#4a4a4a}
table{border-collapse:collapse;width:100%;display:block;overflow-x:auto}td,th{border-bottom:1px solid var(--line);padding:.4rem;text-align:left;overflow-wrap:anywhere;vertical-align:top}
code.token{word-break:break-all;font-size:1.05rem}
.fold label{display:block;margin:.3rem 0}
`;

/** The editor's one script: shows only the time inputs of the precision chosen. The form works without it. */
export const EDITOR_JS = `
(function(){var p=document.getElementById('precision');if(!p)return;
function show(){document.querySelectorAll('[data-precision]').forEach(function(el){el.hidden=el.getAttribute('data-precision').split(' ').indexOf(p.value)<0;});}
p.addEventListener('change',show);show();})();
`;
