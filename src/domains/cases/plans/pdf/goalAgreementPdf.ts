import PDFDocument from 'pdfkit';
import type { FieldOfActionOption, PdfLanguage } from '../../../../shared/contracts/casePlans.ts';
import type { GoalStep, Responsible } from '../plans.table.ts';
import { fill, PDF_LABELS, type PdfLabels } from './pdfLabels.ts';
import { PdfText, type TextStyle } from '../../../../pdf/pdfText.ts';

/** What the goal agreement shows (read and decrypted by the caller; nothing else reaches the PDF). */
export interface GoalAgreementData {
  tenantName: string;
  programmeName: string;
  caseReference: string;
  person: { name: string; birthDate: string | null };
  managerName: string | null;
  plan: { version: number; status: 'draft' | 'agreed' | 'superseded'; startsOn: string; agreedOn: string | null; reviewDueOn: string | null; updatedOn: string };
  goals: Array<{
    fieldOfAction: string;
    title: string;
    steps: GoalStep[];
    responsible: Responsible;
    responsibleName: string | null;
    deadline: string | null;
    outcome: 'reached' | 'partly' | 'not_reached' | null;
    outcomeOn: string | null;
  }>;
  fields: FieldOfActionOption[];
  /** the day of printing */
  printedOn: string;
}

const RTL_LANGUAGES = new Set<PdfLanguage>(['ar', 'fa']);

const PAGE = { width: 595.28, height: 841.89 };
const MARGIN = { left: 56, right: 56, top: 50, bottom: 64 };
const CONTENT_WIDTH = PAGE.width - MARGIN.left - MARGIN.right;
const BOTTOM = PAGE.height - MARGIN.bottom;

const GREY = '#4b5563';
const LINE = '#9ca3af';
const STYLES = {
  letterhead: { size: 14, bold: true },
  office: { size: 9.5, color: GREY },
  title: { size: 19, bold: true },
  subtitle: { size: 12, color: GREY },
  draft: { size: 10.5, bold: true, color: '#b45309' },
  note: { size: 9, color: GREY },
  label: { size: 9.5, bold: true },
  value: { size: 10 },
  field: { size: 11.5, bold: true },
  th: { size: 9, bold: true },
  goal: { size: 10, bold: true },
  step: { size: 9.5 },
  small: { size: 8.5, color: GREY },
  body: { size: 10 },
} satisfies Record<string, TextStyle>;

/** A calendar day in the document's language (digits stay Latin, also in Arabic and Persian). */
export function formatDay(day: string | null, lang: PdfLanguage): string {
  if (!day) return '–';
  const [y, m, d] = day.slice(0, 10).split('-');
  return lang === 'en' || lang === 'ar' || lang === 'fa' ? `${d}/${m}/${y}` : `${d}.${m}.${y}`;
}

const responsibleLabel = (l: PdfLabels, r: Responsible) => (r === 'manager' ? l.responsibleManager : r === 'partner' ? l.responsiblePartner : l.responsiblePerson);
const outcomeLabel = (l: PdfLabels, o: 'reached' | 'partly' | 'not_reached') => (o === 'reached' ? l.reached : o === 'partly' ? l.partly : l.notReached);

/** Lays out one language section; pages are numbered at the end. */
class SectionWriter {
  readonly t: PdfText;
  readonly doc: PDFKit.PDFDocument;
  readonly lang: PdfLanguage;
  readonly l: PdfLabels;
  readonly rtl: boolean;
  readonly data: GoalAgreementData;
  y = MARGIN.top;
  readonly onPage: (lang: PdfLanguage) => void;

  constructor(t: PdfText, data: GoalAgreementData, lang: PdfLanguage, onPage: (lang: PdfLanguage) => void) {
    this.t = t;
    this.doc = t.doc;
    this.data = data;
    this.lang = lang;
    this.l = PDF_LABELS[lang];
    this.rtl = RTL_LANGUAGES.has(lang);
    this.onPage = onPage;
  }

  /** x of a column given in start-relative terms (mirrored for right-to-left). */
  x(offset: number, width: number): number {
    return this.rtl ? MARGIN.left + CONTENT_WIDTH - offset - width : MARGIN.left + offset;
  }

  text(s: string, offset: number, width: number, style: TextStyle, align: 'start' | 'end' | 'center' = 'start'): number {
    return this.t.paragraph(s, this.x(offset, width), this.y, width, style, { rtl: this.rtl, align });
  }

