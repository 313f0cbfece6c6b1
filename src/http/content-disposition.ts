/**
 * @module content-disposition
 * `Content-Disposition` (RFC 6266) with an ASCII fallback name and the UTF-8 one as an ext-value (RFC 8187).
 */

/**
 * A value in RFC 8187 §3.2.1 `attr-char`s, every other octet percent-encoded. encodeURIComponent leaves
 * `'`, `(`, `)` and `*` alone, which attr-char does not allow.
 */
function extValue(text: string): string {
  return encodeURIComponent(text).replace(/['()*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`);
}

/** `inline; filename="…"; filename*=UTF-8''…`. */
export function contentDisposition(type: 'inline' | 'attachment', name: string): string {
  const ascii = name
    .normalize('NFKD')
    .replace(/[^\x20-\x7E]/g, '')
    .replace(/["\\]/g, '');
  return `${type}; filename="${ascii}"; filename*=UTF-8''${extValue(name)}`;
}
