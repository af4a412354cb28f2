// talisman ships CommonJS without type declarations; these are the two functions persons use.
declare module 'talisman/phonetics/german/cologne.js' {
  /** Kölner Phonetik code of one word, e.g. "Müller" → "657". */
  export default function cologne(name: string): string;
}

declare module 'talisman/phonetics/double-metaphone.js' {
  /** Primary and secondary Double Metaphone codes (at most 4 characters each). */
  export default function doubleMetaphone(name: string): [string, string];
}
