#!/usr/bin/env node
// `npm test`: the whole suite on the embedded database (PGlite), again on PostgreSQL, then the
// browser tests in Chromium. PostgreSQL comes from LOTSE_TEST_PG_URL (default: the local server);
// set LOTSE_TEST_SKIP_POSTGRES=1 on a machine without one. Extra args go to vitest.
import { spawnSync } from 'node:child_process';

const args = process.argv.slice(2);
const run = (label, command, commandArgs, env = {}) => {
  console.log(`\n=== ${label} ===`);
  const r = spawnSync(command, commandArgs, { stdio: 'inherit', env: { ...process.env, ...env } });
  if (r.status !== 0) {
    console.error(`\n${label}: failed`);
    process.exit(r.status ?? 1);
  }
};

const vitest = ['node_modules/vitest/vitest.mjs', 'run'];
run('unit and API tests on PGlite', process.execPath, [...vitest, ...args], { LOTSE_TEST_DB: 'pglite' });
if (process.env.LOTSE_TEST_SKIP_POSTGRES !== '1') {
  run('unit and API tests on PostgreSQL', process.execPath, [...vitest, ...args], { LOTSE_TEST_DB: 'postgres' });
}
if (process.env.LOTSE_TEST_SKIP_BROWSER !== '1') {
  run('web build', process.execPath, ['node_modules/vite/bin/vite.js', 'build', '--logLevel', 'warn']);
  run('browser tests in Chromium', process.execPath, [...vitest, '--config', 'vitest.browser.config.ts', ...args]);
}
