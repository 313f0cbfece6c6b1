/**
 * @module accounts-repository
 * Accounts of the people who keep the calendar and their sign-in sessions. Tokens and session ids are stored
 * only as digests (the callers hash them), so a copy of the database signs no one in.
 */
import type { Kysely, Selectable } from 'kysely';
import type { Account } from '../core/model.js';
import type { AccountsTable, Database } from './schema.js';

export interface NewAccount extends Account {
  readonly tokenDigest: string;
  readonly createdAt: string;
  readonly createdBy: string;
}

export interface StoredAccount extends Account {
  readonly createdAt: string;
  readonly createdBy: string;
  readonly revokedAt: string | null;
}

export interface Session {
  readonly account: string;
  /** The token every form of the session carries (CSRF). */
  readonly formToken: string;
  readonly expiresAt: string;
}

function toAccount(row: Selectable<AccountsTable>): StoredAccount {
  return {
    id: row.id,
    label: row.label,
    role: row.role,
    lang: row.lang,
    cities: JSON.parse(row.cities) as string[],
    createdAt: row.created_at,
    createdBy: row.created_by,
    revokedAt: row.revoked_at,
  };
}

/** The statement adding an account. */
export function insertAccountStatement(db: Kysely<Database>, account: NewAccount) {
  return db.insertInto('accounts').values({
    id: account.id,
    label: account.label,
    role: account.role,
    lang: account.lang,
    cities: JSON.stringify(account.cities),
    token_digest: account.tokenDigest,
    created_at: account.createdAt,
    created_by: account.createdBy,
    revoked_at: null,
  });
}

/** The account a sign-in token's digest belongs to, unless revoked. */
export async function accountByTokenDigest(db: Kysely<Database>, digest: string): Promise<StoredAccount | null> {
  const row = await db
    .selectFrom('accounts')
    .selectAll()
    .where('token_digest', '=', digest)
    .where('revoked_at', 'is', null)
    .executeTakeFirst();
  return row ? toAccount(row) : null;
}

/** An account by id, unless revoked. */
export async function accountById(db: Kysely<Database>, id: string): Promise<StoredAccount | null> {
  const row = await db.selectFrom('accounts').selectAll().where('id', '=', id).where('revoked_at', 'is', null).executeTakeFirst();
  return row ? toAccount(row) : null;
}

/** Every account, revoked ones too, by label. */
export async function listAccounts(db: Kysely<Database>): Promise<StoredAccount[]> {
  return (await db.selectFrom('accounts').selectAll().orderBy('label').execute()).map(toAccount);
}

/** Whether any account is not revoked (one indexed read). */
export async function anyActiveAccount(db: Kysely<Database>): Promise<boolean> {
  return (await db.selectFrom('accounts').select('id').where('revoked_at', 'is', null).limit(1).executeTakeFirst()) !== undefined;
}

/** The statements revoking an account and ending its sessions. */
export function revokeAccountStatements(db: Kysely<Database>, id: string, at: string) {
  return [
    db.updateTable('accounts').set({ revoked_at: at }).where('id', '=', id).where('revoked_at', 'is', null),
    db.deleteFrom('sessions').where('account', '=', id),
  ];
}

/** The statements starting a session (and removing sessions that have expired). */
export function startSessionStatements(db: Kysely<Database>, digest: string, session: Session, at: string) {
  return [
    db.deleteFrom('sessions').where('expires_at', '<=', at),
    db.insertInto('sessions').values({
      id_digest: digest,
      account: session.account,
      form_token: session.formToken,
      created_at: at,
      expires_at: session.expiresAt,
    }),
  ];
}

/** The session a session id's digest names, unless it has expired by `at`. */
export async function sessionByDigest(db: Kysely<Database>, digest: string, at: string): Promise<Session | null> {
  const row = await db
    .selectFrom('sessions')
    .select(['account', 'form_token', 'expires_at'])
    .where('id_digest', '=', digest)
    .where('expires_at', '>', at)
    .executeTakeFirst();
  return row ? { account: row.account, formToken: row.form_token, expiresAt: row.expires_at } : null;
}

/** The statement ending a session. */
export function endSessionStatement(db: Kysely<Database>, digest: string) {
  return db.deleteFrom('sessions').where('id_digest', '=', digest);
}
