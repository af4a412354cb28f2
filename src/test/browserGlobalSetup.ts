import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { TestProject } from 'vitest/node';

declare module 'vitest' {
  export interface ProvidedContext {
    /** An embedded data directory with the demo data, seeded once per browser run; servers start on copies. */
    browserDataTemplate: string;
  }
}

export default function setup(project: TestProject): () => void {
  const dir = mkdtempSync(join(tmpdir(), 'lotse-browser-template-'));
  const r = spawnSync(process.execPath, ['bin/lotse.mjs', 'seed', '--demo'], {
    cwd: fileURLToPath(new URL('../../', import.meta.url)),
    env: { ...process.env, LOTSE_DATA_DIR: dir, DATABASE_URL: '', LOG_LEVEL: 'warn' },
    encoding: 'utf8',
  });
  if (r.status !== 0) throw new Error(`seeding the browser-test template failed:\n${r.stdout}\n${r.stderr}`);
  project.provide('browserDataTemplate', dir);
  return () => rmSync(dir, { recursive: true, force: true });
}