  newPage(continued: boolean): void {
    this.doc.addPage({ size: 'A4', margin: 20 });
    this.onPage(this.lang);
    this.y = MARGIN.top;
    if (continued) {
      this.t.line(`${this.data.tenantName} · ${this.l.title} · ${this.data.caseReference}`, this.x(0, CONTENT_WIDTH), this.y, CONTENT_WIDTH, STYLES.small, { rtl: this.rtl });
      this.y += 22;
    }
  }

  ensure(height: number): void {
    if (this.y + height > BOTTOM) this.newPage(true);
  }

  rule(color = LINE, width = 0.6): void {
    this.doc.moveTo(MARGIN.left, this.y).lineTo(MARGIN.left + CONTENT_WIDTH, this.y).lineWidth(width).strokeColor(color).stroke();
  }

  letterhead(translated: boolean): void {
    const { l, data } = this;
    const nameHeight = this.text(data.tenantName, 0, CONTENT_WIDTH * 0.66, STYLES.letterhead);
    const dateHeight = this.text(fill(l.printedOn, { date: formatDay(data.printedOn, this.lang) }), CONTENT_WIDTH * 0.66, CONTENT_WIDTH * 0.34, STYLES.note, 'end');
    this.y += Math.max(nameHeight, dateHeight);
    this.y += this.text(`${l.office} · ${data.programmeName}`, 0, CONTENT_WIDTH, STYLES.office);
    this.y += 6;
    this.rule('#1f2937', 1);
    this.y += 16;
    if (translated) {
      this.y += this.text(l.translationNote, 0, CONTENT_WIDTH, STYLES.note) + 6;
    }
    this.y += this.text(l.title, 0, CONTENT_WIDTH, STYLES.title);
    this.y += this.text(l.subtitle, 0, CONTENT_WIDTH, STYLES.subtitle) + 4;
    if (data.plan.status === 'draft') this.y += this.text(l.draftNote, 0, CONTENT_WIDTH, STYLES.draft);
    this.y += 10;
  }

  details(): void {
    const { l, data, lang } = this;
    const plan = data.plan;
    const versionText = `${fill(l.version, { n: plan.version })} – ${
      plan.agreedOn ? fill(l.agreedOn, { date: formatDay(plan.agreedOn, lang) }) : fill(l.draftOf, { date: formatDay(plan.updatedOn, lang) })
    }`;
    const rows: Array<[string, string]> = [
      [l.name, data.person.name],
      [l.birthDate, formatDay(data.person.birthDate, lang)],
      [l.programme, data.programmeName],
      [l.caseReference, data.caseReference],
      [l.planVersion, versionText],
      [l.startsOn, formatDay(plan.startsOn, lang)],
    ];
    if (plan.reviewDueOn) rows.push([l.reviewDue, formatDay(plan.reviewDueOn, lang)]);
    const labelWidth = 150;
    for (const [label, value] of rows) {
      const h = Math.max(this.t.measure(label, labelWidth - 8, STYLES.label), this.t.measure(value, CONTENT_WIDTH - labelWidth, STYLES.value));
      this.ensure(h + 4);
      this.text(label, 0, labelWidth - 8, STYLES.label);
      this.text(value, labelWidth, CONTENT_WIDTH - labelWidth, STYLES.value);
      this.y += h + 3;
    }
    this.y += 12;
  }

  goals(): void {
    const { l, data } = this;
    if (!data.goals.length) {
      this.y += this.text(l.noGoals, 0, CONTENT_WIDTH, STYLES.body) + 10;
      return;
    }
    const order = [...data.fields.map((f) => f.key), ...data.goals.map((g) => g.fieldOfAction)];
    const keys = [...new Set(order)].filter((k) => data.goals.some((g) => g.fieldOfAction === k));
    for (const key of keys) this.fieldSection(key, data.goals.filter((g) => g.fieldOfAction === key));
  }

  /** Column layout of the goals table: goal and steps | responsible | deadline. */
  readonly cols = { goal: { offset: 0, width: CONTENT_WIDTH * 0.56 }, resp: { offset: CONTENT_WIDTH * 0.56, width: CONTENT_WIDTH * 0.28 }, due: { offset: CONTENT_WIDTH * 0.84, width: CONTENT_WIDTH * 0.16 } };
  readonly pad = 5;

