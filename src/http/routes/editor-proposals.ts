/**
 * @module routes/editor-proposals
 * The editor's proposals: the list, one proposal with what it would change, and the secretariat's decision
 * (writing/proposals.ts). A city editor sees their own proposals and how each was decided.
 */
import { Hono } from 'hono';
import { words } from '../../core/i18n/catalogue.js';
import type { Lang } from '../../core/model.js';
import { describeEventTime } from '../../core/time/event-time-text.js';
import { referenceData } from '../../documents/reference-data.js';
import { getEvents } from '../../storage/events-repository.js';
import type { StoredProposal } from '../../storage/proposals-repository.js';
import { rejectInputSchema } from '../../writing/event-input.js';
import { approveProposal, findProposal, proposalChange, proposalsFor, rejectProposal } from '../../writing/proposals.js';
import type { WriteError } from '../../writing/write-event.js';
import { formOf } from '../editor-form.js';
import { type EditorContext, editorLang, page, type Signed, signedForm, signedIn } from '../editor-session.js';
import type { AppEnv } from '../env.js';
import { ApiError } from '../errors.js';
import { checkInput } from '../validate.js';
import { diffRows, proposalBody, proposalsBody } from '../views/editor-proposals.js';
import { writeContextOf } from '../write-context.js';

/** A failed decision in the person's language where the catalogue has words for it. */
function decisionError(lang: Lang, error: WriteError): string {
  const w = words(lang).editor;
  if (error.code === 'invalid_input' && error.field === 'reason') return `${w.checkField}: ${w.rejectReason}`;
  if (error.code === 'precondition_failed' && error.stale) return w.proposalStale;
  if (error.code === 'invalid_input' || error.code === 'unknown_city' || error.code === 'unknown_source') return w.proposalInvalid;
  return error.message;
}

/** Shows one proposal with its change. */
async function showProposal(
  c: EditorContext,
  signed: Signed,
  proposal: StoredProposal,
  notice: { proposed?: boolean; error?: string | null } = {},
  status = 200,
) {
  const lang = editorLang(c, signed.account);
  const ctx = writeContextOf(c);
  const reference = await referenceData(c.get('deps'), c.get('cache'));
  const { current, proposed } = await proposalChange(ctx, proposal);
  const side = (event: typeof current) => event && { values: formOf(event, reference, lang), time: describeEventTime(event, lang) };
  const after = side(proposed);
  const rows = after ? diffRows(lang, side(current), after) : [];
  const body = proposalBody(lang, proposal, current ?? proposed, rows, signed.account, signed.formToken, {
    ...notice,
    error: notice.error ?? (after ? null : words(lang).editor.proposalInvalid),
  });
  return page(c, lang, words(lang).editor.proposals, body, signed, status);
}

export const editorProposalsRoutes = new Hono<AppEnv>()
  .get('/editor/proposals', async (c) => {
    const signed = await signedIn(c);
    if (!signed) return c.redirect(`/editor?lang=${editorLang(c)}`, 303);
    const lang = editorLang(c, signed.account);
    const proposals = await proposalsFor(writeContextOf(c), signed.account);
    const events = new Map(
      (await getEvents(c.get('deps').store.db, [...new Set(proposals.flatMap((p) => (p.eventId ? [p.eventId] : [])))])).map((e) => [
        e.id,
        e,
      ]),
    );
    const list = proposals.map((proposal) => ({ proposal, event: (proposal.eventId && events.get(proposal.eventId)) || null }));
    return page(c, lang, words(lang).editor.proposals, proposalsBody(lang, list), signed);
  })
  .get('/editor/proposals/:id', async (c) => {
    const signed = await signedIn(c);
    if (!signed) return c.redirect(`/editor?lang=${editorLang(c)}`, 303);
    const found = await findProposal(writeContextOf(c), signed.account, c.req.param('id'));
    if (!found.ok) throw new ApiError('not_found', found.error.message, 'id');
    return showProposal(c, signed, found.value, { proposed: c.req.query('proposed') === '1' });
  })
  .post('/editor/proposals/:id', async (c) => {
    const { signed, values } = await signedForm(c);
    const lang = editorLang(c, signed.account);
    const ctx = writeContextOf(c);
    const id = c.req.param('id');
    let failure: WriteError | null = null;
    if (values.action === 'approve') {
      const result = await approveProposal(ctx, signed.account, id);
      if (!result.ok) failure = result.error;
    } else {
      const input = checkInput(rejectInputSchema, { reason: values.reason });
      const result = input.ok ? await rejectProposal(ctx, signed.account, id, input.value.reason) : input;
      if (!result.ok) failure = result.error;
    }
    const found = await findProposal(ctx, signed.account, id);
    if (!found.ok) throw new ApiError('not_found', found.error.message, 'id');
    if (failure)
      return showProposal(
        c,
        signed,
        found.value,
        { error: decisionError(lang, failure) },
        failure.code === 'invalid_input' ? 400 : failure.code === 'forbidden' ? 403 : 409,
      );
    return c.redirect(`/editor/proposals/${id}?lang=${lang}`, 303);
  });
