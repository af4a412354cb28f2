// Global app status outside React (online/offline, offline copy of the directory), read with
// useSyncExternalStore so every component sees the same state.
import { useSyncExternalStore } from 'react';

export interface AppStatus {
  /** True when the browser is offline or the last API call failed on the network. */
  offline: boolean;
  directory: { state: 'idle' | 'syncing' | 'ready' | 'failed'; count: number; generatedAt: string | null };
}

let status: AppStatus = {
  offline: typeof navigator !== 'undefined' && navigator.onLine === false,
  directory: { state: 'idle', count: 0, generatedAt: null },
};
const listeners = new Set<() => void>();

export function setStatus(patch: Partial<AppStatus>): void {
  status = { ...status, ...patch };
  for (const l of listeners) l();
}

export const getStatus = (): AppStatus => status;

function subscribe(l: () => void): () => void {
  listeners.add(l);
  return () => listeners.delete(l);
}

export function useAppStatus(): AppStatus {
  return useSyncExternalStore(subscribe, getStatus, getStatus);
}

if (typeof window !== 'undefined') {
  window.addEventListener('online', () => setStatus({ offline: false }));
  window.addEventListener('offline', () => setStatus({ offline: true }));
}
