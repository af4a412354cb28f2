import { describe, expect, it } from 'vitest';
import type { EdgeKind, GraphNode } from '../../../../shared/contracts/networks.ts';
import { FORCE_LIMIT, layoutGraph, NodeIndex } from './graphLayout.ts';

function tenant(groups: number, orgs: number, perGroup: number) {
  const nodes: GraphNode[] = [];
  const edges: Array<[number, number, EdgeKind]> = [];
  for (let g = 0; g < groups; g++) nodes.push({ id: `g${g}`, kind: 'group', label: `AK ${g}`, type: 'working_group' });
  for (let o = 0; o < orgs; o++) nodes.push({ id: `o${o}`, kind: 'organisation', label: `Org ${o}`, type: 'association' });
  for (let g = 0; g < groups; g++) for (let k = 0; k < perGroup; k++) edges.push([groups + ((g * 37 + k * 173) % orgs), g, 'member']);
  return { nodes, edges };
}

describe('graph layout', () => {
  it('places every node of a whole tenant at a finite position, deterministically', () => {
    const { nodes, edges } = tenant(200, 5000, 30);
    const a = layoutGraph(nodes, edges);
    const b = layoutGraph(nodes, edges);
    expect([...a.x]).toEqual([...b.x]);
    for (let i = 0; i < nodes.length; i++) {
      expect(Number.isFinite(a.x[i]!) && Number.isFinite(a.y[i]!), `node ${i}`).toBe(true);
      expect(a.x[i]!).toBeGreaterThanOrEqual(a.minX);
      expect(a.y[i]!).toBeLessThanOrEqual(a.maxY);
    }
  });

  it('puts an organisation near its only group, and finds the node under the pointer', () => {
    const { nodes, edges } = tenant(3, 30, 10);
    expect(nodes.length).toBeLessThanOrEqual(FORCE_LIMIT);
    const layout = layoutGraph(nodes, edges);
    const [org, group] = edges[0]!;
    const distance = Math.hypot(layout.x[org]! - layout.x[group]!, layout.y[org]! - layout.y[group]!);
    const span = Math.hypot(layout.maxX - layout.minX, layout.maxY - layout.minY);
    expect(distance).toBeLessThan(span / 2);
    const index = new NodeIndex(layout);
    expect(index.nearest(layout.x[org]!, layout.y[org]!, 1)).toBe(org);
    expect(index.nearest(layout.maxX + 500, layout.maxY + 500, 5)).toBe(-1);
  });

  it('draws an empty graph and a single group', () => {
    expect(layoutGraph([], []).maxX).toBeGreaterThan(0);
    const one = layoutGraph([{ id: 'g', kind: 'group', label: 'AK', type: 'network' }], []);
    expect([one.x[0], one.y[0]]).toEqual([0, 0]);
  });
});
