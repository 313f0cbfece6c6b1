/**
 * @module localize
 * Language fallback for event text: the requested language, then English, German, Chinese.
 */
import type { Lang, LocalizedText } from '../model.js';

/** The text in the first available language of requested → en → de → zh, with the language used. */
export function pickText(text: LocalizedText, lang: Lang): { lang: Lang; text: string } | null {
  for (const candidate of [lang, 'en', 'de', 'zh'] as const) {
    const value = text[candidate];
    if (value !== undefined && value !== '') return { lang: candidate, text: value };
  }
  return null;
}
