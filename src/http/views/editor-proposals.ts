/**
 * @module views/editor-proposals
 * The editor's proposals: the list (open ones first) and one proposal with what it would change, field by field
 * and with the times on both sides, and the secretariat's approve and reject forms.
 */
import { html } from 'hono/html';
import { pickText } from '../../core/events/localize.js';
import { words } from '../../core/i18n/catalogue.js';
import type { Account, EventRecord, Lang } from '../../core/model.js';
import type { StoredProposal } from '../../storage/proposals-repository.js';
import type { FormValues } from '../editor-form.js';
import { fieldLabel } from './editor.js';

/** A row of a proposal's change: the field, its value now and as proposed. */
export interface DiffRow {
  readonly label: string;
  readonly current: string;
  readonly proposed: string;
}

/** Fields of the form that the time row stands for (it says the times on both sides instead). */
const TIME_FIELDS = /^(start_|end_|fold$|endFold$|precision$|timeZone$)/;

/** The fields that differ between an event's form now (none for a new one) and as proposed, with the time as one row. */
export function diffRows(
  lang: Lang,
  current: { values: FormValues; time: string } | null,
  proposed: { values: FormValues; time: string },
): DiffRow[] {
  const text = (v: FormValues[string]) => (typeof v === 'string' ? v : (v ?? []).join(', '));
  const rows: DiffRow[] = [];
  if (current?.time !== proposed.time)
    rows.push({ label: words(lang).editor.timeRow, current: current?.time ?? '', proposed: proposed.time });
  for (const key of new Set([...Object.keys(current?.values ?? {}), ...Object.keys(proposed.values)])) {
    if (key === 'revision' || TIME_FIELDS.test(key)) continue;
    const was = text(current?.values[key]);
    const now = text(proposed.values[key]);
    if (was === now) continue;
    const [field, language] = key.split('_') as [string, Lang | undefined];
    const label =
      language && (field === 'title' || field === 'description')
        ? `${fieldLabel(lang, field)} (${words(language).site.languageName})`
        : fieldLabel(lang, key);
    rows.push({ label, current: was, proposed: now });
  }
  return rows;
}

const when = (iso: string) => `${iso.slice(0, 16).replace('T', ' ')} UTC`;

/** What a proposal is about, in a line. */
function proposalTitle(lang: Lang, proposal: StoredProposal, event: EventRecord | null) {
  const w = words(lang).editor;
  const title = event ? pickText(event.title, lang)?.text : undefined;
  return `${w.proposalActions[proposal.action]}${title ? `: ${title}` : ''}`;
}

/** The proposals an account sees, open ones first. */
export function proposalsBody(lang: Lang, list: ReadonlyArray<{ proposal: StoredProposal; event: EventRecord | null }>) {
  const w = words(lang).editor;
  if (list.length === 0) return html`<p>${w.noProposals}</p>`;
  return html`<ul class="events">${list.map(
    ({ proposal, event }) => html`<li><a href="/editor/proposals/${proposal.id}?lang=${lang}">${proposalTitle(lang, proposal, event)}</a>
<span class="badge${proposal.status === 'open' ? '' : ' muted'}">${w.proposalStatuses[proposal.status]}</span>
<br><span class="when">${w.proposedBy(proposal.proposer, when(proposal.created))}</span></li>`,
  )}</ul>`;
}

/** One proposal: who and when, what it changes, the decision or (for the secretariat) the forms to decide it. */
export function proposalBody(
  lang: Lang,
  proposal: StoredProposal,
  event: EventRecord | null,
  rows: readonly DiffRow[],
  viewer: Account,
  formToken: string,
  notice: { proposed?: boolean; error?: string | null } = {},
) {
  const w = words(lang).editor;
  const decided = proposal.decidedAt
    ? html`<p class="notice" role="status">${w.decidedBy(w.proposalStatuses[proposal.status], proposal.decidedBy ?? '', when(proposal.decidedAt))}${
        proposal.decisionReason ? html`<br>${proposal.decisionReason}` : ''
      }</p>`
    : '';
  const form = (action: 'approve' | 'reject', content: ReturnType<typeof html>) =>
    html`<form method="post" action="/editor/proposals/${proposal.id}?lang=${lang}" class="card">
<input type="hidden" name="form_token" value="${formToken}"><input type="hidden" name="action" value="${action}">${content}</form>`;
  return html`${notice.proposed ? html`<p class="notice" role="status">${w.proposedNotice}</p>` : ''}
${notice.error ? html`<p class="error" role="alert">${notice.error}</p>` : ''}
<p><strong>${proposalTitle(lang, proposal, event)}</strong> · ${w.proposalStatuses[proposal.status]}<br>${w.proposedBy(proposal.proposer, when(proposal.created))}</p>
${event ? html`<p><a href="/editor/events/${event.id}?lang=${lang}">${w.editEvent}</a></p>` : ''}
${proposal.reason ? html`<p>${w.cancelReason}: ${proposal.reason}</p>` : ''}
<table class="diff"><thead><tr><th scope="col">${w.fieldColumn}</th><th scope="col">${w.currentColumn}</th><th scope="col">${w.proposedColumn}</th></tr></thead>
<tbody>${rows.map((r) => html`<tr><th scope="row">${r.label}</th><td>${r.current}</td><td>${r.proposed}</td></tr>`)}</tbody></table>
${decided}
${
  viewer.role === 'secretariat' && proposal.status === 'open'
    ? html`${form('approve', html`<button type="submit" class="primary">${w.approve}</button>`)}
${form(
  'reject',
  html`<div class="field"><label for="reason">${w.rejectReason}</label><textarea id="reason" name="reason" rows="3" required maxlength="1000"></textarea></div>
<button type="submit" class="danger">${w.reject}</button>`,
)}`
    : ''
}`;
}
