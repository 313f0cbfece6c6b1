/**
 * @module auth
 * Who may write. Bearer tokens (RFC 6750) of the settings' writers or of people's accounts (writing/accounts.ts):
 * none exists → 403 writes_disabled; missing or wrong → 401 with `WWW-Authenticate: Bearer`. Tokens are compared
 * as SHA-256 digests in constant time, so neither length nor content leaks through timing. A browser page of another origin may not write (its Origin is refused) unless
 * an operator lists it in WRITE_ORIGINS; scripts send no Origin. Failed attempts are limited per client
 * address, successful writers per token (rate-limit.ts).
 */
import type { Config } from '../config.js';
import type { Account } from '../core/model.js';
import { accountOfToken, anyWriter } from '../writing/accounts.js';
import type { RequestDeps } from './env.js';
import { ApiError } from './errors.js';
import { enforce } from './rate-limit.js';

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
 * The account a write request authenticates as (a writer of the settings or a person's account). A failure
 * counts against the client address; past its limit that address gets 429 for wrong tokens, while a right token
 * still passes and counts against itself.
 */
export async function authorizeWriter(request: Request, deps: RequestDeps, address: string): Promise<Account> {
  requireSameOrigin(request, deps.config);
  const match = /^Bearer[ ]+(\S+)\s*$/i.exec(request.headers.get('Authorization') ?? '');
  const account = match?.[1] ? await accountOfToken(deps, deps.config, match[1]) : null;
  if (account) {
    await enforce(deps.limiters.writes, `writer:${account.label}`, 'writes with this token');
    return account;
  }
  if (!(await anyWriter(deps)))
    throw new ApiError('writes_disabled', 'writes are disabled: no ADMIN_TOKEN, ADMIN_TOKENS or account exists');
  await enforce(deps.limiters.failedAuth, `address:${address}`, 'failed authentications from this address');
  const challenge = 'Bearer realm="isa-calendar"';
  if (!match?.[1]) {
    throw new ApiError('unauthorized', 'an Authorization: Bearer <token> header is required', 'headers.authorization', 401, {
      'WWW-Authenticate': challenge,
    });
  }
  throw new ApiError('unauthorized', 'the bearer token is not valid', 'headers.authorization', 401, {
    'WWW-Authenticate': `${challenge}, error="invalid_token"`,
  });
}

/** The account of a write request, with the deps' limiters and client address. */
export function authorize(deps: RequestDeps, request: Request, bindings: unknown): Promise<Account> {
  return authorizeWriter(request, deps, deps.clientAddress?.(request, bindings) ?? 'unknown');
}
