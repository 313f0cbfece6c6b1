/**
 * @module views/qr-code
 * A QR code as inline SVG (uqr encodes and draws; it runs on Node and Workers alike), labelled for screen
 * readers. Error correction M survives a phone camera at an angle; a quiet zone of four modules is what
 * ISO/IEC 18004 asks for, so scanners find the code on any background.
 */
import escapeHtml from 'escape-html';
import { raw } from 'hono/html';
import { renderSVG } from 'uqr';
import { LruMap } from '../../core/lru-map.js';

/** Codes drawn before: a site has a few hundred subscribe addresses, each page shows two. */
const drawn = new LruMap<string>({ entries: 2_000 });

/** The code of `text` as an `<svg role="img">` named `label` (escaped), sized by the stylesheet (`.qr`). */
export function qrCode(text: string, label: string) {
  const key = `${text}\n${label}`;
  let svg = drawn.get(key);
  if (svg === undefined) {
    svg = renderSVG(text, { ecc: 'M', border: 4, pixelSize: 1 }).replace(
      '<svg ',
      `<svg class="qr" role="img" aria-label="${escapeHtml(label)}" `,
    );
    drawn.set(key, svg);
  }
  return raw(svg);
}
