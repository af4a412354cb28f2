import type { LocalizedText } from './taxonomy.table.ts';

/** The text in `lang`, else in the fallback language, else any. */
export function pickLocalized(text: LocalizedText | null | undefined, lang: string, fallback = 'de'): string {
  if (!text) return '';
  return text[lang] || text[fallback] || Object.values(text)[0] || '';
}
