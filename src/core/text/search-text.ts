/**
 * @module search-text
 * The normalised text the search index holds and the FTS5 queries that read it (SQLite FTS5, the same on D1).
 *
 * No FTS5 tokenizer does what readers of this calendar expect: `unicode61` keeps a run of Chinese characters as
 * one token (`佛山全体大会` would only match whole), and `trigram` never matches a query of two characters
 * (`佛山`). Nor does any tokenizer make `Koeln` or `Koln` match `Köln`. So the index holds tokens we make:
 *
 * - Han characters as overlapping bigrams, each run ending with its last character alone, so that a query of
 *   one character (as a prefix), of two (one token) or of more (a phrase of consecutive bigrams) finds any
 *   substring;
 * - other words in lower case after NFKC (full-width letters and digits become ASCII), once with the German
 *   transliteration (ä → ae, ö → oe, ü → ue, ß → ss) and, where different, once with the marks dropped
 *   (ä → a), other accents dropped in both: `Köln` is indexed as `koeln koln`, so `Köln`, `Koeln` and `Koln`
 *   all find it.
 */

const HAN = /\p{Script=Han}/u;
const RUNS = /\p{Script=Han}+|(?:(?!\p{Script=Han})[\p{L}\p{N}\p{M}])+/gu;
const MARKS = /\p{M}/gu;

/** `ä → ae` style, then the remaining accents dropped. */
function transliterated(word: string): string {
  return word.replace(/ä/g, 'ae').replace(/ö/g, 'oe').replace(/ü/g, 'ue').replace(/ß/g, 'ss').normalize('NFD').replace(MARKS, '');
}

/** Accents dropped (`ä → a`), `ß → ss`. */
function unmarked(word: string): string {
  return word.replace(/ß/g, 'ss').normalize('NFD').replace(MARKS, '');
}

/** The runs of a text: Han runs and other words, in lower case after NFKC. */
function runs(text: string): string[] {
  return text.normalize('NFKC').toLowerCase().match(RUNS) ?? [];
}

/** The tokens of a Han run: its bigrams, then its last character. */
function hanTokens(run: string): string[] {
  const chars = [...run];
  const tokens: string[] = [];
  for (let i = 0; i + 1 < chars.length; i++) tokens.push(`${chars[i]}${chars[i + 1]}`);
  tokens.push(chars.at(-1) ?? '');
  return tokens;
}

/** What the index holds for a text: its tokens, separated by spaces. */
export function searchIndexText(text: string): string {
  const tokens: string[] = [];
  for (const run of runs(text)) {
    if (HAN.test(run)) tokens.push(...hanTokens(run));
    else {
      const a = transliterated(run);
      const b = unmarked(run);
      tokens.push(a);
      if (b !== a) tokens.push(b);
    }
  }
  return tokens.join(' ');
}

/** A term of a query as FTS5 syntax: a phrase of Han bigrams, or a word's transliteration as a prefix. */
function termQuery(run: string): string {
  if (!HAN.test(run)) return `"${transliterated(run)}"*`;
  const chars = [...run];
  if (chars.length === 1) return `"${run}"*`;
  // Tokens hold only letters, digits and Han characters: quoting needs no escaping.
  return `"${hanTokens(run).slice(0, -1).join(' ')}"`;
}

/** The most terms a query may have: longer queries are not what people type into a calendar's search. */
export const MAX_SEARCH_TERMS = 8;

/**
 * The terms of a query (the words and Han runs people typed, at most MAX_SEARCH_TERMS), each as an FTS5
 * expression of its own; all must match. Empty when the query has no letters or digits.
 */
export function searchTerms(query: string): Array<{ readonly text: string; readonly match: string }> {
  return runs(query)
    .slice(0, MAX_SEARCH_TERMS)
    .map((run) => ({ text: run, match: termQuery(run) }));
}

/**
 * Whether a term matches a text as the index would: the text's tokens (`searchIndexText`, made once by the
 * caller) contain the term's as a prefix or a phrase.
 */
export function termMatchesIndexed(term: string, indexed: string): boolean {
  const tokens = ` ${indexed} `;
  if (HAN.test(term)) {
    const chars = [...term];
    return chars.length === 1 ? tokens.includes(` ${term}`) : tokens.includes(` ${hanTokens(term).slice(0, -1).join(' ')} `);
  }
  return tokens.includes(` ${transliterated(term)}`);
}
