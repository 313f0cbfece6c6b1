/**
 * @module legacy-decoder
 * Windows-1252 and GB18030 on Node by iconv-lite: Node 20's TextDecoder decodes the bytes 0x80–0x9F of
 * Windows-1252 as C1 controls instead of „ “ € … (its Latin-1 fast path), which a spreadsheet saved by German
 * Excel is full of. Workers decode with their own TextDecoder (core/import/csv-items.ts webDecoder).
 */
import iconv from 'iconv-lite';
import type { LegacyDecoder } from '../../core/import/csv-items.js';

/** Decodes with iconv-lite's tables. */
export const nodeLegacyDecoder: LegacyDecoder = (bytes, charset) => iconv.decode(bytes, charset);