  fieldSection(key: string, goals: GoalAgreementData['goals']): void {
    const option = this.data.fields.find((f) => f.key === key);
    const name = option?.names[this.lang] || option?.names.de || key;
    const nameHeight = this.t.measure(name, CONTENT_WIDTH - 10, STYLES.field);
    // keep the heading and the table header together with the first goal (if it fits a page at all)
    const firstRow = Math.min(this.layoutRow(goals[0]!).rowHeight, 160);
    this.ensure(nameHeight + 6 + this.t.lineHeight(STYLES.th, this.l.goal) + 6 + firstRow);
    this.doc
      .rect(this.rtl ? MARGIN.left + CONTENT_WIDTH - 4 : MARGIN.left, this.y, 4, nameHeight)
      .fillColor(option?.color ?? '#0b5394')
      .fill();
    this.y += this.text(name, 10, CONTENT_WIDTH - 10, STYLES.field) + 6;
    this.tableHeader();
    for (const g of goals) this.goalRow(g);
    this.y += 12;
  }

  tableHeader(): void {
    const h = this.t.lineHeight(STYLES.th, this.l.goal) + 6;
    this.doc.rect(MARGIN.left, this.y, CONTENT_WIDTH, h).fillColor('#e5e7eb').fill();
    const { goal, resp, due } = this.cols;
    this.y += 3;
    this.text(`${this.l.goal} / ${this.l.steps}`, goal.offset + this.pad, goal.width - 2 * this.pad, STYLES.th);
    this.text(this.l.responsible, resp.offset + this.pad, resp.width - 2 * this.pad, STYLES.th);
    this.text(this.l.deadline, due.offset + this.pad, due.width - 2 * this.pad, STYLES.th);
    this.y += h - 3;
  }

  /** The lines of a goal row and its height. */
  layoutRow(g: GoalAgreementData['goals'][number]) {
    const { l, lang, pad } = this;
    const { goal, resp } = this.cols;
    // the goal column as lines of (text, style, indent)
    const items: Array<{ text: string; style: TextStyle; indent: number }> = [{ text: g.title, style: STYLES.goal, indent: 0 }];
    for (const s of g.steps) {
      const extra = [responsibleLabel(l, s.responsible), s.done ? l.done : ''].filter(Boolean).join(this.rtl ? '، ' : ', ');
      items.push({ text: `• ${s.text} (${extra})`, style: STYLES.step, indent: 8 });
    }
    if (g.outcome) {
      items.push({ text: `${l.outcome}: ${outcomeLabel(l, g.outcome)} ${fill(l.outcomeOn, { date: formatDay(g.outcomeOn, lang) })}`, style: { ...STYLES.step, bold: true }, indent: 0 });
    }
    const goalWidth = goal.width - 2 * pad;
    const lines = items.flatMap((it) => this.t.wrap(it.text, it.style, goalWidth - it.indent).map((text) => ({ text, style: it.style, indent: it.indent })));
    const goalHeight = lines.reduce((h, ln) => h + this.t.lineHeight(ln.style, ln.text), 0);
    const respText = g.responsibleName ? `${responsibleLabel(l, g.responsible)}\n${g.responsibleName}` : responsibleLabel(l, g.responsible);
    const respHeight = this.t.measure(respText, resp.width - 2 * pad, STYLES.step);
    const rowHeight = Math.max(goalHeight, respHeight, this.t.lineHeight(STYLES.step)) + 2 * pad;
    return { lines, goalWidth, respText, rowHeight };
  }

  goalRow(g: GoalAgreementData['goals'][number]): void {
    const { lang, pad } = this;
    const { goal, resp, due } = this.cols;
    const { lines, goalWidth, respText, rowHeight } = this.layoutRow(g);
    const fresh = BOTTOM - MARGIN.top - 22 - this.t.lineHeight(STYLES.th, this.l.goal) - 6;
    if (this.y + rowHeight > BOTTOM && rowHeight <= fresh) {
      this.newPage(true);
      this.tableHeader();
    }
    const top = this.y;
    this.y = top + pad;
    this.text(respText, resp.offset + pad, resp.width - 2 * pad, STYLES.step);
    this.text(formatDay(g.deadline, lang), due.offset + pad, due.width - 2 * pad, STYLES.step);
    let y = top + pad;
    for (const ln of lines) {
      const lh = this.t.lineHeight(ln.style, ln.text);
      if (y + lh > BOTTOM) {
        // a goal longer than a page continues on the next one
        this.newPage(true);
        y = this.y;
      }
      this.t.line(ln.text, this.x(goal.offset + pad + ln.indent, goalWidth - ln.indent), y, goalWidth - ln.indent, ln.style, { rtl: this.rtl });
      y += lh;
    }
    this.y = Math.max(y + pad, top + rowHeight);
    this.rule();
  }

