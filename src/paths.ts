import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

/**
 * The installation's root directory (where package.json is), found from this module's location, so
 * the same paths work from the TypeScript sources (tsx) and from the bundled server in dist/server.
 */
function findRoot(): string {
  let dir = dirname(fileURLToPath(import.meta.url));
  for (let i = 0; i < 6; i++) {
    if (existsSync(join(dir, 'package.json'))) return dir;
    dir = dirname(dir);
  }
  throw new Error('cannot find the Lotse installation directory (package.json)');
}

export const ROOT_DIR = findRoot();
export const MIGRATIONS_DIR = join(ROOT_DIR, 'src/db/migrations');
export const PGLITE_WORKER_FILE = join(ROOT_DIR, 'src/db/pglite.worker.mjs');
export const WEB_DIST_DIR = join(ROOT_DIR, 'dist/web');
