/**
 * @module config
 * Site settings from environment variables (Node) or bindings (Workers), checked once with one schema.
 */
import * as z from 'zod/mini';

export interface Config {
  /** Base of links in feeds, calendars and pages, without a trailing slash. */
  readonly publicUrl: string;
  /** Right-hand side of every calendar UID; set once per deployment and never changed. */
  readonly uidDomain: string;
  /** Who may write: bearer tokens and the labels the change history records. None: writes are disabled. */
  readonly writers: ReadonlyArray<{ readonly label: string; readonly token: string }>;
  /** Write attempts allowed per minute, per client address and per token (WRITE_RATE_LIMIT, default 60). */
  readonly writeRateLimit?: number;
}

/** The settings read, by name (environment variables on Node, bindings on Workers); anything else is ignored. */
export type Settings = { readonly [name in 'PUBLIC_URL' | 'UID_DOMAIN' | 'ADMIN_TOKEN' | 'ADMIN_TOKENS' | 'WRITE_RATE_LIMIT']?: unknown };

function isHttpUrl(value: string): boolean {
  try {
    return /^https?:$/.test(new URL(value).protocol);
  } catch {
    return false;
  }
}

const httpUrl = z.string().check(z.refine(isHttpUrl, 'must be an http(s) URL'));
const schema = z.object({
  PUBLIC_URL: httpUrl,
  UID_DOMAIN: z._default(z.string().check(z.regex(/^[A-Za-z0-9.-]+$/, 'must be a domain name')), 'isa-calendar.invalid'),
});

// A token is a secret: long enough not to be guessed, and free of separators and spaces.
const token = z.string().check(z.regex(/^[A-Za-z0-9._~+/-]{16,256}$/, 'tokens are 16–256 characters without spaces, "," or "="'));
const label = z.string().check(z.regex(/^[A-Za-z0-9._-]{1,64}$/, 'labels are 1–64 letters, digits, ".", "_" or "-"'));

/** `ADMIN_TOKEN` (label `admin`) and `ADMIN_TOKENS` (`label=token,label=token`). */
function parseWriters(env: Settings): Config['writers'] {
  const writers: Array<{ label: string; token: string }> = [];
  if (typeof env.ADMIN_TOKEN === 'string' && env.ADMIN_TOKEN !== '') {
    const parsed = token.safeParse(env.ADMIN_TOKEN);
    if (!parsed.success) throw new Error(`setting ADMIN_TOKEN: ${parsed.error.issues[0]?.message}`);
    writers.push({ label: 'admin', token: parsed.data });
  }
  if (typeof env.ADMIN_TOKENS === 'string' && env.ADMIN_TOKENS !== '') {
    for (const pair of env.ADMIN_TOKENS.split(',')) {
      const [name = '', secret = ''] = pair.trim().split('=');
      const l = label.safeParse(name);
      const t = token.safeParse(secret);
      if (!l.success || !t.success) throw new Error(`setting ADMIN_TOKENS: "${name}": ${(l.success ? t : l).error?.issues[0]?.message}`);
      writers.push({ label: l.data, token: t.data });
    }
  }
  return writers;
}

/** Parses the settings; throws an Error naming the variable at fault. */
export function parseConfig(env: Settings): Config {
  const parsed = schema.safeParse({ PUBLIC_URL: env.PUBLIC_URL, UID_DOMAIN: env.UID_DOMAIN || undefined });
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    throw new Error(`setting ${String(issue?.path[0] ?? '?')}: ${issue?.message ?? 'invalid'}`);
  }
  const limit = env.WRITE_RATE_LIMIT === undefined || env.WRITE_RATE_LIMIT === '' ? 60 : Number(env.WRITE_RATE_LIMIT);
  if (!Number.isInteger(limit) || limit < 1) throw new Error('setting WRITE_RATE_LIMIT: a whole number of writes per minute, at least 1');
  return {
    publicUrl: parsed.data.PUBLIC_URL.replace(/\/+$/, ''),
    uidDomain: parsed.data.UID_DOMAIN,
    writers: parseWriters(env),
    writeRateLimit: limit,
  };
}
