/**
 * @module views/editor-import
 * The editor's import: the upload form (the file, the zone of times without one, the cities and kind of items
 * that name none, the template to download), the dry run with each item's outcome, and the commit.
 */
import { html } from 'hono/html';
import { words } from '../../core/i18n/catalogue.js';
import { EVENT_KINDS, type Lang } from '../../core/model.js';
import type { DryRun, ImportItemResult } from '../../writing/import-events.js';

/** The upload form, with the reason the last upload was refused. */
export function importFormBody(lang: Lang, formToken: string, error: string | null) {
  const w = words(lang).editor;
  return html`<p>${w.importIntro}</p>
<p><a href="/api/v1/events.csv?lang=${lang}" download>${w.importTemplate}</a></p>
${error ? html`<p class="error" role="alert">${w.checkField}: ${error}</p>` : ''}
<form method="post" action="/editor/import?lang=${lang}" enctype="multipart/form-data" class="card">
<input type="hidden" name="form_token" value="${formToken}">
<div class="field"><label for="file">${w.importFile}</label><input id="file" name="file" type="file" accept=".ics,.csv,text/calendar,text/csv" required></div>
<div class="field"><label for="timeZone">${w.importZone}</label><input id="timeZone" name="timeZone" type="text" list="import-zones">
<datalist id="import-zones"><option value="Europe/Berlin"><option value="Asia/Shanghai"></datalist></div>
<div class="field"><label for="cities">${w.importCities}</label><input id="cities" name="cities" type="text"></div>
<div class="field"><label for="kind">${w.importKind}</label><select id="kind" name="kind">${EVENT_KINDS.map(
    (k) => html`<option value="${k}"${k === 'other' ? ' selected' : ''}>${words(lang).kinds[k]}</option>`,
  )}</select></div>
<button type="submit" class="primary">${w.checkImport}</button>
</form>`;
}

/** An item's failure in the person's language where the catalogue has words for it (the message otherwise). */
function failureText(lang: Lang, item: ImportItemResult): string {
  const w = words(lang).editor;
  if (item.field === 'RRULE') return w.importRecurring;
  if (item.field === 'timeZone' && 'uid' in item) return w.importNeedsZone;
  if (item.field === 'STATUS') return w.importCancelled;
  return `${item.field}: ${item.message ?? ''}`;
}

/** Items of a dry run or a commit, as a table: numbered as in the file (rows as a spreadsheet counts them). */
function itemsTable(lang: Lang, items: readonly ImportItemResult[]) {
  const w = words(lang).editor;
  return html`<table><thead><tr><th scope="col">${w.importItem}</th><th scope="col">${w.fields.title}</th><th scope="col">${w.fields.status}</th></tr></thead>
<tbody>${items.map(
    (item, i) => html`<tr class="${item.outcome}"><td>${'row' in item ? item.row : i + 1}</td>
<td>${item.id && item.outcome !== 'error' ? html`<a href="/editor/events/${item.id}?lang=${lang}">${item.title ?? item.id}</a>` : (item.title ?? '')}</td>
<td>${w.importOutcomes[item.outcome]}${item.proposal ? html`<br><small>${w.importProposal}</small>` : ''}${item.field ? html`<br><small>${failureText(lang, item)}</small>` : ''}</td></tr>`,
  )}</tbody></table>`;
}

/** A dry run, with the commit button when it has anything to commit. */
export function dryRunBody(lang: Lang, formToken: string, dryRun: DryRun) {
  const w = words(lang).editor;
  const applies = dryRun.items.some((i) => i.outcome === 'new' || i.outcome === 'update');
  return html`${itemsTable(lang, dryRun.items)}
${
  applies
    ? html`<form method="post" action="/editor/import/${dryRun.id}?lang=${lang}" class="actions">
<input type="hidden" name="form_token" value="${formToken}"><button type="submit" class="primary">${w.commitImport}</button></form>
<p>${w.importExpires(`${dryRun.expires.slice(0, 16).replace('T', ' ')} UTC`)}</p>`
    : html`<p class="notice">${w.importNothing}</p>`
}
<p><a href="/editor/import?lang=${lang}">${w.importHeading}</a></p>`;
}

/** What a commit applied. */
export function committedBody(lang: Lang, items: readonly ImportItemResult[]) {
  const w = words(lang).editor;
  const applied = items.filter((i) => i.outcome === 'new' || i.outcome === 'update');
  return html`<p class="notice" role="status">${w.importCommitted(applied.length)}</p>${itemsTable(lang, items)}`;
}