  signatures(): void {
    const { l, data } = this;
    const textHeight = this.t.measure(l.agreementText, CONTENT_WIDTH, STYLES.body);
    this.ensure(textHeight + 170);
    this.y += 8;
    this.y += this.text(l.agreementText, 0, CONTENT_WIDTH, STYLES.body) + 40;
    const half = (CONTENT_WIDTH - 30) / 2;
    const lineAt = (offset: number, width: number) => {
      const x = this.x(offset, width);
      this.doc.moveTo(x, this.y).lineTo(x + width, this.y).lineWidth(0.8).strokeColor('#111827').stroke();
    };
    lineAt(0, half);
    lineAt(half + 30, half);
    this.y += 4;
    this.text(`${l.place}${this.rtl ? '، ' : ', '}${l.date}`, 0, half, STYLES.small);
    this.text(`${l.place}${this.rtl ? '، ' : ', '}${l.date}`, half + 30, half, STYLES.small);
    this.y += 50;
    lineAt(0, half);
    lineAt(half + 30, half);
    this.y += 4;
    this.y += Math.max(this.text(l.signaturePerson, 0, half, STYLES.small), this.text(l.signatureManager, half + 30, half, STYLES.small));
    this.y += Math.max(this.text(data.person.name, 0, half, STYLES.small), data.managerName ? this.text(data.managerName, half + 30, half, STYLES.small) : 0) + 10;
  }

  write(first: boolean, translated: boolean): void {
    if (!first) this.newPage(false);
    else this.onPage(this.lang);
    this.letterhead(translated);
    this.details();
    this.goals();
    this.signatures();
  }
}

/**
 * The goal agreement (Zielvereinbarung) for signature: the German section, then the same in each
 * further language (labels translated, goal texts as typed), each with its signature lines; every
 * page numbered in its section's language. Returns the PDF bytes.
 */
export async function renderGoalAgreement(data: GoalAgreementData, languages: PdfLanguage[], options: { compress?: boolean } = {}): Promise<Buffer> {
  const doc = new PDFDocument({
    size: 'A4',
    margin: 20,
    bufferPages: true,
    autoFirstPage: true,
    compress: options.compress ?? true,
    lang: languages[0] ?? 'de',
    displayTitle: true,
    info: {
      Title: `${PDF_LABELS.de.title} ${data.caseReference}`,
      Author: data.tenantName,
      Creator: 'Lotse',
      Producer: 'Lotse',
    },
  });
  const chunks: Buffer[] = [];
  const done = new Promise<Buffer>((resolve, reject) => {
    doc.on('data', (c: Buffer) => chunks.push(c));
    doc.on('end', () => resolve(Buffer.concat(chunks)));
    doc.on('error', reject);
  });
  const t = new PdfText(doc);
  const pageLanguages: PdfLanguage[] = [];
  const sections = languages.length ? languages : (['de'] as PdfLanguage[]);
  sections.forEach((lang, i) => {
    new SectionWriter(t, data, lang, (l) => {
      pageLanguages.push(l);
    }).write(i === 0, lang !== 'de' && i > 0);
  });
  // page numbers and the case reference on every page
  const range = doc.bufferedPageRange();
  for (let i = range.start; i < range.start + range.count; i++) {
    doc.switchToPage(i);
    const lang = pageLanguages[i - range.start] ?? 'de';
    const labels = PDF_LABELS[lang];
    const rtl = RTL_LANGUAGES.has(lang);
    const y = PAGE.height - MARGIN.bottom + 24;
    doc.moveTo(MARGIN.left, y - 6).lineTo(MARGIN.left + CONTENT_WIDTH, y - 6).lineWidth(0.5).strokeColor(LINE).stroke();
    t.line(`${data.caseReference} · ${fill(labels.version, { n: data.plan.version })}`, MARGIN.left, y, CONTENT_WIDTH, STYLES.small, { rtl, align: 'start' });
    t.line(fill(labels.page, { page: i - range.start + 1, pages: range.count }), MARGIN.left, y, CONTENT_WIDTH, STYLES.small, { rtl, align: 'end' });
  }
  doc.end();
  return done;
}
