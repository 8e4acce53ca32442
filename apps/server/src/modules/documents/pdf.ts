/**
 * PDF documents (F33, F35, F39) with pdfkit and DejaVu Sans, whose glyphs cover Cyrillic, the
 * Kazakh letters (Ә Ғ Қ Ң Ө Ұ Ү Һ І) and ₸. Pages are written out as they fill, so a long table
 * streams instead of piling up in memory.
 */
import { createRequire } from 'node:module';
import type { Writable } from 'node:stream';
import PDFDocument from 'pdfkit';
import type { Language } from '../../lib/i18n.js';
import { rt } from '../reports/report-texts.js';

const require = createRequire(import.meta.url);
const FONT_REGULAR = require.resolve('dejavu-fonts-ttf/ttf/DejaVuSans.ttf');
const FONT_BOLD = require.resolve('dejavu-fonts-ttf/ttf/DejaVuSans-Bold.ttf');

export type Pdf = PDFKit.PDFDocument;

const MARGIN = 40;

/** An A4 document in DejaVu Sans, piped to `out`, with a page number at the foot of every page. */
export function createPdf(out: Writable, meta: { title: string; lang: Language }): Pdf {
  const doc = new PDFDocument({
    size: 'A4',
    margin: MARGIN,
    info: { Title: meta.title, Author: 'My Account', Creator: 'My Account' },
    lang: meta.lang,
  });
  doc.registerFont('regular', FONT_REGULAR);
  doc.registerFont('bold', FONT_BOLD);
  doc.pipe(out);
  let page = 0;
  const footer = () => {
    page += 1;
    const { x, y } = doc;
    const bottom = doc.page.margins.bottom;
    doc.page.margins.bottom = 0;
    doc
      .font('regular')
      .fontSize(7)
      .fillColor('#666666')
      .text(rt('page', meta.lang, { page }), MARGIN, doc.page.height - 25, {
        width: doc.page.width - 2 * MARGIN,
        align: 'right',
        lineBreak: false,
      });
    doc.page.margins.bottom = bottom;
    doc.fillColor('black').font('regular').fontSize(9);
    doc.x = x;
    doc.y = y;
  };
  doc.on('pageAdded', footer);
  footer();
  doc.font('regular').fontSize(9);
  return doc;
}

/** Ends the document and waits until `out` has it all. */
export async function endPdf(doc: Pdf, out: Writable): Promise<void> {
  const done = new Promise<void>((resolve, reject) => {
    out.once('finish', resolve);
    out.once('error', reject);
  });
  doc.end();
  await done;
}

export function heading(doc: Pdf, text: string, size = 13) {
  doc.font('bold').fontSize(size).text(text, { align: 'center' }).font('regular').fontSize(9);
}

export function paragraph(doc: Pdf, text: string, options: { bold?: boolean; size?: number; gap?: number } = {}) {
  doc
    .font(options.bold ? 'bold' : 'regular')
    .fontSize(options.size ?? 9)
    .text(text, MARGIN, doc.y, { width: doc.page.width - 2 * MARGIN });
  doc.font('regular').fontSize(9);
  if (options.gap) doc.moveDown(options.gap);
}

export interface PdfColumn {
  header: string;
  /** Share of the usable width. */
  weight: number;
  align?: 'left' | 'right' | 'center';
}

/** A table that repeats its heading row on every new page. */
export class PdfTable {
  private readonly widths: number[];

  constructor(
    private readonly doc: Pdf,
    private readonly columns: readonly PdfColumn[],
  ) {
    const usable = doc.page.width - 2 * MARGIN;
    const total = columns.reduce((s, c) => s + c.weight, 0);
    this.widths = columns.map((c) => (usable * c.weight) / total);
  }

  header(): void {
    this.row(
      this.columns.map((c) => c.header),
      { bold: true, shade: true },
    );
  }

  row(cells: readonly string[], options: { bold?: boolean; shade?: boolean } = {}): void {
    const doc = this.doc;
    const pad = 3;
    doc.font(options.bold ? 'bold' : 'regular').fontSize(8);
    const height =
      Math.max(...cells.map((c, i) => doc.heightOfString(c || ' ', { width: (this.widths[i] ?? 0) - 2 * pad }))) +
      2 * pad;
    if (doc.y + height > doc.page.height - doc.page.margins.bottom) {
      doc.addPage();
      if (!options.shade) this.header();
      doc.font(options.bold ? 'bold' : 'regular').fontSize(8);
    }
    const top = doc.y;
    let x = MARGIN;
    for (let i = 0; i < this.columns.length; i++) {
      const w = this.widths[i] ?? 0;
      if (options.shade) doc.rect(x, top, w, height).fillAndStroke('#eeeeee', '#999999').fillColor('black');
      else doc.rect(x, top, w, height).strokeColor('#999999').stroke();
      doc.text(cells[i] ?? '', x + pad, top + pad, {
        width: w - 2 * pad,
        align: this.columns[i]?.align ?? 'left',
      });
      x += w;
    }
    doc.x = MARGIN;
    doc.y = top + height;
    doc.font('regular').fontSize(9);
  }
}
