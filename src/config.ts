/**
 * @module config
 * Site settings from environment variables (Node) or bindings (Workers), checked once and strictly: a setting
 * that could be read two ways is refused with a SettingError naming it, never guessed at. Node prints that one
 * line and exits; the Worker answers `503 misconfigured` naming the setting.
 */

export interface Writer {
  readonly label: string;
  readonly token: string;
}

export interface Config {
  /** Base of links in feeds, calendars and pages, without a trailing slash. */
  readonly publicUrl: string;
  /** Right-hand side of every calendar UID; set once per deployment and never changed. */
  readonly uidDomain: string;
  /** Who may write: bearer tokens and the labels the change history records. None: writes are disabled. */
  readonly writers: readonly Writer[];
  /** Origins besides PUBLIC_URL's own whose pages may write from a browser (WRITE_ORIGINS). */
  readonly writeOrigins: readonly string[];
  /** Who provides the calendar, for the imprint and the privacy notice; null until set. */
  readonly operator?: Operator | null;
}

/** The provider's details (OPERATOR_NAME, OPERATOR_ADDRESS with lines separated by `;`, OPERATOR_EMAIL). */
export interface Operator {
  readonly name: string;
  readonly address: readonly string[];
  readonly email: string | null;
}

/** The settings read, by name (environment variables on Node, bindings on Workers); anything else is ignored. */
export type Settings = {
  readonly [name in
    | 'PUBLIC_URL'
    | 'UID_DOMAIN'
    | 'ADMIN_TOKEN'
    | 'ADMIN_TOKENS'
    | 'WRITE_ORIGINS'
    | 'OPERATOR_NAME'
    | 'OPERATOR_ADDRESS'
    | 'OPERATOR_EMAIL']?: unknown;
};

/** A setting that cannot be used, and which one. */
export class SettingError extends Error {
  constructor(
    readonly setting: string,
    message: string,
  ) {
    super(`setting ${setting}: ${message}`);
  }
}

/** An origin (`https://host[:port]`) of an http(s) URL, or null. */
function httpOrigin(value: string): string | null {
  try {
    const url = new URL(value);
    return url.protocol === 'http:' || url.protocol === 'https:' ? url.origin : null;
  } catch {
    return null;
  }
}

// A token is a secret: long enough not to be guessed, and free of separators and spaces.
const TOKEN = /^[A-Za-z0-9._~+/-]{16,256}$/;
const LABEL = /^[A-Za-z0-9._-]{1,64}$/;
const TOKEN_RULE = 'tokens are 16–256 letters, digits or . _ ~ + / -';

/** A string setting, or undefined when unset or empty. */
function text(env: Settings, name: keyof Settings): string | undefined {
  const value = env[name];
  if (value === undefined || value === '') return undefined;
  if (typeof value !== 'string') throw new SettingError(name, 'must be text');
  return value;
}

/**
 * `ADMIN_TOKEN` (label `admin`) and `ADMIN_TOKENS` (`label=token,label=token`): each pair has exactly one `=`,
 * labels and tokens follow their rules, and no label or token appears twice.
 */
function parseWriters(env: Settings): Writer[] {
  const writers: Writer[] = [];
  const single = text(env, 'ADMIN_TOKEN');
  if (single !== undefined) {
    if (!TOKEN.test(single)) throw new SettingError('ADMIN_TOKEN', TOKEN_RULE);
    writers.push({ label: 'admin', token: single });
  }
  const pairs = text(env, 'ADMIN_TOKENS');
  if (pairs !== undefined) {
    for (const [i, pair] of pairs.split(',').entries()) {
      const parts = pair.trim().split('=');
      if (parts.length !== 2) throw new SettingError('ADMIN_TOKENS', `entry ${i + 1} must be label=token with exactly one "="`);
      const [label = '', token = ''] = parts;
      if (!LABEL.test(label)) throw new SettingError('ADMIN_TOKENS', `entry ${i + 1}: labels are 1–64 letters, digits, ".", "_" or "-"`);
      if (!TOKEN.test(token)) throw new SettingError('ADMIN_TOKENS', `entry ${i + 1} ("${label}"): ${TOKEN_RULE}`);
      writers.push({ label, token });
    }
  }
  const labels = new Set(writers.map((w) => w.label));
  const tokens = new Set(writers.map((w) => w.token));
  if (labels.size !== writers.length) throw new SettingError(pairs === undefined ? 'ADMIN_TOKEN' : 'ADMIN_TOKENS', 'a label appears twice');
  if (tokens.size !== writers.length) throw new SettingError(pairs === undefined ? 'ADMIN_TOKEN' : 'ADMIN_TOKENS', 'a token appears twice');
  return writers;
}

/** The provider's details, or null when none is set; an address or e-mail without a name is refused. */
function parseOperator(env: Settings): Operator | null {
  const name = text(env, 'OPERATOR_NAME')?.trim();
  const address = (text(env, 'OPERATOR_ADDRESS') ?? '')
    .split(';')
    .map((line) => line.trim())
    .filter(Boolean);
  const email = text(env, 'OPERATOR_EMAIL')?.trim() ?? null;
  if (email !== null && !/^[^\s@]+@[^\s@]+$/.test(email)) throw new SettingError('OPERATOR_EMAIL', 'must be an e-mail address');
  if (!name) {
    if (address.length > 0 || email !== null)
      throw new SettingError('OPERATOR_NAME', 'is required with OPERATOR_ADDRESS or OPERATOR_EMAIL');
    return null;
  }
  return { name, address, email };
}

/** Parses the settings; throws a SettingError naming the one at fault. */
export function parseConfig(env: Settings): Config {
  const publicUrl = text(env, 'PUBLIC_URL');
  if (publicUrl === undefined) throw new SettingError('PUBLIC_URL', 'is required');
  if (!httpOrigin(publicUrl)) throw new SettingError('PUBLIC_URL', 'must be an http(s) URL');
  const uidDomain = text(env, 'UID_DOMAIN') ?? 'isa-calendar.invalid';
  if (!/^[A-Za-z0-9.-]+$/.test(uidDomain)) throw new SettingError('UID_DOMAIN', 'must be a domain name');
  const writeOrigins = (text(env, 'WRITE_ORIGINS') ?? '')
    .split(',')
    .map((o) => o.trim())
    .filter(Boolean)
    .map((o) => {
      const origin = httpOrigin(o);
      if (!origin || origin !== o.replace(/\/+$/, ''))
        throw new SettingError('WRITE_ORIGINS', `"${o}" is not an origin such as https://example.org`);
      return origin;
    });
  return { publicUrl: publicUrl.replace(/\/+$/, ''), uidDomain, writers: parseWriters(env), writeOrigins, operator: parseOperator(env) };
}

/** A whole number setting within bounds, or its default when unset. */
export function numberSetting(env: Readonly<Record<string, unknown>>, name: string, fallback: number, min: number, max: number): number {
  const value = env[name];
  if (value === undefined || value === '') return fallback;
  const n = typeof value === 'number' ? value : Number(value);
  if (!Number.isInteger(n) || n < min || n > max) throw new SettingError(name, `a whole number from ${min} to ${max}`);
  return n;
}
