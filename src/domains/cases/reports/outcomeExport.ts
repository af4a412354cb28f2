import writeXlsxFile from 'write-excel-file/node';
import { type OutcomeBlock, type OutcomeFigures, OUTCOME_SUPPRESSION } from '../../../shared/contracts/caseReports.ts';
import { writeCsvTable } from '../../importexport/offerCsv.ts';
import { XLSX_MIME } from '../../importexport/offerXlsx.ts';
import { type SumRelation, type Suppression, suppressCells, suppressCounts } from './suppression.ts';

/**
 * The funder export of the outcome figures (CSV: UTF-8 with BOM, ";" — as German Excel reads it;
 * XLSX: numbers as numbers). German labels, one figure per row in long format:
 *   Gruppe | Bereich | Kennzahl | Merkmal | Wert
 * (Gruppe: Gesamt, Programm …, Team …). Only aggregates — no person or case ids, names or
 * references — and small cells suppressed (OUTCOME_SUPPRESSION, suppression.ts): counts of 1–2
 * as "<3", means, medians and rates resting on 1–2 values as "<3", cells that would let a hidden
 * count be worked out as "•".
 */

export const EXPORT_HEADER = ['Gruppe', 'Bereich', 'Kennzahl', 'Merkmal', 'Wert'] as const;

const CLOSING_REASON_DE: Record<string, string> = {
  goals_reached: 'Ziele erreicht',
  self_reliant: 'Selbstständigkeit erreicht',
  moved_away: 'Weggezogen',
  transferred: 'Übergeben an andere Stelle',
  no_contact: 'Kein Kontakt mehr',
  declined: 'Abgelehnt / beendet auf Wunsch',
  other: 'Sonstiges',
  unknown: 'nicht angegeben',
};

const OUTCOMES = [
  ['reached', 'erreicht'],
  ['partly', 'teilweise erreicht'],
  ['notReached', 'nicht erreicht'],
  ['open', 'noch offen'],
  ['total', 'Ziele gesamt'],
] as const;

type Value = number | null;
interface Line {
  group: string;
  section: string;
  figure: string;
  item: string;
  /** a count cell of the suppression (its key), or a derived value with what it rests on */
  count?: string;
  value: Value;
  /** derived: the number of values it rests on, and the count cells it would reveal */
  base?: number;
  reveals?: string[];
  /** a mean: the key of the sum behind it (mean × count) */
  sum?: string;
  /** shown as a percentage */
  percent?: boolean;
}

interface Group {
  key: string;
  label: string;
  block: OutcomeBlock;
}

function groupsOf(figures: OutcomeFigures): { all: Group[]; programmes: Group[]; teams: Group[] } {
  const programmes = figures.byProgramme.map((p) => ({ key: `p:${p.programmeId ?? ''}`, label: `Programm: ${p.name ?? 'unbekannt'}`, block: p }));
  const teams = figures.byTeam.map((t) => ({ key: `t:${t.teamId ?? ''}`, label: `Team: ${t.name ?? 'unbekannt'}`, block: t }));
  return { all: [{ key: 'total', label: 'Gesamt', block: figures.total }, ...programmes, ...teams], programmes, teams };
}

