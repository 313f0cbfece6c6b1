/**
 * @module routes/editor
 * `/editor`: where the people who keep the calendar sign in, in the app on both runtimes — the sign-in page and
 * the list of events, signing in and out, the secretariat's accounts, and the editor's styles and script. A
 * personal token signs in once and becomes a session (editor-session.ts); failed sign-ins count against the
 * client address like failed API tokens. The event pages are routes/editor-events.ts.
 */
import { Hono } from 'hono';
import { deleteCookie, setCookie } from 'hono/cookie';
import { words } from '../../core/i18n/catalogue.js';
import { isLang, ROLES, type Role } from '../../core/model.js';
import { referenceData } from '../../documents/reference-data.js';
import { listEvents } from '../../storage/events-repository.js';
import { accounts, createAccount, mayEdit, revokeAccount, SESSION_HOURS, signIn, signOut } from '../../writing/accounts.js';
import { proposalsFor } from '../../writing/proposals.js';
import { fieldText } from '../editor-form.js';
import { cookieName, editorGuard, editorLang, formValues, isHttps, page, signedForm, signedIn } from '../editor-session.js';
import type { AppEnv } from '../env.js';
import { ApiError } from '../errors.js';
import { enforce } from '../rate-limit.js';
import { accountsBody, EDITOR_CSS, EDITOR_JS, eventsBody, signInBody } from '../views/editor.js';
import { writeContextOf } from '../write-context.js';

export const editorRoutes = new Hono<AppEnv>()
  .use('/editor', ...editorGuard)
  .use('/editor/*', ...editorGuard)
  .get('/editor/assets/editor.css', (c) => c.body(EDITOR_CSS, 200, { 'Content-Type': 'text/css; charset=utf-8' }))
  .get('/editor/assets/editor.js', (c) => c.body(EDITOR_JS, 200, { 'Content-Type': 'text/javascript; charset=utf-8' }))
  .get('/editor', async (c) => {
    const signed = await signedIn(c);
    const lang = editorLang(c, signed?.account);
    const w = words(lang).editor;
    if (!signed) return page(c, lang, w.signInHeading, signInBody(lang, null));
    const events = (await listEvents(c.get('deps').store.db, { limit: 1000 })).items.reverse();
    const proposals = await proposalsFor(writeContextOf(c), signed.account);
    const state = { openProposals: proposals.filter((p) => p.status === 'open').length, purged: c.req.query('purged') === '1' };
    return page(
      c,
      lang,
      w.events,
      eventsBody(lang, signed.account, events, (e) => mayEdit(signed.account, e), state),
      signed,
    );
  })
  .post('/editor/sign-in', async (c) => {
    const deps = c.get('deps');
    const lang = editorLang(c);
    const w = words(lang).editor;
    const token = fieldText(await formValues(c), 'token');
    const result = await signIn(deps, token);
    if (!result.ok) {
      const address = deps.clientAddress?.(c.req.raw, c.env) ?? 'unknown';
      try {
        await enforce(deps.limiters.failedAuth, `address:${address}`, 'failed sign-ins from this address');
      } catch (error) {
        if (error instanceof ApiError && error.code === 'rate_limited') {
          for (const [name, value] of Object.entries(error.headers)) c.header(name, value);
          return page(c, lang, w.signInHeading, signInBody(lang, error.message), undefined, 429);
        }
        throw error;
      }
      return page(c, lang, w.signInHeading, signInBody(lang, w.signInFailed), undefined, 401);
    }
    setCookie(c, cookieName(c), result.value.sessionId, {
      httpOnly: true,
      secure: isHttps(c),
      sameSite: 'Strict',
      path: '/',
      maxAge: SESSION_HOURS * 3600,
    });
    return c.redirect(`/editor?lang=${c.req.query('lang') && isLang(c.req.query('lang') ?? '') ? lang : result.value.account.lang}`, 303);
  })
  .post('/editor/sign-out', async (c) => {
    const { signed } = await signedForm(c);
    await signOut(c.get('deps'), signed.sessionId);
    deleteCookie(c, cookieName(c), { path: '/', secure: isHttps(c) });
    return c.redirect(`/editor?lang=${editorLang(c, signed.account)}`, 303);
  })
  .get('/editor/accounts', async (c) => {
    const signed = await signedIn(c);
    if (!signed) return c.redirect(`/editor?lang=${editorLang(c)}`, 303);
    if (signed.account.role !== 'secretariat') throw new ApiError('forbidden', 'only the secretariat manages accounts');
    const lang = editorLang(c, signed.account);
    const reference = await referenceData(c.get('deps'), c.get('cache'));
    return page(
      c,
      lang,
      words(lang).editor.accounts,
      accountsBody(lang, await accounts(c.get('deps')), reference.cities, signed.formToken, null, null),
      signed,
    );
  })
  .post('/editor/accounts', async (c) => {
    const { signed, values } = await signedForm(c);
    if (signed.account.role !== 'secretariat') throw new ApiError('forbidden', 'only the secretariat manages accounts');
    const lang = editorLang(c, signed.account);
    const reference = await referenceData(c.get('deps'), c.get('cache'));
    const role = fieldText(values, 'role');
    const accountLang = fieldText(values, 'lang');
    const cities = Array.isArray(values.account_cities) ? values.account_cities : [];
    const result = await createAccount(
      c.get('deps'),
      {
        label: fieldText(values, 'label'),
        role: (ROLES as readonly string[]).includes(role) ? (role as Role) : 'city-editor',
        lang: isLang(accountLang) ? accountLang : lang,
        cities: cities.filter((slug) => reference.cities.some((city) => city.slug === slug)),
      },
      signed.account,
    );
    const list = await accounts(c.get('deps'));
    const body = result.ok
      ? accountsBody(lang, list, reference.cities, signed.formToken, { label: result.value.account.label, token: result.value.token }, null)
      : accountsBody(lang, list, reference.cities, signed.formToken, null, result.error.message);
    return page(c, lang, words(lang).editor.accounts, body, signed, result.ok ? 201 : 400);
  })
  .post('/editor/accounts/:id/revoke', async (c) => {
    const { signed } = await signedForm(c);
    if (signed.account.role !== 'secretariat') throw new ApiError('forbidden', 'only the secretariat manages accounts');
    await revokeAccount(c.get('deps'), c.req.param('id'));
    return c.redirect(`/editor/accounts?lang=${editorLang(c, signed.account)}`, 303);
  });
