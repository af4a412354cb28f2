#!/usr/bin/env node
// Entry point of the `lotse` command. Runs the bundled server (dist/server/lotse.mjs, built by
// `npm run build`) when it is newer than every server source file; otherwise loads the TypeScript
// sources through tsx, so a stale bundle can never run.
import { existsSync, readdirSync, statSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('../', import.meta.url));
const bundle = `${root}dist/server/lotse.mjs`;

function newestSource(dir) {
  let newest = 0;
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    if (entry.name === 'web') continue;
    const path = `${dir}/${entry.name}`;
    newest = Math.max(newest, entry.isDirectory() ? newestSource(path) : statSync(path).mtimeMs);
  }
  return newest;
}

const useBundle = process.env.LOTSE_FROM_SOURCE !== '1' && existsSync(bundle) && statSync(bundle).mtimeMs > newestSource(`${root}src`);
if (useBundle) {
  await import(bundle);
} else {
  const { register } = await import('tsx/esm/api');
  register();
  await import('../src/cli/main.ts');
}