/** Every figure of the report as lines (before suppression), the count cells and their sum relations. */
function collect(figures: OutcomeFigures) {
  const { all, programmes, teams } = groupsOf(figures);
  const fieldName = new Map(figures.fields.map((f) => [f.key, f.names.de ?? f.key]));
  const fields = [...new Set(all.flatMap((g) => g.block.goals.byField.map((f) => f.field)))];
  const reasons = [...new Set(all.flatMap((g) => g.block.cases.closingReasons.map((r) => r.reason)))];
  const counts = new Map<string, number>();
  const lines: Line[] = [];
  const metrics = new Set<string>();
  const relations: SumRelation[] = [];
  const count = (g: Group, metric: string, value: number, section: string, figure: string, item = '') => {
    const key = `${g.key}|${metric}`;
    counts.set(key, value);
    metrics.add(metric);
    lines.push({ group: g.label, section, figure, item, count: key, value });
  };
  const derived = (g: Group, section: string, figure: string, item: string, value: Value, base: number, reveals: string[], percent = false) =>
    lines.push({ group: g.label, section, figure, item, value, base, reveals: reveals.map((m) => `${g.key}|${m}`), percent });
  // means: the sum behind each (a sum family adds up like the counts it rests on)
  const sums = new Map<string, number>();
  const sumBase = new Map<string, string>();
  const sumMetrics = new Set<string>();
  const sumRelations: SumRelation[] = [];
  const mean = (g: Group, metric: string, baseMetric: string, section: string, figure: string, item: string, value: Value, base: number) => {
    const key = `${g.key}|${metric}`;
    sums.set(key, (value ?? 0) * base);
    sumBase.set(key, `${g.key}|${baseMetric}`);
    sumMetrics.add(metric);
    lines.push({ group: g.label, section, figure, item, value, base, sum: key });
  };

  for (const g of all) {
    const k = (m: string) => `${g.key}|${m}`;
    const { cases, goals, referrals } = g.block;
    count(g, 'cases|active', cases.active, 'Fälle', 'im Jahr begleitet');
    count(g, 'cases|opened', cases.opened, 'Fälle', 'im Jahr aufgenommen');
    count(g, 'cases|closed', cases.closed, 'Fälle', 'im Jahr abgeschlossen');
    mean(g, 'sum|duration', 'cases|closed', 'Fälle', 'mittlere Falldauer der abgeschlossenen Fälle (Tage)', '', cases.meanDurationDays, cases.closed);
    for (const reason of reasons) {
      const n = cases.closingReasons.find((r) => r.reason === reason)?.count ?? 0;
      count(g, `reason|${reason}`, n, 'Abschlussgründe', 'abgeschlossene Fälle', CLOSING_REASON_DE[reason] ?? reason);
    }
    relations.push({ total: k('cases|closed'), parts: reasons.map((r) => k(`reason|${r}`)) });

    const goalRows = [...fields.map((f) => ({ key: f, label: fieldName.get(f) ?? f, c: goals.byField.find((x) => x.field === f) })), { key: '*', label: 'alle Handlungsfelder', c: goals.all }];
    for (const row of goalRows) {
      const c = row.c;
      for (const [metric, label] of OUTCOMES) count(g, `goals|${row.key}|${metric}`, c?.[metric] ?? 0, 'Ziele', label, row.label);
      const rateBase = (c?.reached ?? 0) + (c?.partly ?? 0) + (c?.notReached ?? 0);
      derived(g, 'Ziele', 'Anteil erreicht an bewerteten Zielen (%)', row.label, c?.reachedRate ?? null, rateBase, OUTCOMES.map(([m]) => `goals|${row.key}|${m}`), true);
      relations.push({ total: k(`goals|${row.key}|total`), parts: OUTCOMES.filter(([m]) => m !== 'total').map(([m]) => k(`goals|${row.key}|${m}`)) });
      const t = c?.timeToReach;
      count(g, `days|${row.key}|n`, t?.n ?? 0, 'Zeit bis zur Zielerreichung', 'erreichte Ziele mit Datum', row.label);
      derived(g, 'Zeit bis zur Zielerreichung', 'Median (Tage ab Vereinbarung)', row.label, t?.medianDays ?? null, t?.n ?? 0, []);
      mean(g, `sum|days|${row.key}`, `days|${row.key}|n`, 'Zeit bis zur Zielerreichung', 'Mittelwert (Tage ab Vereinbarung)', row.label, t?.meanDays ?? null, t?.n ?? 0);
    }
    for (const [metric] of OUTCOMES) relations.push({ total: k(`goals|*|${metric}`), parts: fields.map((f) => k(`goals|${f}|${metric}`)) });
    relations.push({ total: k('days|*|n'), parts: fields.map((f) => k(`days|${f}|n`)) });
    sumRelations.push({ total: k('sum|days|*'), parts: fields.map((f) => k(`sum|days|${f}`)) });

    count(g, 'ref|sent', referrals.sent, 'Vermittlungen', 'gesendet');
    count(g, 'ref|accepted', referrals.accepted, 'Vermittlungen', 'angenommen');
    count(g, 'ref|rejected', referrals.rejected, 'Vermittlungen', 'abgelehnt');
    count(g, 'ref|completed', referrals.completed, 'Vermittlungen', 'abgeschlossen (mit Rückmeldung)');
    derived(g, 'Vermittlungen', 'Annahmequote (%)', '', referrals.acceptanceRate, referrals.sent, ['ref|accepted', 'ref|sent'], true);
    derived(g, 'Vermittlungen', 'Ablehnungsquote (%)', '', referrals.rejectionRate, referrals.sent, ['ref|rejected', 'ref|sent'], true);
    derived(g, 'Vermittlungen', 'Abschlussquote (%)', '', referrals.completionRate, referrals.sent, ['ref|completed', 'ref|sent'], true);
  }
  // the programmes (each case has one) and the teams add up to the whole
  for (const breakdown of [programmes, teams]) {
    if (!breakdown.length) continue;
    for (const metric of metrics) relations.push({ total: `total|${metric}`, parts: breakdown.map((g) => `${g.key}|${metric}`) });
    for (const metric of sumMetrics) sumRelations.push({ total: `total|${metric}`, parts: breakdown.map((g) => `${g.key}|${metric}`) });
  }
  return { lines, counts, relations, sums, sumBase, sumRelations };
}

