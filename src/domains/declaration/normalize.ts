/**
 * Keys for duplicate detection. Two sign-ups are the same organisation when their names agree
 * after case folding, umlaut and accent folding, "&" → "und", punctuation removed and a trailing
 * legal form dropped: "Caritasverband Musterstadt e. V." = "caritasverband musterstadt".
 */
const LEGAL_FORMS = ['e v', 'ev', 'ggmbh', 'gmbh', 'mbh', 'gug', 'ug', 'ag', 'kg', 'eg', 'gbr', 'kdor', 'ohg', 'se', 'kdoer'];

export function organisationKey(name: string): string {
  let s = name
    .toLowerCase()
    .replaceAll('ß', 'ss')
    .replaceAll('ä', 'ae')
    .replaceAll('ö', 'oe')
    .replaceAll('ü', 'ue')
    .normalize('NFKD')
    .replace(/\p{M}+/gu, '')
    .replace(/&|\+/g, ' und ')
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim()
    .replace(/\s+/g, ' ');
  // Drop trailing legal forms (possibly several: "… gGmbH i. G." is rare enough to ignore).
  for (let changed = true; changed; ) {
    changed = false;
    for (const form of LEGAL_FORMS) {
      if (s.endsWith(` ${form}`) && s.length > form.length + 2) {
        s = s.slice(0, -(form.length + 1)).trim();
        changed = true;
      }
    }
  }
  return s;
}

/** E-mail addresses compare case-insensitively (the local part is case-insensitive in practice). */
export function emailKey(email: string): string {
  return email.trim().toLowerCase();
}

/**
 * The rate-limit subject of a client address: IPv4 as is (also when IPv4-mapped), IPv6 by its
 * /64 prefix, since one connection usually owns a whole /64.
 */
export function addressSubject(ip: string): string {
  const mapped = /^::ffff:(\d+\.\d+\.\d+\.\d+)$/i.exec(ip);
  if (mapped) return mapped[1]!;
  if (!ip.includes(':')) return ip;
  const [head = '', tail = ''] = ip.toLowerCase().split('%')[0]!.split('::');
  const headParts = head ? head.split(':') : [];
  const tailParts = tail ? tail.split(':') : [];
  const missing = Math.max(0, 8 - headParts.length - tailParts.length);
  const full = ip.includes('::') ? [...headParts, ...Array<string>(missing).fill('0'), ...tailParts] : headParts;
  return `${full
    .slice(0, 4)
    .map((p) => p.replace(/^0+(?=.)/, ''))
    .join(':')}::/64`;
}
