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
}

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

/** Parses the settings; throws an Error naming the variable at fault. */
export function parseConfig(env: Readonly<Record<string, unknown>>): Config {
  const parsed = schema.safeParse({ PUBLIC_URL: env.PUBLIC_URL, UID_DOMAIN: env.UID_DOMAIN || undefined });
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    throw new Error(`setting ${String(issue?.path[0] ?? '?')}: ${issue?.message ?? 'invalid'}`);
  }
  return { publicUrl: parsed.data.PUBLIC_URL.replace(/\/+$/, ''), uidDomain: parsed.data.UID_DOMAIN };
}