const decimal = (value: number, digits: number) => value.toFixed(digits).replace('.', ',');

/** The report as rows of cells (header first), small cells suppressed. */
export function outcomeExportRows(figures: OutcomeFigures, meta: { scopeLabel: string; programme: string | null; team: string | null }): Array<Array<number | string>> {
  const { lines, counts, relations, sums, sumBase, sumRelations } = collect(figures);
  const hidden: Map<string, Suppression> = suppressCounts(counts, relations, OUTCOME_SUPPRESSION.below);
  // a mean whose count is hidden would give the count back with its sum: its sum counts as hidden,
  // and no sum may be worked out from a total and the others
  const hiddenSums = suppressCells(
    sums,
    sumRelations,
    [...sumBase].filter(([, base]) => hidden.has(base)).map(([key]) => key),
  );
  const mark = (s: Suppression) => (s === 'primary' ? OUTCOME_SUPPRESSION.primary : OUTCOME_SUPPRESSION.secondary);
  const out: Array<Array<number | string>> = [[...EXPORT_HEADER]];
  const info = (figure: string, value: string | number) => out.push(['Bericht', 'Angaben', figure, '', value]);
  info('Jahr', figures.year);
  info('Grundgesamtheit Ziele und Vermittlungen', figures.cohort === 'closed' ? 'im Jahr abgeschlossene Fälle' : 'im Jahr begleitete Fälle');
  info('Umfang', meta.scopeLabel);
  if (meta.programme) info('Programm', meta.programme);
  if (meta.team) info('Team', meta.team);
  info('gelöschte Fälle (anonyme Statistik) enthalten', figures.includesErased ? 'ja' : 'nein');
  info(
    'Hinweis',
    `Pseudonymisierte Summen ohne Personenbezug. Werte von 1 oder 2 sowie Mittelwerte, Mediane und Quoten aus 1 oder 2 Werten: "${OUTCOME_SUPPRESSION.primary}"; zur Verhinderung der Rückrechnung zusätzlich gesperrt: "${OUTCOME_SUPPRESSION.secondary}".`,
  );
  for (const line of lines) {
    let value: number | string;
    if (line.count) {
      const s = hidden.get(line.count);
      value = s ? mark(s) : (line.value ?? 0);
    } else if (line.value === null) {
      value = '';
    } else if (line.base !== undefined && line.base > 0 && line.base < OUTCOME_SUPPRESSION.below) {
      value = OUTCOME_SUPPRESSION.primary;
    } else if (line.reveals?.some((c) => hidden.has(c)) || (line.sum && hiddenSums.has(line.sum))) {
      value = OUTCOME_SUPPRESSION.secondary;
    } else {
      value = line.percent ? Math.round(line.value * 1000) / 10 : line.value;
    }
    out.push([line.group, line.section, line.figure, line.item, value]);
  }
  return out;
}

/** CSV (numbers with decimal commas) or XLSX (numbers as numbers), with a file name free of personal data. */
export async function writeOutcomeExport(
  rowsOut: Array<Array<number | string>>,
  format: 'csv' | 'xlsx',
  year: number,
): Promise<{ body: Buffer; contentType: string; filename: string }> {
  const filename = `wirkungszahlen-${year}.${format}`;
  if (format === 'csv') {
    const text = rowsOut.map((row) => row.map((cell) => (typeof cell === 'number' ? (Number.isInteger(cell) ? String(cell) : decimal(cell, 1)) : cell)));
    return { body: writeCsvTable(text), contentType: 'text/csv; charset=utf-8', filename };
  }
  const [header = [], ...body] = rowsOut;
  const sheet = [
    header.map((value) => ({ value: String(value), type: String, fontWeight: 'bold' as const })),
    ...body.map((row) => row.map((value) => (value === '' ? null : typeof value === 'number' ? { value, type: Number } : { value, type: String }))),
  ];
  const buffer = await writeXlsxFile(sheet, { sheet: 'Wirkungszahlen', stickyRowsCount: 1, columns: [{ width: 28 }, { width: 26 }, { width: 44 }, { width: 30 }, { width: 12 }] }).toBuffer();
  return { body: buffer, contentType: XLSX_MIME, filename };
}
