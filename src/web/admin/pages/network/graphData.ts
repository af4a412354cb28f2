// Loading the network graph, shared by the network routes (which start the request as soon as
// their chunk runs when the graph is the page asked for) and the graph page (which takes it).
import type { NetworkGraph } from '../../../../shared/contracts/networks.ts';
import { api, query } from '../../api.ts';

export interface GraphFilters {
  fieldId: string;
  areaId: string;
  groupId: string;
  organisationId: string;
  contacts: boolean;
}

export function parseGraphFilters(search: string): GraphFilters {
  const params = new URLSearchParams(search);
  return {
    fieldId: params.get('fieldId') ?? '',
    areaId: params.get('areaId') ?? '',
    groupId: params.get('groupId') ?? '',
    organisationId: params.get('organisationId') ?? '',
    contacts: params.get('contacts') === 'true',
  };
}

export function graphUrl(slug: string, f: GraphFilters): string {
  return `/api/v1/${encodeURIComponent(slug)}/admin/network/graph${query({ fieldId: f.fieldId, areaId: f.areaId, groupId: f.groupId, organisationId: f.organisationId, contacts: f.contacts ? 'true' : '' })}`;
}

let pending: { url: string; startedAt: number; promise: Promise<NetworkGraph> } | null = null;

/** Starts loading a graph early; `takeGraph` with the same URL picks it up. A failed prefetch is forgotten. */
export function prefetchGraph(url: string): void {
  if (pending?.url === url) return;
  const promise = api<NetworkGraph>('GET', url, undefined, { quiet: true });
  const entry = { url, startedAt: performance.now(), promise };
  promise.catch(() => {
    if (pending === entry) pending = null;
  });
  pending = entry;
}

/** The graph for `url`: the prefetched request if it is the same, else a new one. */
export function takeGraph(url: string, signal: AbortSignal): { startedAt: number; promise: Promise<NetworkGraph> } {
  if (pending?.url === url) {
    const taken = pending;
    pending = null;
    return taken;
  }
  return { startedAt: performance.now(), promise: api<NetworkGraph>('GET', url, undefined, { signal }) };
}
