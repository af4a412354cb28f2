// Network overview: groups, organisations and (on demand) contacts as a graph drawn from the data,
// with an accessible list alternative, filters (field of action, area, group, organisation),
// zoom and pan, a finder, and a print layout. Hand-drawn SVG: edges and, for big graphs, the
// organisations are a few <path> elements, so a whole tenant draws in well under a second.
import { type PointerEvent as ReactPointerEvent, useEffect, useLayoutEffect, useMemo, useRef, useState } from 'react';
import { Link, useLocation, useSearch } from 'wouter';
import { type EdgeKind, type GraphNode, graphNodes, type NetworkGraph as WireGraph } from '../../../../shared/contracts/networks.ts';
import { query } from '../../api.ts';
import { Checkbox, SelectField, TextField } from '../../components/fields.tsx';
import { Tabs } from '../../components/Tabs.tsx';
import { ErrorNotice, Loading, PageHeader, Pager } from '../../components/ui.tsx';
import { useTenant } from '../../tenant.tsx';
import { useNetworkT, useTaxonomyNames } from './common.tsx';
import { type GraphFilters, graphUrl, parseGraphFilters, takeGraph } from './graphData.ts';
import { type GraphLayout, layoutGraph, NodeIndex } from './graphLayout.ts';

export const TYPE_COLORS: Record<string, string> = {
  provider: '#1d4ed8',
  association: '#047857',
  migrant_organisation: '#b45309',
  foreigners_office: '#7c3aed',
  job_centre: '#be123c',
  adult_education_centre: '#0e7490',
  school: '#4d7c0f',
  authority: '#334155',
  company: '#9d174d',
  other: '#6b7280',
};
const GROUP_COLOR = '#c2410c';
const CONTACT_COLOR = '#475569';
const EDGE_STYLES: Record<EdgeKind, { color: string; dash?: string }> = {
  member: { color: '#94a3b8' },
  delegate: { color: '#cbd5e1' },
  works_for: { color: '#a8b3c1' },
  chairs: { color: '#a8b3c1' },
  member_of: { color: '#7c3aed' },
  funds: { color: '#b45309', dash: '4 3' },
  cooperates_with: { color: '#047857' },
};
/** Above this many organisations they are drawn as one path per type, without labels. */
const BULK_LIMIT = 600;

/** The graph with its nodes as objects. */
type NetworkGraph = Omit<WireGraph, 'nodes'> & { nodes: GraphNode[] };

/** The groups seen in the widest graph so far: the group filter offers them without another request. */
let knownGroups: Array<{ id: string; label: string }> = [];
function rememberGroups(graph: NetworkGraph): void {
  const groups = graph.nodes.filter((n) => n.kind === 'group').map((n) => ({ id: n.id, label: n.label }));
  if (groups.length > knownGroups.length) knownGroups = groups;
}
function groupOptions(graph: NetworkGraph | undefined, selected: string): Array<{ value: string; label: string }> {
  const list = knownGroups.length ? knownGroups : (graph?.nodes.filter((n) => n.kind === 'group').map((n) => ({ id: n.id, label: n.label })) ?? []);
  const options = list.map((g) => ({ value: g.id, label: g.label }));
  if (selected && !options.some((o) => o.value === selected)) {
    const node = graph?.nodes.find((n) => n.id === selected);
    if (node) options.unshift({ value: node.id, label: node.label });
  }
  return options;
}

interface Loaded {
  graph: NetworkGraph;
  layout: GraphLayout;
  fetchMs: number;
  layoutMs: number;
}

