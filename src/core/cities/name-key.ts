/**
 * @module name-key
 * Matching of city names as people type them: case-, accent- and apostrophe-insensitive, in any script.
 */

const APOSTROPHES = /['’‘`´ʼ]/g;

/** The lookup key of a name: `Köln`/`KOLN` → `koln`, `Ma’anshan` → `maanshan`, `Rhein-Kreis Neuss` → `rhein-kreis-neuss`. */
export function nameKey(name: string): string {
  return name
    .normalize('NFKD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/ß/g, 'ss')
    .replace(APOSTROPHES, '')
    .replace(/[^\p{L}\p{N}]+/gu, '-')
    .replace(/^-+|-+$/g, '');
}

/**
 * Every key a stored name answers to: the plain key and, for German umlauts, the transcription
 * (`Köln` answers to `koln` and `koeln`, `Düren` to `duren` and `dueren`).
 */
export function storedKeys(name: string): string[] {
  const transcribed = name.replace(/[äöüÄÖÜ]/g, (c) => ({ ä: 'ae', ö: 'oe', ü: 'ue', Ä: 'Ae', Ö: 'Oe', Ü: 'Ue' })[c] ?? c);
  return [...new Set([nameKey(name), nameKey(transcribed)])].filter((key) => key.length > 0);
}
