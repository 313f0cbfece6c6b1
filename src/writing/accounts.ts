/**
 * @module accounts
 * The people who keep the calendar: accounts the secretariat creates (each with a personal token, shown once),
 * sign-in that turns a token into a session, and who a session or a bearer token is. The writers of the
 * ADMIN_TOKEN(S) settings are secretariat accounts that live in the settings (`token:<label>`). Tokens and
 * session ids are random 256-bit values; the database keeps only their SHA-256 digests.
 */
import type { Config } from '../config.js';
import { sha256Hex } from '../core/bytes.js';
import type { Account, Lang, Role } from '../core/model.js';
import { fail, ok, type Result } from '../core/result.js';
import type { DocumentDeps } from '../documents/deps.js';
import {
  accountById,
  accountByTokenDigest,
  anyActiveAccount,
  endSessionStatement,
  insertAccountStatement,
  listAccounts,
  revokeAccountStatements,
  type Session,
  type StoredAccount,
  sessionByDigest,
  startSessionStatements,
} from '../storage/accounts-repository.js';

/** How long a session lasts after signing in: a working day and a little more. */
export const SESSION_HOURS = 12;

type AccountDeps = Pick<DocumentDeps, 'store' | 'clock' | 'config'>;

/** SHA-256 of a secret, hex. */
const digestOf = (secret: string) => sha256Hex(secret);

/** A random secret of 256 bits, URL-safe. */
function randomSecret(): string {
  const bytes = crypto.getRandomValues(new Uint8Array(32));
  return btoa(String.fromCharCode(...bytes))
    .replaceAll('+', '-')
    .replaceAll('/', '_')
    .replace(/=+$/, '');
}

/** Equal strings, compared without an early exit (digests of the same length). */
function sameDigest(a: string, b: string): boolean {
  let diff = a.length ^ b.length;
  for (let i = 0; i < a.length; i++) diff |= a.charCodeAt(i) ^ b.charCodeAt(i);
  return diff === 0;
}

/** The secretariat account of a writer of the settings. */
function settingsAccount(label: string): Account {
  return { id: `token:${label}`, label, role: 'secretariat', lang: 'de', cities: [] };
}

/** The account a token belongs to (a writer of the settings, or a stored account that is not revoked), or null. */
export async function accountOfToken(deps: AccountDeps, config: Config, token: string): Promise<Account | null> {
  const digest = await digestOf(token);
  let label: string | undefined;
  // Every writer is compared, so the time does not depend on which one matched.
  for (const writer of config.writers) if (sameDigest(digest, await digestOf(writer.token))) label ??= writer.label;
  if (label !== undefined) return settingsAccount(label);
  return accountByTokenDigest(deps.store.db, digest);
}

/** The account behind an id of a session: a writer still in the settings, or a stored account not revoked. */
async function accountOfId(deps: AccountDeps, id: string): Promise<Account | null> {
  if (id.startsWith('token:')) {
    const label = id.slice('token:'.length);
    return deps.config.writers.some((w) => w.label === label) ? settingsAccount(label) : null;
  }
  return accountById(deps.store.db, id);
}

export interface SignedIn {
  readonly account: Account;
  /** The session id for the cookie (the database keeps only its digest). */
  readonly sessionId: string;
  readonly session: Session;
}

/** Signs in with a token: a new session, or `unauthorized`. */
export async function signIn(deps: AccountDeps, token: string): Promise<Result<SignedIn, { code: 'unauthorized' }>> {
  const account = token.trim() === '' ? null : await accountOfToken(deps, deps.config, token.trim());
  if (!account) return fail({ code: 'unauthorized' });
  const at = deps.clock();
  const sessionId = randomSecret();
  const session: Session = {
    account: account.id,
    formToken: randomSecret(),
    expiresAt: new Date(at + SESSION_HOURS * 3_600_000).toISOString(),
  };
  await deps.store.batch(startSessionStatements(deps.store.db, await digestOf(sessionId), session, new Date(at).toISOString()));
  return ok({ account, sessionId, session });
}

/** The account and session a session id names, while it lasts and its account exists. */
export async function sessionOf(deps: AccountDeps, sessionId: string): Promise<{ account: Account; session: Session } | null> {
  if (sessionId === '') return null;
  const session = await sessionByDigest(deps.store.db, await digestOf(sessionId), new Date(deps.clock()).toISOString());
  if (!session) return null;
  const account = await accountOfId(deps, session.account);
  return account ? { account, session } : null;
}

/** Ends a session. */
export async function signOut(deps: AccountDeps, sessionId: string): Promise<void> {
  await deps.store.batch([endSessionStatement(deps.store.db, await digestOf(sessionId))]);
}

export interface AccountInput {
  readonly label: string;
  readonly role: Role;
  readonly lang: Lang;
  readonly cities: readonly string[];
}

/** Creates an account; its token is returned this once and kept nowhere. */
export async function createAccount(
  deps: AccountDeps,
  input: AccountInput,
  by: Account,
): Promise<Result<{ account: Account; token: string }, { code: 'invalid_input'; field: string; message: string }>> {
  if (input.label.trim() === '' || input.label.length > 100)
    return fail({ code: 'invalid_input', field: 'label', message: 'a name of 1–100 characters is required' });
  const existing = await listAccounts(deps.store.db);
  if (existing.some((a) => a.label === input.label.trim()) || deps.config.writers.some((w) => w.label === input.label.trim()))
    return fail({ code: 'invalid_input', field: 'label', message: `an account named "${input.label.trim()}" exists` });
  if (input.role === 'city-editor' && input.cities.length === 0)
    return fail({ code: 'invalid_input', field: 'cities', message: 'a city editor works for at least one city' });
  const token = randomSecret();
  const account: Account = {
    id: crypto.randomUUID(),
    label: input.label.trim(),
    role: input.role,
    lang: input.lang,
    cities: input.role === 'secretariat' ? [] : input.cities,
  };
  await deps.store.batch([
    insertAccountStatement(deps.store.db, {
      ...account,
      tokenDigest: await digestOf(token),
      createdAt: new Date(deps.clock()).toISOString(),
      createdBy: by.label,
    }),
  ]);
  return ok({ account, token });
}

/** Every stored account. */
export function accounts(deps: AccountDeps): Promise<StoredAccount[]> {
  return listAccounts(deps.store.db);
}

/** Revokes an account: its token and sessions stop working. */
export async function revokeAccount(deps: AccountDeps, id: string): Promise<void> {
  await deps.store.batch(revokeAccountStatements(deps.store.db, id, new Date(deps.clock()).toISOString()));
}

/**
 * Whether an account may change an event directly: the secretariat always; a city editor an event in which one
 * of their cities takes place or takes part, unless it is alliance-wide.
 */
export function mayEdit(
  account: Account,
  event: { readonly cities: readonly string[]; readonly participants: readonly string[]; readonly audience: string | null },
): boolean {
  if (account.role === 'secretariat') return true;
  if (event.audience !== null) return false;
  return [...event.cities, ...event.participants].some((city) => account.cities.includes(city));
}

/** Whether any account or writer exists, i.e. whether writing is possible at all. */
export async function anyWriter(deps: AccountDeps): Promise<boolean> {
  return deps.config.writers.length > 0 || (await anyActiveAccount(deps.store.db));
}