export default function NetworkGraphPage() {
  const { t, ta } = useNetworkT();
  const { slug, profile } = useTenant();
  const names = useTaxonomyNames();
  const search = useSearch();
  const [, navigate] = useLocation();
  const filters = parseGraphFilters(search);
  const [view, setView] = useState<'graph' | 'list'>('graph');
  const [loaded, setLoaded] = useState<Loaded | null>(null);
  const [error, setError] = useState<unknown>(null);
  const setFilter = (patch: Partial<GraphFilters>) => {
    const next = { ...filters, ...patch };
    navigate(`/graph${query({ fieldId: next.fieldId, areaId: next.areaId, groupId: next.groupId, organisationId: next.organisationId, contacts: next.contacts ? 'true' : '' })}`);
  };
  const url = graphUrl(slug, filters);

  useEffect(() => {
    const controller = new AbortController();
    setError(null);
    const { startedAt, promise } = takeGraph(url, controller.signal);
    promise
      .then((wire) => {
        if (controller.signal.aborted) return;
        performance.mark('lotse:network-graph-data');
        const fetched = performance.now();
        const graph: NetworkGraph = { ...wire, nodes: graphNodes(wire) };
        const layout = layoutGraph(graph.nodes, graph.edges);
        rememberGroups(graph);
        setLoaded({ graph, layout, fetchMs: fetched - startedAt, layoutMs: performance.now() - fetched });
      })
      .catch((e: unknown) => {
        if ((e as Error).name !== 'AbortError') setError(e);
      });
    return () => controller.abort();
  }, [url]);

  const focusName = loaded && (filters.groupId || filters.organisationId) ? loaded.graph.nodes.find((n) => n.id === (filters.groupId || filters.organisationId))?.label : null;

  return (
    <div className="network-graph-page">
      <PageHeader title={t('graph.title')}>
        <button type="button" className="button secondary" onClick={() => window.print()}>
          {t('graph.print')}
        </button>
      </PageHeader>
      <p className="lead">{t('graph.lead')}</p>
      <search className="filters no-print">
        <SelectField
          label={t('taxonomy.fieldOfAction')}
          value={filters.fieldId}
          onChange={(v) => setFilter({ fieldId: v })}
          options={[{ value: '', label: ta('common.all') }, ...profile.fieldsOfAction.map((f) => ({ value: f.id, label: names(f.id) }))]}
        />
        <SelectField
          label={t('taxonomy.area')}
          value={filters.areaId}
          onChange={(v) => setFilter({ areaId: v })}
          options={[{ value: '', label: ta('common.all') }, ...profile.areas.map((a) => ({ value: a.id, label: names(a.id) }))]}
        />
        <SelectField
          label={t('graph.group')}
          value={filters.groupId}
          onChange={(v) => setFilter({ groupId: v, organisationId: '' })}
          options={[{ value: '', label: ta('common.all') }, ...groupOptions(loaded?.graph, filters.groupId)]}
        />
        <Checkbox label={t('graph.contacts')} checked={filters.contacts || Boolean(filters.groupId || filters.organisationId)} onChange={(v) => setFilter({ contacts: v })} />
        {filters.organisationId ? (
          <button type="button" className="button secondary" onClick={() => setFilter({ organisationId: '' })}>
            {t('graph.wholeNetwork')}
          </button>
        ) : null}
      </search>
      {focusName ? <p className="print-only-heading">{t('graph.focus', { name: focusName })}</p> : null}
      <ErrorNotice error={error} />
      {!loaded && !error ? <Loading /> : null}
      {loaded ? (
        <>
          <p className="meta" aria-live="polite">
            {t('graph.summary', {
              groups: loaded.graph.nodes.filter((n) => n.kind === 'group').length,
              organisations: loaded.graph.nodes.filter((n) => n.kind === 'organisation').length,
              contacts: loaded.graph.nodes.filter((n) => n.kind === 'contact').length,
              edges: loaded.graph.edges.length,
            })}
            {loaded.graph.contactsOmitted ? <> {t('graph.contactsOmitted')}</> : null}
          </p>
          <Tabs
            label={t('graph.views')}
            tabs={[
              { key: 'graph', label: t('graph.viewGraph') },
              { key: 'list', label: t('graph.viewList') },
            ]}
            active={view}
            onChange={setView}
          >
            {view === 'graph' ? <GraphView loaded={loaded} onFocus={(patch) => setFilter(patch)} /> : <GraphList graph={loaded.graph} />}
          </Tabs>
        </>
      ) : null}
    </div>
  );
}

