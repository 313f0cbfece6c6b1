/**
 * @module views/editor-cities
 * The secretariat's cities: the list, and the form of one city (names in three languages, spellings, country
 * and subdivision, zone, membership periods one after another, a blank one to add) with its history.
 */
import { html } from 'hono/html';
import { words } from '../../core/i18n/catalogue.js';
import { type City, END_REASONS, LANGS, type Lang, MEMBERSHIP_STATUSES } from '../../core/model.js';
import type { CityChange } from '../../storage/city-history-repository.js';
import { type FormValues, fieldText } from '../editor-form.js';

/** The cities, German first, each linked to its form. */
export function citiesBody(lang: Lang, cities: readonly City[]) {
  const w = words(lang).editor;
  return html`<p class="actions"><a class="button" href="/editor/cities/new?lang=${lang}">${w.newCity}</a></p>
<ul class="events">${cities.map(
    (c) =>
      html`<li><a href="/editor/cities/${c.slug}?lang=${lang}">${c.name[lang]}</a> <span class="when">${c.name.zh} · ${c.country}${
        c.subdivision ? ` · ${c.subdivision}` : ''
      }</span></li>`,
  )}</ul>`;
}

export interface CityFormState {
  readonly lang: Lang;
  readonly values: FormValues;
  readonly errors: ReadonlyMap<string, string>;
  readonly city: City | null;
  readonly periods: number;
  readonly history: readonly CityChange[];
  readonly saved: boolean;
  readonly formToken: string;
}

function field(state: CityFormState, name: string, label: string, attrs: { type?: string; readonly?: boolean } = {}) {
  const message = state.errors.get(name);
  return html`<div class="field${message ? ' invalid' : ''}"><label for="${name}">${label}</label>
<input id="${name}" name="${name}" type="${attrs.type ?? 'text'}" value="${fieldText(state.values, name)}"${attrs.readonly ? ' readonly' : ''}${
    message ? html` aria-invalid="true" aria-describedby="${name}-error"` : ''
  }>${message ? html`<p class="error" id="${name}-error" role="alert">${words(state.lang).editor.checkField}: ${message}</p>` : ''}</div>`;
}

function choice(state: CityFormState, name: string, label: string, options: ReadonlyArray<readonly [string, string]>) {
  const chosen = fieldText(state.values, name);
  return html`<div class="field"><label for="${name}">${label}</label><select id="${name}" name="${name}">${options.map(
    ([value, text]) => html`<option value="${value}"${value === chosen ? ' selected' : ''}>${text}</option>`,
  )}</select></div>`;
}

/** One membership period's inputs (index `i`), the last one blank for a new period. */
function period(state: CityFormState, i: number) {
  const w = words(state.lang);
  const f = w.editor.cityFields;
  const blank = i === state.periods;
  return html`<fieldset class="period"><legend>${blank ? f.newPeriod : f.period(i + 1)}</legend>
${choice(state, `m${i}_status`, f.status, [
  ...(blank ? ([['', f.none]] as const) : []),
  ...MEMBERSHIP_STATUSES.map((s) => [s, w.membership.statuses[s]] as const),
])}
${field(state, `m${i}_from`, f.from)}
${field(state, `m${i}_to`, f.to)}
${choice(state, `m${i}_endReason`, f.endReason, [['', f.none], ...END_REASONS.map((r) => [r, w.membership.endReasons[r]] as const)])}
${field(state, `m${i}_admittedAt`, f.admittedAt)}
</fieldset>`;
}

/** The city form with its history. */
export function cityFormBody(state: CityFormState) {
  const { lang } = state;
  const w = words(lang).editor;
  const f = w.cityFields;
  const action = state.city ? `/editor/cities/${state.city.slug}?lang=${lang}` : `/editor/cities/new?lang=${lang}`;
  return html`${state.saved ? html`<p class="notice" role="status">${w.saved}</p>` : ''}
${state.errors.size > 0 ? html`<p class="error" role="alert">${w.checkField}: ${[...state.errors.values()].join('; ')}</p>` : ''}
<form method="post" action="${action}" class="event-form" novalidate>
<input type="hidden" name="form_token" value="${state.formToken}">
<input type="hidden" name="revision" value="${fieldText(state.values, 'revision')}">
${field(state, 'slug', f.slug, { readonly: state.city !== null })}
<fieldset class="langs"><legend>${f.name}</legend>${LANGS.map((l) => field(state, `name_${l}`, words(l).site.languageName))}</fieldset>
<div class="field check"><label><input type="checkbox" name="nameZhUncertain"${fieldText(state.values, 'nameZhUncertain') === 'on' ? ' checked' : ''}> ${f.nameZhUncertain}</label></div>
${field(state, 'aliases', f.aliases)}
${choice(state, 'country', f.country, [
  ['DE', 'DE'],
  ['CN', 'CN'],
])}
${field(state, 'subdivision', f.subdivision)}
${field(state, 'timeZone', f.timeZone)}
${field(state, 'parent', f.parent)}
${field(state, 'note', f.note)}
<h2>${f.memberships}</h2>
${Array.from({ length: state.periods + 1 }, (_, i) => period(state, i))}
<p class="actions"><button type="submit" class="primary">${w.save}</button></p>
</form>
${
  state.history.length > 0
    ? html`<h2>${w.cityHistory}</h2><ol class="events" reversed>${state.history.map(
        (change) =>
          html`<li><strong>${w.revision(change.revision)}</strong> · ${w.savedBy(change.actor, `${change.at.slice(0, 16).replace('T', ' ')} UTC`)}</li>`,
      )}</ol>`
    : ''
}`;
}
