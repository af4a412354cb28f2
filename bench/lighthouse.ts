import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join } from 'node:path';

export interface LighthouseScores {
  performance: number;
  accessibility: number;
  lcpMs: number;
  tbtMs: number;
  cls: number;
}

/**
 * Lighthouse (mobile preset: emulated phone, simulated slow 4G and CPU throttling) against Debian's
 * Chromium. Returns null when lighthouse is not installed (it is an optional dev dependency).
 */
export async function runLighthouse(url: string, root: string): Promise<LighthouseScores | null> {
  const cli = join(root, 'node_modules/lighthouse/cli/index.js');
  if (!existsSync(cli)) return null;
  const child = spawn(
    process.execPath,
    [
      cli,
      url,
      '--quiet',
      '--output=json',
      '--output-path=stdout',
      '--only-categories=performance,accessibility',
      '--chrome-flags=--headless --no-sandbox --disable-gpu --disable-background-networking',
    ],
    { env: { ...process.env, CHROME_PATH: process.env.CHROME_PATH ?? '/usr/bin/chromium' }, stdio: ['ignore', 'pipe', 'pipe'] },
  );
  let out = '';
  let err = '';
  child.stdout.on('data', (d) => (out += d));
  child.stderr.on('data', (d) => (err += d));
  const code = await new Promise<number | null>((resolve) => child.once('exit', resolve));
  if (code !== 0) throw new Error(`lighthouse exited with ${code}: ${err.slice(-2000)}`);
  const report = JSON.parse(out) as {
    categories: Record<string, { score: number | null }>;
    audits: Record<string, { numericValue?: number; score: number | null; title: string }>;
  };
  const score = (c: string) => Math.round((report.categories[c]?.score ?? 0) * 100);
  const failing = Object.entries(report.audits)
    .filter(([, a]) => a.score !== null && a.score < 1)
    .map(([id]) => id);
  if (score('accessibility') < 100 || score('performance') < 90) console.log(`[bench] lighthouse ${url}: audits below full score: ${failing.join(', ')}`);
  return {
    performance: score('performance'),
    accessibility: score('accessibility'),
    lcpMs: Math.round(report.audits['largest-contentful-paint']?.numericValue ?? 0),
    tbtMs: Math.round(report.audits['total-blocking-time']?.numericValue ?? 0),
    cls: Math.round((report.audits['cumulative-layout-shift']?.numericValue ?? 0) * 1000) / 1000,
  };
}