function pathOfEdges(graph: NetworkGraph, layout: GraphLayout, kind: EdgeKind, only?: Set<number>): string {
  const parts: string[] = [];
  for (const [s, d, k] of graph.edges) {
    if (k !== kind || (only && !only.has(s) && !only.has(d))) continue;
    parts.push(`M${layout.x[s]!.toFixed(1)} ${layout.y[s]!.toFixed(1)}L${layout.x[d]!.toFixed(1)} ${layout.y[d]!.toFixed(1)}`);
  }
  return parts.join('');
}

function pathOfDiscs(indices: number[], layout: GraphLayout): string {
  const parts: string[] = [];
  for (const i of indices) {
    const r = layout.r[i]!;
    const x = layout.x[i]!;
    const y = layout.y[i]!;
    parts.push(`M${(x - r).toFixed(1)} ${y.toFixed(1)}a${r} ${r} 0 1 0 ${2 * r} 0a${r} ${r} 0 1 0 ${-2 * r} 0`);
  }
  return parts.join('');
}

function GraphView({ loaded, onFocus }: { loaded: Loaded; onFocus: (patch: { organisationId?: string; groupId?: string }) => void }) {
  const { t } = useNetworkT();
  const { graph, layout } = loaded;
  const svgRef = useRef<SVGSVGElement>(null);
  const pad = 30;
  const fit = useMemo(
    () => ({ x: layout.minX - pad, y: layout.minY - pad, w: layout.maxX - layout.minX + 2 * pad, h: layout.maxY - layout.minY + 2 * pad }),
    [layout],
  );
  const [box, setBox] = useState(fit);
  const [pixelWidth, setPixelWidth] = useState(1000);
  const [selected, setSelected] = useState<number>(-1);
  const [finder, setFinder] = useState('');
  const drag = useRef<{ x: number; y: number; box: typeof box; moved: boolean } | null>(null);
  const index = useMemo(() => new NodeIndex(layout), [layout]);
  useEffect(() => {
    setBox(fit);
    setSelected(-1);
  }, [fit]);

  const orgIndices = useMemo(() => graph.nodes.map((n, i) => (n.kind === 'organisation' ? i : -1)).filter((i) => i >= 0), [graph]);
  const bulk = orgIndices.length > BULK_LIMIT;
  const edgePaths = useMemo(() => {
    const kinds = [...new Set(graph.edges.map((e) => e[2]))];
    return kinds.map((kind) => ({ kind, d: pathOfEdges(graph, layout, kind) }));
  }, [graph, layout]);
  const orgPaths = useMemo(() => {
    if (!bulk) return [];
    const byType = new Map<string, number[]>();
    for (const i of orgIndices) {
      const type = graph.nodes[i]!.type;
      const list = byType.get(type);
      if (list) list.push(i);
      else byType.set(type, [i]);
    }
    return [...byType.entries()].map(([type, list]) => ({ type, d: pathOfDiscs(list, layout) }));
  }, [bulk, orgIndices, graph, layout]);
  const neighbours = useMemo(() => {
    if (selected < 0) return [];
    const out = new Set<number>();
    for (const [s, d] of graph.edges) {
      if (s === selected) out.add(d);
      else if (d === selected) out.add(s);
    }
    return [...out];
  }, [graph, selected]);
  const highlight = useMemo(() => {
    if (selected < 0) return '';
    return graph.edges
      .filter(([s, d]) => s === selected || d === selected)
      .map(([s, d]) => `M${layout.x[s]!.toFixed(1)} ${layout.y[s]!.toFixed(1)}L${layout.x[d]!.toFixed(1)} ${layout.y[d]!.toFixed(1)}`)
      .join('');
  }, [graph, layout, selected]);

  // Rendered: mark it for the benchmark (after the browser painted the frame).
  useLayoutEffect(() => {
    const svg = svgRef.current;
    if (!svg) return;
    performance.mark('lotse:network-graph-committed');
    setPixelWidth(svg.clientWidth || 1000);
    const frame = requestAnimationFrame(() => {
      svg.dataset.rendered = 'true';
      svg.dataset.fetchMs = loaded.fetchMs.toFixed(0);
      svg.dataset.layoutMs = loaded.layoutMs.toFixed(0);
      performance.mark('lotse:network-graph-rendered');
    });
    return () => cancelAnimationFrame(frame);
  }, [loaded]);

  useEffect(() => {
    const svg = svgRef.current;
    if (!svg) return;
    const onWheel = (e: WheelEvent) => {
      e.preventDefault();
      const rect = svg.getBoundingClientRect();
      const factor = e.deltaY > 0 ? 1.2 : 1 / 1.2;
      setBox((b) => {
        const px = b.x + ((e.clientX - rect.left) / rect.width) * b.w;
        const py = b.y + ((e.clientY - rect.top) / rect.height) * b.h;
        return { x: px - (px - b.x) * factor, y: py - (py - b.y) * factor, w: b.w * factor, h: b.h * factor };
      });
    };
    svg.addEventListener('wheel', onWheel, { passive: false });
    return () => svg.removeEventListener('wheel', onWheel);
  }, []);

  const zoom = (factor: number) => setBox((b) => ({ x: b.x + (b.w * (1 - factor)) / 2, y: b.y + (b.h * (1 - factor)) / 2, w: b.w * factor, h: b.h * factor }));
  const centreOn = (i: number) => {
    setSelected(i);
    setBox((b) => {
      const w = Math.min(b.w, fit.w / 4, 600);
      const h = (w * fit.h) / fit.w;
      return { x: layout.x[i]! - w / 2, y: layout.y[i]! - h / 2, w, h };
    });
  };
  const toGraph = (e: ReactPointerEvent) => {
    const rect = svgRef.current!.getBoundingClientRect();
    return { x: box.x + ((e.clientX - rect.left) / rect.width) * box.w, y: box.y + ((e.clientY - rect.top) / rect.height) * box.h, scale: box.w / rect.width };
  };
  const onPointerDown = (e: ReactPointerEvent<SVGSVGElement>) => {
    drag.current = { x: e.clientX, y: e.clientY, box, moved: false };
    e.currentTarget.setPointerCapture(e.pointerId);
  };
  const onPointerMove = (e: ReactPointerEvent<SVGSVGElement>) => {
    const d = drag.current;
    if (!d) return;
    const rect = e.currentTarget.getBoundingClientRect();
    const dx = ((e.clientX - d.x) / rect.width) * d.box.w;
    const dy = ((e.clientY - d.y) / rect.height) * d.box.h;
    if (Math.abs(e.clientX - d.x) + Math.abs(e.clientY - d.y) > 4) d.moved = true;
    if (d.moved) setBox({ ...d.box, x: d.box.x - dx, y: d.box.y - dy });
  };
  const onPointerUp = (e: ReactPointerEvent<SVGSVGElement>) => {
    const d = drag.current;
    drag.current = null;
    if (d?.moved) return;
    const p = toGraph(e);
    setSelected(index.nearest(p.x, p.y, 6 * p.scale));
  };

  const scale = box.w / pixelWidth;
  const fontSize = 11 * scale;
  const inView = (i: number) => layout.x[i]! >= box.x && layout.x[i]! <= box.x + box.w && layout.y[i]! >= box.y && layout.y[i]! <= box.y + box.h;
  const groupIdx = graph.nodes.map((n, i) => (n.kind === 'group' ? i : -1)).filter((i) => i >= 0);
  const contactIdx = graph.nodes.map((n, i) => (n.kind === 'contact' ? i : -1)).filter((i) => i >= 0);
  const visibleOrgLabels = !bulk || box.w < fit.w / 6 ? orgIndices.filter(inView) : [];
  const showOrgLabels = visibleOrgLabels.length <= 250;
  const showGroupLabels = groupIdx.length <= 60 || box.w < fit.w / 2;
  const matches = finder.trim().length >= 2 ? graph.nodes.map((n, i) => ({ n, i })).filter(({ n }) => n.label.toLocaleLowerCase('de').includes(finder.trim().toLocaleLowerCase('de'))).slice(0, 8) : [];
  const sel = selected >= 0 ? graph.nodes[selected] : null;
  const summary = t('graph.svgSummary', { groups: groupIdx.length, organisations: orgIndices.length, contacts: contactIdx.length, edges: graph.edges.length });

  return (
    <div className="graph-layout">
      <div className="graph-tools no-print">
        <fieldset className="button-row bare">
          <legend className="visually-hidden">{t('graph.zoom')}</legend>
          <button type="button" className="button small secondary" onClick={() => zoom(1 / 1.5)}>
            {t('graph.zoomIn')}
          </button>
          <button type="button" className="button small secondary" onClick={() => zoom(1.5)}>
            {t('graph.zoomOut')}
          </button>
          <button type="button" className="button small secondary" onClick={() => setBox(fit)}>
            {t('graph.zoomFit')}
          </button>
        </fieldset>
        <TextField label={t('graph.find')} type="search" value={finder} onChange={setFinder} hint={t('graph.findHint')} />
        {matches.length ? (
          <ul className="picker-results" aria-label={t('graph.findResults')}>
            {matches.map(({ n, i }) => (
              <li key={n.id}>
                <button type="button" className="linklike" onClick={() => centreOn(i)}>
                  {n.label} <span className="muted">({t(`graph.kind.${n.kind}`)})</span>
                </button>
              </li>
            ))}
          </ul>
        ) : null}
      </div>
      <div className="graph-canvas">
        <svg
          ref={svgRef}
          className="network-svg"
          viewBox={`${box.x} ${box.y} ${box.w} ${box.h}`}
          role="img"
          aria-labelledby="graph-svg-title graph-svg-desc"
          onPointerDown={onPointerDown}
          onPointerMove={onPointerMove}
          onPointerUp={onPointerUp}
        >
          <title id="graph-svg-title">{t('graph.title')}</title>
          <desc id="graph-svg-desc">{summary}</desc>
          <g fill="none">
            {edgePaths.map(({ kind, d }) => (
              <path key={kind} d={d} stroke={EDGE_STYLES[kind].color} strokeWidth={1} strokeDasharray={EDGE_STYLES[kind].dash} vectorEffect="non-scaling-stroke" />
            ))}
            {highlight ? <path d={highlight} stroke="#111827" strokeWidth={2} vectorEffect="non-scaling-stroke" /> : null}
          </g>
          {bulk
            ? orgPaths.map(({ type, d }) => <path key={type} d={d} fill={TYPE_COLORS[type] ?? TYPE_COLORS.other} />)
            : orgIndices.map((i) => (
                <circle key={graph.nodes[i]!.id} cx={layout.x[i]} cy={layout.y[i]} r={layout.r[i]} fill={TYPE_COLORS[graph.nodes[i]!.type] ?? TYPE_COLORS.other}>
                  <title>{graph.nodes[i]!.label}</title>
                </circle>
              ))}
          {contactIdx.length ? (
            contactIdx.length > BULK_LIMIT ? (
              <path d={pathOfDiscs(contactIdx, layout)} fill="#ffffff" stroke={CONTACT_COLOR} strokeWidth={1} vectorEffect="non-scaling-stroke" />
            ) : (
              contactIdx.map((i) => (
                <circle key={graph.nodes[i]!.id} cx={layout.x[i]} cy={layout.y[i]} r={layout.r[i]} fill="#ffffff" stroke={CONTACT_COLOR} strokeWidth={1} vectorEffect="non-scaling-stroke">
                  <title>{graph.nodes[i]!.label}</title>
                </circle>
              ))
            )
          ) : null}
          {groupIdx.map((i) => (
            <rect
              key={graph.nodes[i]!.id}
              x={layout.x[i]! - layout.r[i]!}
              y={layout.y[i]! - layout.r[i]!}
              width={2 * layout.r[i]!}
              height={2 * layout.r[i]!}
              rx={3}
              fill={GROUP_COLOR}
              stroke="#ffffff"
              strokeWidth={1.5}
              vectorEffect="non-scaling-stroke"
            >
              <title>{graph.nodes[i]!.label}</title>
            </rect>
          ))}
          {sel ? <circle cx={layout.x[selected]} cy={layout.y[selected]} r={layout.r[selected]! + 4 * scale} fill="none" stroke="#111827" strokeWidth={2} vectorEffect="non-scaling-stroke" /> : null}
          <g className="labels" fontSize={fontSize} pointerEvents="none">
            {showGroupLabels
              ? groupIdx.filter(inView).map((i) => (
                  <text key={graph.nodes[i]!.id} x={layout.x[i]} y={layout.y[i]! - layout.r[i]! - 3 * scale} textAnchor="middle" className="label-group" fontSize={fontSize * 1.15}>
                    {graph.nodes[i]!.label}
                  </text>
                ))
              : null}
            {showOrgLabels
              ? visibleOrgLabels.map((i) => (
                  <text key={graph.nodes[i]!.id} x={layout.x[i]! + layout.r[i]! + 2 * scale} y={layout.y[i]! + fontSize / 3} className="label-org">
                    {graph.nodes[i]!.label}
                  </text>
                ))
              : null}
            {contactIdx.length <= 200
              ? contactIdx.filter(inView).map((i) => (
                  <text key={graph.nodes[i]!.id} x={layout.x[i]! + layout.r[i]! + 2 * scale} y={layout.y[i]! + fontSize / 3} className="label-contact" fontSize={fontSize * 0.85}>
                    {graph.nodes[i]!.label}
                  </text>
                ))
              : null}
          </g>
        </svg>
        <Legend graph={graph} />
      </div>
      <aside className="graph-details no-print" aria-live="polite" aria-label={t('graph.details')}>
        {sel ? (
          <>
            <h2>{sel.label}</h2>
            <p className="meta">
              {t(`graph.kind.${sel.kind}`)}
              {sel.kind === 'organisation' ? <> · {t(`organisationType.${sel.type}`)}</> : null}
              {sel.kind === 'group' ? <> · {t(`groupKind.${sel.type}`)}</> : null}
            </p>
            <p className="button-row">
              <Link className="button small secondary" href={sel.kind === 'group' ? `/groups/${sel.id}` : sel.kind === 'organisation' ? `/organisations/${sel.id}` : `/contacts/${sel.id}`}>
                {t('graph.open')}
              </Link>
              {sel.kind === 'organisation' ? (
                <button type="button" className="button small secondary" onClick={() => onFocus({ organisationId: sel.id, groupId: '' })}>
                  {t('graph.showAround')}
                </button>
              ) : null}
              {sel.kind === 'group' ? (
                <button type="button" className="button small secondary" onClick={() => onFocus({ groupId: sel.id, organisationId: '' })}>
                  {t('graph.showGroup')}
                </button>
              ) : null}
            </p>
            <h3>{t('graph.connections', { count: neighbours.length })}</h3>
            <ul className="plain-list">
              {neighbours.slice(0, 30).map((i) => (
                <li key={graph.nodes[i]!.id}>
                  <button type="button" className="linklike" onClick={() => centreOn(i)}>
                    {graph.nodes[i]!.label}
                  </button>
                </li>
              ))}
            </ul>
          </>
        ) : (
          <p>{t('graph.selectHint')}</p>
        )}
      </aside>
    </div>
  );
}

