// Layout of the network graph, in linear time so a whole tenant (5,000 organisations, 200 groups)
// is placed in milliseconds: groups on a sunflower spiral, each organisation around the centre of
// the groups it sits in, organisations without a group beyond them, contacts around their
// organisation or group. Small graphs are then relaxed by a short force simulation. Deterministic:
// the same data always gives the same picture (and print).
import type { EdgeKind, GraphNode } from '../../../../shared/contracts/networks.ts';

export interface GraphLayout {
  x: Float64Array;
  y: Float64Array;
  r: Float64Array;
  minX: number;
  minY: number;
  maxX: number;
  maxY: number;
}

const GOLDEN = Math.PI * (3 - Math.sqrt(5));
const ORG_SPACING = 13;
const CONTACT_SPACING = 7;

function spiral(i: number, spacing: number): [number, number] {
  const radius = spacing * Math.sqrt(i + 0.5);
  const angle = i * GOLDEN;
  return [radius * Math.cos(angle), radius * Math.sin(angle)];
}

/** Nodes drawn with the force simulation at most (it is quadratic). */
export const FORCE_LIMIT = 350;

export function layoutGraph(nodes: readonly GraphNode[], edges: ReadonlyArray<readonly [number, number, EdgeKind]>): GraphLayout {
  const n = nodes.length;
  const x = new Float64Array(n);
  const y = new Float64Array(n);
  const r = new Float64Array(n);
  const placed = new Uint8Array(n);
  const groupsOf: number[][] = Array.from({ length: n }, () => []);
  const anchorsOf: number[][] = Array.from({ length: n }, () => []);
  const size = new Float64Array(n);
  for (const [s, t, kind] of edges) {
    if (kind === 'member' && nodes[t]?.kind === 'group') {
      groupsOf[s]!.push(t);
      size[t]!++;
    } else if (nodes[s]?.kind === 'contact') anchorsOf[s]!.push(t);
    else if (nodes[s]?.kind === 'organisation' && nodes[t]?.kind === 'organisation') {
      anchorsOf[s]!.push(t);
      anchorsOf[t]!.push(s);
    }
  }
  const groups = nodes.map((node, i) => (node.kind === 'group' ? i : -1)).filter((i) => i >= 0);
  // Groups: biggest in the middle; spacing from the typical cluster radius.
  groups.sort((a, b) => size[b]! - size[a]! || a - b);
  const clusterRadius = (g: number) => ORG_SPACING * Math.sqrt(size[g]! + 3);
  const meanSquare = groups.reduce((sum, g) => sum + clusterRadius(g) ** 2, 0) / Math.max(1, groups.length);
  const groupSpacing = 2.1 * Math.sqrt(meanSquare);
  groups.forEach((g, i) => {
    const [gx, gy] = groups.length === 1 ? [0, 0] : spiral(i, groupSpacing);
    x[g] = gx;
    y[g] = gy;
    r[g] = 9 + Math.min(16, Math.sqrt(size[g]!) * 1.6);
    placed[g] = 1;
  });

  // Organisations with groups: per set of groups, a small spiral around the groups' centre.
  const buckets = new Map<string, number[]>();
  const loose: number[] = [];
  for (let i = 0; i < n; i++) {
    if (nodes[i]!.kind !== 'organisation') continue;
    r[i] = 4.5;
    const gs = groupsOf[i]!;
    if (!gs.length) {
      loose.push(i);
      continue;
    }
    const key = gs.length === 1 ? String(gs[0]) : [...gs].sort((a, b) => a - b).join(',');
    const list = buckets.get(key);
    if (list) list.push(i);
    else buckets.set(key, [i]);
  }
  for (const [key, members] of buckets) {
    const gs = key.split(',').map(Number);
    const cx = gs.reduce((s, g) => s + x[g]!, 0) / gs.length;
    const cy = gs.reduce((s, g) => s + y[g]!, 0) / gs.length;
    // Around a single group the innermost turns are the group's own disc.
    const skip = gs.length === 1 ? 4 : 0;
    members.forEach((m, k) => {
      const [dx, dy] = spiral(k + skip, ORG_SPACING);
      x[m] = cx + dx;
      y[m] = cy + dy;
      placed[m] = 1;
    });
  }
  // Organisations without a group: next to a related organisation, else on an outer spiral.
  let extent = 0;
  for (let i = 0; i < n; i++) if (placed[i]) extent = Math.max(extent, Math.hypot(x[i]!, y[i]!) + r[i]!);
  const outer: number[] = [];
  const around = new Map<number, number>();
  for (const o of loose) {
    const anchor = anchorsOf[o]!.find((a) => placed[a] && nodes[a]!.kind === 'organisation');
    if (anchor === undefined) {
      outer.push(o);
      continue;
    }
    const k = (around.get(anchor) ?? 0) + 1;
    around.set(anchor, k);
    const [dx, dy] = spiral(k + 1, ORG_SPACING * 0.9);
    x[o] = x[anchor]! + dx;
    y[o] = y[anchor]! + dy;
    placed[o] = 1;
  }
  const start = extent > 0 ? Math.ceil((extent / ORG_SPACING + 2) ** 2) : 0;
  outer.forEach((o, k) => {
    const [dx, dy] = spiral(start + k, ORG_SPACING);
    x[o] = dx;
    y[o] = dy;
    placed[o] = 1;
  });

  // Contacts: a small ring around the organisation (or group) they belong to.
  const ring = new Map<number, number>();
  let stray = 0;
  for (let i = 0; i < n; i++) {
    if (nodes[i]!.kind !== 'contact') continue;
    r[i] = 3;
    const anchor = anchorsOf[i]!.find((a) => nodes[a]!.kind === 'organisation') ?? anchorsOf[i]![0];
    if (anchor === undefined) {
      const [dx, dy] = spiral(stray++, CONTACT_SPACING);
      x[i] = dx;
      y[i] = dy;
      continue;
    }
    const k = (ring.get(anchor) ?? 0) + 1;
    ring.set(anchor, k);
    const [dx, dy] = spiral(k + 2, CONTACT_SPACING);
    x[i] = x[anchor]! + dx;
    y[i] = y[anchor]! + dy;
  }

  if (n > 1 && n <= FORCE_LIMIT) relax(x, y, r, edges);

  let minX = Number.POSITIVE_INFINITY;
  let minY = Number.POSITIVE_INFINITY;
  let maxX = Number.NEGATIVE_INFINITY;
  let maxY = Number.NEGATIVE_INFINITY;
  for (let i = 0; i < n; i++) {
    minX = Math.min(minX, x[i]! - r[i]!);
    minY = Math.min(minY, y[i]! - r[i]!);
    maxX = Math.max(maxX, x[i]! + r[i]!);
    maxY = Math.max(maxY, y[i]! + r[i]!);
  }
  if (!n) [minX, minY, maxX, maxY] = [-50, -50, 50, 50];
  return { x, y, r, minX, minY, maxX, maxY };
}

