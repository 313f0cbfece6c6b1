/**
 * @module editor-session
 * What every page and form of the editor shares: who is signed in (the session cookie: HttpOnly, SameSite=Strict,
 * Secure and `__Host-` on https; the database keeps only digests), the posted form checked against the session's
 * form token, the editor's language, and the guard of its pages — forms from another site refused (Origin /
 * Sec-Fetch-Site, hono/csrf), a strict Content-Security-Policy, the usual secure headers, never cached.
 */
import type { Context, MiddlewareHandler } from 'hono';
import { getCookie } from 'hono/cookie';
import { csrf } from 'hono/csrf';
import { HTTPException } from 'hono/http-exception';
import { secureHeaders } from 'hono/secure-headers';
import { type Account, isLang, type Lang } from '../core/model.js';
import { sessionOf } from '../writing/accounts.js';
import { type FormValues, fieldText } from './editor-form.js';
import type { AppEnv } from './env.js';
import { ApiError } from './errors.js';
import { editorPage } from './views/editor.js';

export type EditorContext = Context<AppEnv>;

export interface Signed {
  readonly account: Account;
  readonly formToken: string;
  readonly sessionId: string;
}

export const isHttps = (c: EditorContext) => c.get('deps').config.publicUrl.startsWith('https:');
/** `__Host-` makes browsers refuse the cookie unless Secure, for this host only, on every path (RFC 6265bis §4.1.3.2). */
export const cookieName = (c: EditorContext) => (isHttps(c) ? '__Host-isa-session' : 'isa-session');

/** The editor's language: `?lang=`, else the account's, else German. */
export function editorLang(c: EditorContext, account?: Account): Lang {
  const asked = c.req.query('lang');
  return asked && isLang(asked) ? asked : (account?.lang ?? 'de');
}

/** The signed-in person of a request, or null. */
export async function signedIn(c: EditorContext): Promise<Signed | null> {
  const sessionId = getCookie(c, cookieName(c)) ?? '';
  const found = await sessionOf(c.get('deps'), sessionId);
  return found ? { account: found.account, formToken: found.session.formToken, sessionId } : null;
}

/** A posted form: its values (repeated fields as lists) and its files (the first of each name). */
async function postedForm(c: EditorContext): Promise<{ values: FormValues; files: Record<string, File> }> {
  const body = await c.req.parseBody({ all: true });
  const values: Record<string, string | string[]> = {};
  const files: Record<string, File> = {};
  for (const [name, value] of Object.entries(body)) {
    const all = Array.isArray(value) ? value : [value];
    const list = all.filter((v): v is string => typeof v === 'string');
    const file = all.find((v): v is File => typeof v !== 'string');
    if (file) files[name] = file;
    values[name] = name === 'sources' || name === 'account_cities' ? list : (list[0] ?? '');
  }
  if (!Array.isArray(values.sources)) values.sources = [];
  return { values, files };
}

/** A posted form as values (repeated fields as lists). */
export async function formValues(c: EditorContext): Promise<FormValues> {
  return (await postedForm(c)).values;
}

/** The signed-in person of a form post whose form token is the session's (otherwise 403), with its values and files. */
export async function signedForm(c: EditorContext): Promise<{ signed: Signed; values: FormValues; files: Record<string, File> }> {
  const signed = await signedIn(c);
  if (!signed) throw new ApiError('unauthorized', 'sign in first', 'cookie');
  const { values, files } = await postedForm(c);
  if (fieldText(values, 'form_token') !== signed.formToken)
    throw new ApiError('forbidden', 'the form is not one of this session', 'form_token');
  return { signed, values, files };
}

/** An editor page as the response. */
export const page = (c: EditorContext, lang: Lang, title: string, body: Parameters<typeof editorPage>[2], signed?: Signed, status = 200) =>
  c.html(editorPage(lang, title, body, signed?.account, signed?.formToken), status as 200);

const POLICY = {
  contentSecurityPolicy: {
    defaultSrc: ["'none'"],
    styleSrc: ["'self'"],
    scriptSrc: ["'self'"],
    imgSrc: ["'self'", 'data:'],
    formAction: ["'self'"],
    frameAncestors: ["'none'"],
    baseUri: ["'none'"],
  },
  referrerPolicy: 'same-origin',
  crossOriginEmbedderPolicy: false,
};

/** The guard of every editor path: secure headers, forms from the editor's own origin only, never cached. */
export const editorGuard: MiddlewareHandler<AppEnv>[] = [
  secureHeaders(POLICY),
  async (c, next) => {
    // A form from another site (its Origin or Sec-Fetch-Site) is refused before anything reads it.
    const guard = csrf({ origin: (origin, cc) => origin === new URL((cc as EditorContext).get('deps').config.publicUrl).origin });
    try {
      await guard(c, next);
    } catch (error) {
      if (error instanceof HTTPException && error.status === 403)
        throw new ApiError('forbidden', 'forms of the editor are accepted from its own pages only', 'headers.origin');
      throw error;
    }
    c.header('Cache-Control', 'no-store');
  },
];