function Legend({ graph }: { graph: NetworkGraph }) {
  const { t } = useNetworkT();
  const types = [...new Set(graph.nodes.filter((n) => n.kind === 'organisation').map((n) => n.type))].sort();
  const edgeKinds = [...new Set(graph.edges.map((e) => e[2]))];
  return (
    <div className="graph-legend">
      <h2 className="visually-hidden">{t('graph.legend')}</h2>
      <ul>
        <li>
          <svg width="14" height="14" aria-hidden="true">
            <rect x="1" y="1" width="12" height="12" rx="3" fill={GROUP_COLOR} />
          </svg>{' '}
          {t('graph.kind.group')}
        </li>
        {types.map((type) => (
          <li key={type}>
            <svg width="14" height="14" aria-hidden="true">
              <circle cx="7" cy="7" r="6" fill={TYPE_COLORS[type] ?? TYPE_COLORS.other} />
            </svg>{' '}
            {t(`organisationType.${type}`)}
          </li>
        ))}
        {graph.nodes.some((n) => n.kind === 'contact') ? (
          <li>
            <svg width="14" height="14" aria-hidden="true">
              <circle cx="7" cy="7" r="5" fill="#fff" stroke={CONTACT_COLOR} />
            </svg>{' '}
            {t('graph.kind.contact')}
          </li>
        ) : null}
        {edgeKinds.map((kind) => (
          <li key={kind}>
            <svg width="22" height="10" aria-hidden="true">
              <line x1="1" y1="5" x2="21" y2="5" stroke={EDGE_STYLES[kind].color} strokeWidth="2" strokeDasharray={EDGE_STYLES[kind].dash} />
            </svg>{' '}
            {t(`graph.edge.${kind}`)}
          </li>
        ))}
      </ul>
    </div>
  );
}