/** A short force simulation (repulsion, springs along edges, weak gravity) from the given positions. */
function relax(x: Float64Array, y: Float64Array, r: Float64Array, edges: ReadonlyArray<readonly [number, number, EdgeKind]>): void {
  const n = x.length;
  const fx = new Float64Array(n);
  const fy = new Float64Array(n);
  const ideal = 78;
  for (let step = 0; step < 160; step++) {
    const cooling = 1 - step / 160;
    fx.fill(0);
    fy.fill(0);
    for (let i = 0; i < n; i++) {
      for (let j = i + 1; j < n; j++) {
        let dx = x[i]! - x[j]!;
        let dy = y[i]! - y[j]!;
        let d2 = dx * dx + dy * dy;
        if (d2 < 0.01) {
          dx = ((i * 7919 + j) % 13) - 6;
          dy = ((j * 104729 + i) % 11) - 5;
          d2 = dx * dx + dy * dy + 0.01;
        }
        const min = r[i]! + r[j]! + 6;
        const f = (ideal * ideal) / d2 + (d2 < min * min ? 4 : 0);
        fx[i]! += dx * f * 0.05;
        fy[i]! += dy * f * 0.05;
        fx[j]! -= dx * f * 0.05;
        fy[j]! -= dy * f * 0.05;
      }
    }
    for (const [s, t] of edges) {
      const dx = x[t]! - x[s]!;
      const dy = y[t]! - y[s]!;
      const d = Math.sqrt(dx * dx + dy * dy) || 1;
      const f = ((d - ideal) / d) * 0.08;
      fx[s]! += dx * f;
      fy[s]! += dy * f;
      fx[t]! -= dx * f;
      fy[t]! -= dy * f;
    }
    for (let i = 0; i < n; i++) {
      fx[i]! -= x[i]! * 0.002;
      fy[i]! -= y[i]! * 0.002;
      const len = Math.hypot(fx[i]!, fy[i]!);
      const max = 12 * cooling + 0.5;
      const scale = len > max ? max / len : 1;
      x[i]! += fx[i]! * scale;
      y[i]! += fy[i]! * scale;
    }
  }
}

/** A coarse grid over node positions: the node under the pointer without scanning 5,000 nodes. */
export class NodeIndex {
  readonly #cells = new Map<string, number[]>();
  readonly #size: number;
  readonly #layout: GraphLayout;
  constructor(layout: GraphLayout, cell = 24) {
    this.#size = cell;
    this.#layout = layout;
    for (let i = 0; i < layout.x.length; i++) {
      const key = `${Math.floor(layout.x[i]! / cell)}:${Math.floor(layout.y[i]! / cell)}`;
      const list = this.#cells.get(key);
      if (list) list.push(i);
      else this.#cells.set(key, [i]);
    }
  }

  /** The nearest node within `slack` of its disc, or -1. */
  nearest(px: number, py: number, slack: number): number {
    const cx = Math.floor(px / this.#size);
    const cy = Math.floor(py / this.#size);
    const reach = Math.ceil(slack / this.#size) + 1;
    let best = -1;
    let bestD = Number.POSITIVE_INFINITY;
    for (let gx = cx - reach; gx <= cx + reach; gx++) {
      for (let gy = cy - reach; gy <= cy + reach; gy++) {
        for (const i of this.#cells.get(`${gx}:${gy}`) ?? []) {
          const d = Math.hypot(this.#layout.x[i]! - px, this.#layout.y[i]! - py) - this.#layout.r[i]!;
          if (d < bestD && d <= slack) {
            bestD = d;
            best = i;
          }
        }
      }
    }
    return best;
  }
}
