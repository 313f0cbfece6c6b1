/**
 * @module auth
 * Who may write. Bearer tokens (RFC 6750): none configured → 403 writes_disabled; missing or wrong → 401 with
 * `WWW-Authenticate: Bearer`. Tokens are compared as SHA-256 digests in constant time, so neither length nor
 * content leaks through timing. A browser page of another origin may not write (its Origin is refused) unless
 * an operator lists it in WRITE_ORIGINS; scripts send no Origin. Failed attempts are limited per client
 * address, successful writers per token (rate-limit.ts).
 */
import type { Config, Writer } from '../config.js';
import type { RequestDeps } from './env.js';
import { ApiError } from './errors.js';
import { enforce, type Limiters } from './rate-limit.js';

const encoder = new TextEncoder();

async function digest(text: string): Promise<Uint8Array> {
  return new Uint8Array(await crypto.subtle.digest('SHA-256', encoder.encode(text)));
}

/** Equal-length byte arrays compared without an early exit. */
function constantTimeEqual(a: Uint8Array, b: Uint8Array): boolean {
  let diff = a.length ^ b.length;
  for (let i = 0; i < a.length; i++) diff |= (a[i] ?? 0) ^ (b[i] ?? 0);
  return diff === 0;
}

/** The writer whose token an Authorization header carries, or why not. */
async function writerOf(header: string | null, writers: readonly Writer[]): Promise<string | 'missing' | 'invalid'> {
  const match = /^Bearer[ ]+(\S+)\s*$/i.exec(header ?? '');
  if (!match?.[1]) return 'missing';
  const given = await digest(match[1]);
  let label: string | undefined;
  // Every token is compared, so the time does not depend on which one matched.
  for (const writer of writers) if (constantTimeEqual(given, await digest(writer.token))) label ??= writer.label;
  return label ?? 'invalid';
}

/** Refuses writes from browser pages of other origins (the CORS preflight does not cover POST, a simple method). */
export function requireSameOrigin(request: Request, config: Config): void {
  const origin = request.headers.get('Origin');
  if (origin === null) return;
  if (origin === new URL(config.publicUrl).origin || config.writeOrigins.includes(origin)) return;
  throw new ApiError(
    'forbidden',
    `writes from pages of ${origin} are not allowed (WRITE_ORIGINS lists the origins that may)`,
    'headers.origin',
  );
}

/**
 * The label of the writer a write request authenticates as. A failure counts against the client address; past
 * its limit that address gets 429 for wrong tokens, while a right token still passes and counts against itself.
 */
export async function authorizeWriter(request: Request, config: Config, limiters: Limiters, address: string): Promise<string> {
  requireSameOrigin(request, config);
  if (config.writers.length === 0) {
    throw new ApiError('writes_disabled', 'writes are disabled: no ADMIN_TOKEN or ADMIN_TOKENS is configured');
  }
  const writer = await writerOf(request.headers.get('Authorization'), config.writers);
  if (writer !== 'missing' && writer !== 'invalid') {
    await enforce(limiters.writes, `writer:${writer}`, 'writes with this token');
    return writer;
  }
  await enforce(limiters.failedAuth, `address:${address}`, 'failed authentications from this address');
  const challenge = 'Bearer realm="isa-calendar"';
  if (writer === 'missing') {
    throw new ApiError('unauthorized', 'an Authorization: Bearer <token> header is required', 'headers.authorization', 401, {
      'WWW-Authenticate': challenge,
    });
  }
  throw new ApiError('unauthorized', 'the bearer token is not valid', 'headers.authorization', 401, {
    'WWW-Authenticate': `${challenge}, error="invalid_token"`,
  });
}

/** The writer of a request, with the deps' limiters and client address. */
export function authorize(deps: RequestDeps, request: Request, bindings: unknown): Promise<string> {
  return authorizeWriter(request, deps.config, deps.limiters, deps.clientAddress?.(request, bindings) ?? 'unknown');
}
