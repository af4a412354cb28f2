/**
 * Normalised names and domains for duplicate detection. "Caritasverband Musterstadt e.V." and
 * "caritasverband  musterstadt" compare equal; web and mail domains identify an organisation
 * unless they belong to a free-mail provider that thousands share.
 */

/** Legal forms and filler words that say nothing about which organisation is meant. */
const NOISE = new Set([
  'ev', 'e', 'v', 'gmbh', 'ggmbh', 'mbh', 'ug', 'ag', 'kg', 'ohg', 'gbr', 'eg', 'kdor', 'haftungsbeschrankt',
  'der', 'die', 'das', 'des', 'dem', 'den', 'und', 'fur', 'fuer', 'im', 'in', 'am', 'an', 'von', 'zu', 'zur', 'zum',
]);

/** Lower case, without accents, legal forms, punctuation and filler words. */
export function normalizeName(name: string): string {
  const plain = name
    .toLocaleLowerCase('de')
    .replace(/ß/g, 'ss')
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/&/g, ' und ')
    .replace(/\be\s*\.\s*v\s*\.?/g, ' ')
    .replace(/[^\p{L}\p{N}]+/gu, ' ');
  const words = plain.split(' ').filter((w) => w && !NOISE.has(w));
  // A name made only of filler words ("Die Tafel" → "tafel"; "Der Verein" → "verein") keeps its words.
  return (words.length ? words : plain.split(' ').filter(Boolean)).join(' ');
}

/** Free-mail and mass hosters: the same domain there says nothing. */
export const SHARED_MAIL_DOMAINS = new Set([
  'gmail.com', 'googlemail.com', 'web.de', 'gmx.de', 'gmx.net', 'gmx.com', 't-online.de', 'yahoo.com', 'yahoo.de', 'outlook.com', 'outlook.de',
  'hotmail.com', 'hotmail.de', 'live.de', 'live.com', 'icloud.com', 'me.com', 'aol.com', 'freenet.de', 'posteo.de', 'mailbox.org', 'arcor.de',
  'online.de', 'proton.me', 'protonmail.com', 'email.de', 'example.com', 'example.org',
]);

function host(value: string): string | null {
  try {
    const url = new URL(/^[a-z][a-z0-9+.-]*:\/\//i.test(value) ? value : `https://${value}`);
    return url.hostname.toLowerCase().replace(/^www\./, '') || null;
  } catch {
    return null;
  }
}

/** The identifying domains of a website and an e-mail address. */
export function domainsOf(website: string | null | undefined, email: string | null | undefined): string[] {
  const out = new Set<string>();
  if (website?.trim()) {
    const h = host(website.trim());
    if (h?.includes('.') && !SHARED_MAIL_DOMAINS.has(h)) out.add(h);
  }
  const at = email?.trim().lastIndexOf('@') ?? -1;
  if (email && at > 0) {
    const d = email.trim().slice(at + 1).toLowerCase().replace(/^www\./, '');
    if (d.includes('.') && !SHARED_MAIL_DOMAINS.has(d)) out.add(d);
  }
  return [...out];
}

/** Digits of a phone number with a German country code folded to the national 0. */
export function phoneDigits(phone: string | null | undefined): string {
  const digits = (phone ?? '').replace(/[^0-9+]/g, '').replace(/^\+49/, '0').replace(/^0049/, '0').replace(/\+/g, '');
  return digits;
}
