import { describe, expect, it } from 'vitest';
import { parseConfig, SettingError } from '../src/config.js';

const base = { PUBLIC_URL: 'https://isa.example.org/' };
const refused = (settings: Record<string, string>) => {
  try {
    parseConfig({ ...base, ...settings });
  } catch (error) {
    if (error instanceof SettingError) return error.setting;
    throw error;
  }
  return null;
};

describe('settings', () => {
  it('reads tokens, labels, origins and the UID domain', () => {
    const config = parseConfig({
      ...base,
      ADMIN_TOKEN: 'admin-token-0123456789',
      ADMIN_TOKENS: 'berlin=berlin-token-0123456789, foshan=foshan-token-0123456789',
      WRITE_ORIGINS: 'https://editor.example.org',
    });
    expect(config.publicUrl).toBe('https://isa.example.org');
    expect(config.uidDomain).toBe('isa-calendar.invalid');
    expect(config.writers.map((w) => w.label)).toEqual(['admin', 'berlin', 'foshan']);
    expect(config.writeOrigins).toEqual(['https://editor.example.org']);
  });

  it('reads the provider of the imprint, and refuses an address without a name', () => {
    const config = parseConfig({
      ...base,
      OPERATOR_NAME: 'Sekretariat der Industriestädteallianz',
      OPERATOR_ADDRESS: 'Musterstraße 1; 10115 Berlin',
      OPERATOR_EMAIL: 'kalender@example.org',
    });
    expect(config.operator).toEqual({
      name: 'Sekretariat der Industriestädteallianz',
      address: ['Musterstraße 1', '10115 Berlin'],
      email: 'kalender@example.org',
    });
    expect(parseConfig(base).operator).toBeNull();
    expect(refused({ OPERATOR_ADDRESS: 'Musterstraße 1' })).toBe('OPERATOR_NAME');
    expect(refused({ OPERATOR_NAME: 'X', OPERATOR_EMAIL: 'not an address' })).toBe('OPERATOR_EMAIL');
  });

  it('regression: ADMIN_TOKENS=ci=abc=def was cut at the second "="; ambiguous settings are refused, naming them', () => {
    expect(refused({ ADMIN_TOKENS: 'ci=abcdefghijklmnop=qrstuvwxyz' })).toBe('ADMIN_TOKENS');
    expect(refused({ ADMIN_TOKENS: 'ci' })).toBe('ADMIN_TOKENS');
    expect(refused({ ADMIN_TOKENS: 'ci=short' })).toBe('ADMIN_TOKENS');
    expect(refused({ ADMIN_TOKENS: 'a=token-0123456789abcdef,' })).toBe('ADMIN_TOKENS');
    expect(refused({ ADMIN_TOKENS: 'a=token-0123456789abcdef,a=token-0123456789abcdeg' })).toBe('ADMIN_TOKENS');
    expect(refused({ ADMIN_TOKENS: 'a=token-0123456789abcdef,b=token-0123456789abcdef' })).toBe('ADMIN_TOKENS');
    expect(refused({ ADMIN_TOKEN: 'has spaces in it 0123' })).toBe('ADMIN_TOKEN');
    expect(refused({ PUBLIC_URL: 'ftp://example.org' })).toBe('PUBLIC_URL');
    expect(refused({ UID_DOMAIN: 'not a domain' })).toBe('UID_DOMAIN');
    expect(refused({ WRITE_ORIGINS: 'https://example.org/path' })).toBe('WRITE_ORIGINS');
  });
});
