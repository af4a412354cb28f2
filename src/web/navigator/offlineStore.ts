// IndexedDB storage of the tenant's directory and profile per language, for offline use.
import type { DirectorySnapshot } from '../../shared/contracts/offerPublic.ts';
import type { PublicTenantProfile } from '../../shared/contracts/tenant.ts';

const DB_NAME = 'lotse-navigator';
const STORE = 'snapshots';

/**
 * The directory is stored as the raw JSON text: writing a string to IndexedDB is a cheap copy,
 * while cloning the parsed object (870 KB for 150 offers) blocks the main thread. It is parsed
 * only when the device is offline.
 */
export interface StoredDirectory {
  text: string;
  etag: string | null;
  storedAt: string;
  count: number;
  generatedAt: string | null;
}

/** Offer count and generation time from the raw text, without parsing all of it. */
export function describeDirectory(text: string): { count: number; generatedAt: string | null } {
  let count = 0;
  for (let i = text.indexOf('"jsonLd":'); i !== -1; i = text.indexOf('"jsonLd":', i + 9)) count++;
  const generatedAt = /"generatedAt":"([^"]+)"/.exec(text)?.[1] ?? null;
  return { count, generatedAt };
}

let dbPromise: Promise<IDBDatabase> | null = null;

function openDb(): Promise<IDBDatabase> {
  if (!dbPromise) {
    dbPromise = new Promise((resolve, reject) => {
      const req = indexedDB.open(DB_NAME, 1);
      req.onupgradeneeded = () => req.result.createObjectStore(STORE);
      req.onsuccess = () => resolve(req.result);
      req.onerror = () => reject(req.error);
    });
    dbPromise.catch(() => {
      dbPromise = null;
    });
  }
  return dbPromise;
}

async function get<T>(key: string): Promise<T | undefined> {
  try {
    const db = await openDb();
    return await new Promise<T | undefined>((resolve, reject) => {
      const req = db.transaction(STORE, 'readonly').objectStore(STORE).get(key);
      req.onsuccess = () => resolve(req.result as T | undefined);
      req.onerror = () => reject(req.error);
    });
  } catch {
    return undefined;
  }
}

async function put(key: string, value: unknown): Promise<void> {
  const db = await openDb();
  await new Promise<void>((resolve, reject) => {
    const tx = db.transaction(STORE, 'readwrite');
    tx.objectStore(STORE).put(value, key);
    tx.oncomplete = () => resolve();
    tx.onerror = () => reject(tx.error);
  });
}

const parsed = new Map<string, { text: string; snapshot: DirectorySnapshot }>();

export async function loadDirectory(tenant: string, lang: string): Promise<StoredDirectory | undefined> {
  return get<StoredDirectory>(`directory:${tenant}:${lang}`);
}

/** The stored directory, parsed (once per stored version). */
export async function loadSnapshot(tenant: string, lang: string): Promise<DirectorySnapshot | undefined> {
  const key = `directory:${tenant}:${lang}`;
  const stored = await get<StoredDirectory>(key);
  if (!stored || typeof stored.text !== 'string') return undefined;
  const cached = parsed.get(key);
  if (cached && cached.text === stored.text) return cached.snapshot;
  const snapshot = JSON.parse(stored.text) as DirectorySnapshot;
  parsed.set(key, { text: stored.text, snapshot });
  return snapshot;
}

export async function saveDirectory(tenant: string, lang: string, value: StoredDirectory): Promise<void> {
  await put(`directory:${tenant}:${lang}`, value);
}

export const loadProfile = (tenant: string, lang: string) => get<PublicTenantProfile>(`profile:${tenant}:${lang}`);
export const saveProfile = (tenant: string, lang: string, profile: PublicTenantProfile) => put(`profile:${tenant}:${lang}`, profile).catch(() => undefined);
