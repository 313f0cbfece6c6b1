/**
 * @module auth
 * Bearer tokens for writes (RFC 6750): none configured → 403 writes_disabled; missing or wrong → 401 with
 * `WWW-Authenticate: Bearer`. Tokens are compared as SHA-256 digests in constant time, so neither length nor
 * content leaks through timing.
 */
import type { Config } from '../config.js';
import { ApiError } from './errors.js';

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

/** The label of the writer whose token the request carries, or the matching error. */
export async function authorizeWriter(request: Request, writers: Config['writers']): Promise<string> {
  if (writers.length === 0) throw new ApiError('writes_disabled', 'writes are disabled: no ADMIN_TOKEN or ADMIN_TOKENS is configured');
  const challenge = { 'WWW-Authenticate': 'Bearer realm="isa-calendar"' };
  const header = request.headers.get('Authorization') ?? '';
  const match = /^Bearer[ ]+(\S+)\s*$/i.exec(header);
  if (!match?.[1])
    throw new ApiError('unauthorized', 'an Authorization: Bearer <token> header is required', 'headers.authorization', 401, challenge);
  const given = await digest(match[1]);
  let label: string | undefined;
  // Every token is compared, so the time does not depend on which one matched.
  for (const writer of writers) if (constantTimeEqual(given, await digest(writer.token))) label ??= writer.label;
  if (!label)
    throw new ApiError('unauthorized', 'the bearer token is not valid', 'headers.authorization', 401, {
      ...challenge,
      'WWW-Authenticate': 'Bearer realm="isa-calendar", error="invalid_token"',
    });
  return label;
}
