import { describe, expect, it } from 'vitest';
import { contentDisposition } from '../../src/http/content-disposition.js';

describe('Content-Disposition (RFC 6266, RFC 8187)', () => {
  it("regression: filename* left ' ( ) * unencoded, which RFC 8187 attr-char does not allow", () => {
    const header = contentDisposition('attachment', "isa-(köln)*'s.ics");
    const ext = /filename\*=UTF-8''(.+)$/.exec(header)?.[1] ?? '';
    // attr-char = ALPHA / DIGIT / "!" / "#" / "$" / "&" / "+" / "-" / "." / "^" / "_" / "`" / "|" / "~", else %XX.
    expect(ext).toMatch(/^(?:[A-Za-z0-9!#$&+\-.^_`|~]|%[0-9A-F]{2})+$/);
    expect(ext).toBe('isa-%28k%C3%B6ln%29%2A%27s.ics');
    expect(decodeURIComponent(ext)).toBe("isa-(köln)*'s.ics");
    expect(header).toMatch(/^attachment; filename="isa-\(koln\)\*'s\.ics"; /);
  });

  it('keeps the ASCII fallback free of quotes and backslashes', () => {
    expect(contentDisposition('inline', 'a"b\\c.ics')).toBe(`inline; filename="abc.ics"; filename*=UTF-8''a%22b%5Cc.ics`);
  });
});