/** The accessible (and printable) alternative: the same data as tables. */
function GraphList({ graph }: { graph: NetworkGraph }) {
  const { t } = useNetworkT();
  const [page, setPage] = useState(1);
  const pageSize = 50;
  const groupsOf = useMemo(() => {
    const out = new Map<number, string[]>();
    for (const [s, d, k] of graph.edges) {
      if (k !== 'member') continue;
      const list = out.get(s) ?? [];
      list.push(graph.nodes[d]!.label);
      out.set(s, list);
    }
    return out;
  }, [graph]);
  const sizes = useMemo(() => {
    const out = new Map<number, number>();
    for (const [, d, k] of graph.edges) if (k === 'member') out.set(d, (out.get(d) ?? 0) + 1);
    return out;
  }, [graph]);
  const groups = graph.nodes.map((n, i) => ({ n, i })).filter(({ n }) => n.kind === 'group');
  const orgs = graph.nodes.map((n, i) => ({ n, i })).filter(({ n }) => n.kind === 'organisation');
  const contacts = graph.nodes.filter((n) => n.kind === 'contact');
  return (
    <div className="graph-list">
      <h2>{t('graph.listGroups', { count: groups.length })}</h2>
      <div className="table-wrap">
        <table className="table compact">
          <thead>
            <tr>
              <th scope="col">{t('fields.name')}</th>
              <th scope="col">{t('fields.kind')}</th>
              <th scope="col" className="num">
                {t('groups.organisations')}
              </th>
            </tr>
          </thead>
          <tbody>
            {groups.map(({ n, i }) => (
              <tr key={n.id}>
                <td>
                  <Link href={`/groups/${n.id}`}>{n.label}</Link>
                </td>
                <td>{t(`groupKind.${n.type}`)}</td>
                <td className="num">{sizes.get(i) ?? 0}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <h2>{t('graph.listOrganisations', { count: orgs.length })}</h2>
      <div className="table-wrap">
        <table className="table compact">
          <thead>
            <tr>
              <th scope="col">{t('fields.name')}</th>
              <th scope="col">{t('fields.type')}</th>
              <th scope="col">{t('graph.memberOf')}</th>
            </tr>
          </thead>
          <tbody>
            {orgs.slice((page - 1) * pageSize, page * pageSize).map(({ n, i }) => (
              <tr key={n.id}>
                <td>
                  <Link href={`/organisations/${n.id}`}>{n.label}</Link>
                </td>
                <td>{t(`organisationType.${n.type}`)}</td>
                <td>{(groupsOf.get(i) ?? []).join(', ') || '–'}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <Pager page={page} pageSize={pageSize} total={orgs.length} onPage={setPage} />
      {contacts.length ? (
        <>
          <h2>{t('graph.listContacts', { count: contacts.length })}</h2>
          <ul className="plain-list columns">
            {contacts.slice(0, 500).map((c) => (
              <li key={c.id}>
                <Link href={`/contacts/${c.id}`}>{c.label}</Link>
              </li>
            ))}
          </ul>
        </>
      ) : null}
    </div>
  );
}
