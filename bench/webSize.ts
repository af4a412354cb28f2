import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { gzipSync } from 'node:zlib';

/**
 * The JavaScript a first visit must load for an HTML entry: its module scripts plus the
 * modulepreload links Vite writes. Lazy chunks (loaded on navigation) are not counted.
 */
export function initialJsSize(htmlFile: string): { rawBytes: number; gzipBytes: number; files: string[] } {
  const html = readFileSync(htmlFile, 'utf8');
  const root = dirname(htmlFile);
  const srcs = new Set<string>();
  for (const m of html.matchAll(/<script\b[^>]*\btype=["']module["'][^>]*\bsrc=["']([^"']+)["']/g)) srcs.add(m[1]!);
  for (const m of html.matchAll(/<script\b[^>]*\bsrc=["']([^"']+)["'][^>]*\btype=["']module["']/g)) srcs.add(m[1]!);
  for (const m of html.matchAll(/<link\b[^>]*\brel=["']modulepreload["'][^>]*\bhref=["']([^"']+)["']/g)) srcs.add(m[1]!);
  for (const m of html.matchAll(/<link\b[^>]*\bhref=["']([^"']+)["'][^>]*\brel=["']modulepreload["']/g)) srcs.add(m[1]!);
  if (srcs.size === 0) throw new Error(`no module script in ${htmlFile}`);
  let rawBytes = 0;
  let gzipBytes = 0;
  for (const src of srcs) {
    // Built paths are absolute from the site root ("/assets/x.js").
    const body = readFileSync(join(root, src.replace(/^\//, '').split('?')[0]!));
    rawBytes += body.length;
    gzipBytes += gzipSync(body, { level: 9 }).length;
  }
  return { rawBytes, gzipBytes, files: [...srcs].map((s) => s.replace(/^.*\//, '')) };
}
