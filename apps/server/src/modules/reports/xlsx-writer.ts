/**
 * A streaming XLSX (Office Open XML spreadsheet) writer. Rows become deflated XML as they come,
 * with back-pressure all the way to the output stream, so memory stays flat however many rows a
 * report has. Only what reports need: inline strings, numbers, dates, one bold variant, column
 * widths, a frozen heading row, a new sheet when one is full. See docs/decisions/0004.
 */
import { once } from 'node:events';
import type { Writable } from 'node:stream';
import { crc32, createDeflateRaw, type DeflateRaw, type ZlibOptions } from 'node:zlib';

/** How a column's values are written and shown. */
export type CellStyle = 'text' | 'integer' | 'decimal' | 'money' | 'date' | 'datetime' | 'duration';

export interface Column {
  header: string;
  /** Width in characters. */
  width?: number;
  style?: CellStyle;
  /**
   * Text of few distinct values (a type, a status): written once in the shared strings table and
   * referred to by index, which keeps big sheets small. Not for free text or numbers.
   */
  shared?: boolean;
}

/**
 * A cell: text for text columns; a number or a decimal string (e.g. "9970.33", exact) for numeric
 * columns; a Date (shown in `toLocalMs` time) or a serial from `XlsxWriter.serial` for date
 * columns; seconds for duration columns.
 */
export type CellValue = string | number | Date | null | undefined;

export interface RowOptions {
  bold?: boolean;
}

export interface XlsxOptions {
  /** zlib level 1–9: 1 is several times faster and about 15 % larger than 6. */
  level?: number;
  /** Wall-clock milliseconds of an instant for date cells (e.g. Asia/Almaty); default UTC. */
  toLocalMs?: (utcMs: number) => number;
  /** Locale tag of the number formats, e.g. '[$-419]' (Russian). */
  localeTag?: string;
  /** Data rows per sheet before the next sheet starts (Excel's limit is 1,048,576 rows in all). */
  maxRowsPerSheet?: number;
}

const EXCEL_MAX_ROWS = 1_048_576;
/** Distinct shared strings per workbook; texts beyond are written inline. */
const MAX_SHARED_STRINGS = 10_000;
const STYLES: readonly CellStyle[] = ['text', 'integer', 'decimal', 'money', 'date', 'datetime', 'duration'];
/** numFmtId of each style: built-in ids, or custom ones (164+) defined in styles.xml. */
const NUM_FMT: Record<CellStyle, number> = {
  text: 49,
  integer: 3,
  decimal: 4,
  money: 4,
  date: 164,
  datetime: 165,
  duration: 166,
};
const CUSTOM_FORMATS: readonly [number, string][] = [
  [164, 'dd.mm.yyyy'],
  [165, 'dd.mm.yyyy hh:mm:ss'],
  [166, '[h]:mm:ss'],
];
/** Excel's day 0 is 1899-12-30: the serial of 1970-01-01 is 25569. */
const EXCEL_EPOCH_DAYS = 25_569;
const DAY_MS = 86_400_000;
const CHUNK_CHARS = 1 << 16;
/** Text the deflater may hold queued: the next chunk is built while the last one is compressed (on another thread). */
const DEFLATE_QUEUE_BYTES = 1 << 20;

const NS_MAIN = 'http://schemas.openxmlformats.org/spreadsheetml/2006/main';
const NS_REL = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships';
const XML_HEAD = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n';

// Markup characters, and the control characters XML 1.0 cannot carry at all (they are dropped).
// biome-ignore lint/suspicious/noControlCharactersInRegex: these are exactly the characters to find
const XML_SPECIAL = /[<>&"\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]/;
// biome-ignore lint/suspicious/noControlCharactersInRegex: as above
const XML_SPECIAL_G = /[<>&"\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]/g;

export function escapeXml(s: string): string {
  if (!XML_SPECIAL.test(s)) return s;
  return s.replace(XML_SPECIAL_G, (c) => {
    switch (c) {
      case '<':
        return '&lt;';
      case '>':
        return '&gt;';
      case '&':
        return '&amp;';
      case '"':
        return '&quot;';
      default:
        return ''; // characters XML 1.0 cannot carry
    }
  });
}

/** A1-style column letters: 0 → A, 25 → Z, 26 → AA. */
export function columnLetters(index: number): string {
  let n = index + 1;
  let s = '';
  while (n > 0) {
    const r = (n - 1) % 26;
    s = String.fromCharCode(65 + r) + s;
    n = Math.floor((n - 1) / 26);
  }
  return s;
}

/** Sheet names: at most 31 characters, none of []:*?/\ and not blank. */
function sheetName(name: string, taken: Set<string>): string {
  const base =
    name
      .replace(/[[\]:*?/\\]/g, ' ')
      .trim()
      .slice(0, 31) || 'Sheet';
  let candidate = base;
  for (let i = 2; taken.has(candidate.toLowerCase()); i++) {
    const suffix = ` (${i})`;
    candidate = base.slice(0, 31 - suffix.length) + suffix;
  }
  taken.add(candidate.toLowerCase());
  return candidate;
}

// ---------------------------------------------------------------------------------------------
// ZIP container, written front to back (sizes in a data descriptor after each entry).

interface ZipEntry {
  name: Buffer;
  offset: number;
  crc: number;
  compressed: number;
  size: number;
}

const ZIP_FLAGS = 0x0808; // bit 3: sizes follow the data; bit 11: UTF-8 names
const ZIP_LIMIT = 0xffff_ffff;

function dosDateTime(d: Date): { time: number; date: number } {
  const time = (d.getHours() << 11) | (d.getMinutes() << 5) | Math.floor(d.getSeconds() / 2);
  const date = ((Math.max(1980, d.getFullYear()) - 1980) << 9) | ((d.getMonth() + 1) << 5) | d.getDate();
  return { time, date };
}

class ZipWriter {
  private offset = 0;
  private readonly entries: ZipEntry[] = [];
  private readonly stamp = dosDateTime(new Date());

  constructor(
    private readonly out: Writable,
    private readonly level: number,
  ) {}

  /** Writes to the output, waiting while it is full. */
  async put(buf: Buffer): Promise<void> {
    this.offset += buf.length;
    if (this.offset > ZIP_LIMIT) throw new Error('the spreadsheet is larger than 4 GB');
    if (!this.out.write(buf)) await once(this.out, 'drain');
  }

  async open(name: string): Promise<ZipEntryWriter> {
    const entry: ZipEntry = { name: Buffer.from(name, 'utf8'), offset: this.offset, crc: 0, compressed: 0, size: 0 };
    const header = Buffer.alloc(30);
    header.writeUInt32LE(0x04034b50, 0);
    header.writeUInt16LE(20, 4);
    header.writeUInt16LE(ZIP_FLAGS, 6);
    header.writeUInt16LE(8, 8);
    header.writeUInt16LE(this.stamp.time, 10);
    header.writeUInt16LE(this.stamp.date, 12);
    header.writeUInt16LE(entry.name.length, 26);
    await this.put(Buffer.concat([header, entry.name]));
    this.entries.push(entry);
    return new ZipEntryWriter(
      this,
      entry,
      // The stream options reach the Transform underneath (Node's typings list only zlib's own).
      createDeflateRaw({ level: this.level, writableHighWaterMark: DEFLATE_QUEUE_BYTES } as ZlibOptions),
    );
  }

  async file(name: string, content: string): Promise<void> {
    const entry = await this.open(name);
    await entry.write(Buffer.from(content, 'utf8'));
    await entry.close();
  }

  async finish(): Promise<void> {
    const start = this.offset;
    const parts: Buffer[] = [];
    for (const e of this.entries) {
      const h = Buffer.alloc(46);
      h.writeUInt32LE(0x02014b50, 0);
      h.writeUInt16LE(20, 4);
      h.writeUInt16LE(20, 6);
      h.writeUInt16LE(ZIP_FLAGS, 8);
      h.writeUInt16LE(8, 10);
      h.writeUInt16LE(this.stamp.time, 12);
      h.writeUInt16LE(this.stamp.date, 14);
      h.writeUInt32LE(e.crc, 16);
      h.writeUInt32LE(e.compressed, 20);
      h.writeUInt32LE(e.size, 24);
      h.writeUInt16LE(e.name.length, 28);
      h.writeUInt32LE(e.offset, 42);
      parts.push(h, e.name);
    }
    const directory = Buffer.concat(parts);
    const end = Buffer.alloc(22);
    end.writeUInt32LE(0x06054b50, 0);
    end.writeUInt16LE(this.entries.length, 8);
    end.writeUInt16LE(this.entries.length, 10);
    end.writeUInt32LE(directory.length, 12);
    end.writeUInt32LE(start, 16);
    await this.put(Buffer.concat([directory, end]));
  }
}

class ZipEntryWriter {
  private readonly pump: Promise<void>;

  constructor(
    private readonly zip: ZipWriter,
    private readonly entry: ZipEntry,
    private readonly deflate: DeflateRaw,
  ) {
    // Compressed output is copied to the zip as it is produced, at the pace the output takes it.
    this.pump = (async () => {
      for await (const chunk of deflate as AsyncIterable<Buffer>) {
        entry.compressed += chunk.length;
        await zip.put(chunk);
      }
    })();
    this.pump.catch(() => undefined); // surfaced by close()
  }

  async write(buf: Buffer): Promise<void> {
    this.entry.crc = crc32(buf, this.entry.crc);
    this.entry.size += buf.length;
    if (this.entry.size > ZIP_LIMIT) throw new Error('a sheet is larger than 4 GB');
    if (!this.deflate.write(buf)) await Promise.race([once(this.deflate, 'drain'), this.pump]);
  }

  async close(): Promise<void> {
    this.deflate.end();
    await this.pump;
    const d = Buffer.alloc(16);
    d.writeUInt32LE(0x08074b50, 0);
    d.writeUInt32LE(this.entry.crc, 4);
    d.writeUInt32LE(this.entry.compressed, 8);
    d.writeUInt32LE(this.entry.size, 12);
    await this.zip.put(d);
  }
}

// ---------------------------------------------------------------------------------------------
// Workbook

export interface SheetOptions {
  /** Lines above the heading row (title, company, period), each in one bold cell. */
  preamble?: string[];
}

interface SheetInfo {
  name: string;
  path: string;
}

/**
 * Usage: `const book = new XlsxWriter(out); const sheet = await book.addSheet(name, columns);
 * await sheet.addRows(rows); await book.finish();` — one sheet is open at a time.
 */
export class XlsxWriter {
  private readonly zip: ZipWriter;
  private readonly sheets: SheetInfo[] = [];
  private readonly names = new Set<string>();
  private current: SheetWriter | null = null;
  private readonly shared = new Map<string, number>();
  readonly toLocalMs: (utcMs: number) => number;
  readonly maxRowsPerSheet: number;

  constructor(
    out: Writable,
    private readonly options: XlsxOptions = {},
  ) {
    this.zip = new ZipWriter(out, options.level ?? 6);
    this.toLocalMs = options.toLocalMs ?? ((ms) => ms);
    this.maxRowsPerSheet = Math.min(options.maxRowsPerSheet ?? EXCEL_MAX_ROWS - 1, EXCEL_MAX_ROWS - 1);
  }

  /** The shared-strings index of a text, or -1 when the table is full (the text is then written inline). */
  sharedIndex(text: string): number {
    let index = this.shared.get(text);
    if (index === undefined) {
      if (this.shared.size >= MAX_SHARED_STRINGS) return -1;
      index = this.shared.size;
      this.shared.set(text, index);
    }
    return index;
  }

  /** The date cell value of an instant (epoch milliseconds), in `toLocalMs` time: cheaper than a Date per row. */
  serial(utcMs: number): number {
    return this.toLocalMs(utcMs) / DAY_MS + EXCEL_EPOCH_DAYS;
  }

  async addSheet(name: string, columns: readonly Column[], options: SheetOptions = {}): Promise<SheetWriter> {
    await this.current?.close();
    const index = this.sheets.length + 1;
    const info = { name: sheetName(name, this.names), path: `xl/worksheets/sheet${index}.xml` };
    this.sheets.push(info);
    const entry = await this.zip.open(info.path);
    const sheet = new SheetWriter(this, entry, name, columns, options);
    await sheet.start();
    this.current = sheet;
    return sheet;
  }

  /** Starts a continuation sheet with the same columns when one is full. */
  async continueSheet(from: SheetWriter): Promise<SheetWriter> {
    return this.addSheet(from.baseName, from.columns);
  }

  async finish(): Promise<void> {
    await this.current?.close();
    this.current = null;
    if (this.sheets.length === 0) await this.addSheet('Sheet1', []).then((s) => s.close());
    await this.zip.file('[Content_Types].xml', this.contentTypes());
    await this.zip.file(
      '_rels/.rels',
      `${XML_HEAD}<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">` +
        `<Relationship Id="rId1" Type="${NS_REL}/officeDocument" Target="xl/workbook.xml"/></Relationships>`,
    );
    await this.zip.file('xl/workbook.xml', this.workbook());
    await this.zip.file('xl/_rels/workbook.xml.rels', this.workbookRels());
    await this.zip.file('xl/styles.xml', this.styles());
    if (this.shared.size > 0) await this.zip.file('xl/sharedStrings.xml', this.sharedStrings());
    await this.zip.finish();
  }

  private sharedStrings(): string {
    const items: string[] = [];
    for (const text of this.shared.keys()) {
      const t = escapeXml(text);
      items.push(`<si><t${/^\s|\s$/.test(t) ? ' xml:space="preserve"' : ''}>${t}</t></si>`);
    }
    return `${XML_HEAD}<sst xmlns="${NS_MAIN}" count="${items.length}" uniqueCount="${items.length}">${items.join('')}</sst>`;
  }

  private contentTypes(): string {
    const sheets = this.sheets
      .map(
        (s) =>
          `<Override PartName="/${s.path}" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/>`,
      )
      .join('');
    return (
      `${XML_HEAD}<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">` +
      '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>' +
      '<Default Extension="xml" ContentType="application/xml"/>' +
      '<Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/>' +
      '<Override PartName="/xl/styles.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml"/>' +
      (this.shared.size > 0
        ? '<Override PartName="/xl/sharedStrings.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sharedStrings+xml"/>'
        : '') +
      `${sheets}</Types>`
    );
  }

  private workbook(): string {
    const sheets = this.sheets
      .map((s, i) => `<sheet name="${escapeXml(s.name)}" sheetId="${i + 1}" r:id="rId${i + 1}"/>`)
      .join('');
    return `${XML_HEAD}<workbook xmlns="${NS_MAIN}" xmlns:r="${NS_REL}"><bookViews><workbookView/></bookViews><sheets>${sheets}</sheets></workbook>`;
  }

  private workbookRels(): string {
    const sheets = this.sheets
      .map((s, i) => `<Relationship Id="rId${i + 1}" Type="${NS_REL}/worksheet" Target="${s.path.slice(3)}"/>`)
      .join('');
    const styles = `<Relationship Id="rId${this.sheets.length + 1}" Type="${NS_REL}/styles" Target="styles.xml"/>`;
    const shared =
      this.shared.size > 0
        ? `<Relationship Id="rId${this.sheets.length + 2}" Type="${NS_REL}/sharedStrings" Target="sharedStrings.xml"/>`
        : '';
    return `${XML_HEAD}<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">${sheets}${styles}${shared}</Relationships>`;
  }

  private styles(): string {
    const tag = this.options.localeTag ?? '';
    const formats = CUSTOM_FORMATS.map(
      ([id, code]) => `<numFmt numFmtId="${id}" formatCode="${escapeXml(tag + code)}"/>`,
    ).join('');
    // Cell formats: 0 is the default; then each style plain and bold (see styleId()).
    const xfs = ['<xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0"/>'];
    for (const style of STYLES) {
      for (const bold of [false, true]) {
        xfs.push(
          `<xf numFmtId="${NUM_FMT[style]}" fontId="${bold ? 1 : 0}" fillId="0" borderId="0" xfId="0" applyNumberFormat="1"${bold ? ' applyFont="1"' : ''}/>`,
        );
      }
    }
    return (
      `${XML_HEAD}<styleSheet xmlns="${NS_MAIN}">` +
      `<numFmts count="${CUSTOM_FORMATS.length}">${formats}</numFmts>` +
      '<fonts count="2"><font><sz val="11"/><name val="Calibri"/><family val="2"/></font>' +
      '<font><b/><sz val="11"/><name val="Calibri"/><family val="2"/></font></fonts>' +
      '<fills count="2"><fill><patternFill patternType="none"/></fill><fill><patternFill patternType="gray125"/></fill></fills>' +
      '<borders count="1"><border><left/><right/><top/><bottom/><diagonal/></border></borders>' +
      '<cellStyleXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0"/></cellStyleXfs>' +
      `<cellXfs count="${xfs.length}">${xfs.join('')}</cellXfs>` +
      '<cellStyles count="1"><cellStyle name="Normal" xfId="0" builtinId="0"/></cellStyles>' +
      '</styleSheet>'
    );
  }
}

function styleId(style: CellStyle, bold: boolean): number {
  return 1 + STYLES.indexOf(style) * 2 + (bold ? 1 : 0);
}

export class SheetWriter {
  private rowNumber = 0;
  private dataRows = 0;
  private parts: string[] = [];
  private chars = 0;
  private closed = false;
  private next: SheetWriter | null = null;
  private readonly letters: string[];
  /** Per column, plain and bold: what comes before and after the row number in a cell's opening. */
  private readonly cellStart: string[];
  private readonly cellStyle: [string, string][];
  private readonly styles: CellStyle[];
  private readonly sharedColumns: boolean[];

  constructor(
    private readonly book: XlsxWriter,
    private readonly entry: ZipEntryWriter,
    readonly baseName: string,
    readonly columns: readonly Column[],
    private readonly options: SheetOptions,
  ) {
    this.letters = columns.map((_, i) => columnLetters(i));
    this.styles = columns.map((c) => c.style ?? 'text');
    this.cellStart = this.letters.map((letters) => `<c r="${letters}`);
    this.cellStyle = this.styles.map((style) => [`" s="${styleId(style, false)}"`, `" s="${styleId(style, true)}"`]);
    this.sharedColumns = columns.map((c) => Boolean(c.shared) && (c.style ?? 'text') === 'text');
  }

  /** Rows written to this sheet and its continuation sheets, headings excluded. */
  get rowCount(): number {
    return this.dataRows + (this.next?.rowCount ?? 0);
  }

  async start(): Promise<void> {
    const preamble = this.options.preamble ?? [];
    const headerRow = preamble.length + 1;
    const cols = this.columns.length
      ? `<cols>${this.columns
          .map((c, i) => `<col min="${i + 1}" max="${i + 1}" width="${c.width ?? 14}" customWidth="1"/>`)
          .join('')}</cols>`
      : '';
    const pane = this.columns.length
      ? `<pane ySplit="${headerRow}" topLeftCell="A${headerRow + 1}" activePane="bottomLeft" state="frozen"/>`
      : '';
    this.push(
      `${XML_HEAD}<worksheet xmlns="${NS_MAIN}" xmlns:r="${NS_REL}">` +
        `<sheetViews><sheetView workbookViewId="0">${pane}</sheetView></sheetViews>` +
        `<sheetFormatPr defaultRowHeight="15"/>${cols}<sheetData>`,
    );
    const bold = styleId('text', true);
    for (const line of preamble) {
      this.rowNumber++;
      this.push(`<row r="${this.rowNumber}">${this.textCell(0, line, this.open(0, bold))}</row>`);
    }
    if (this.columns.length) {
      this.rowNumber++;
      this.push(
        `<row r="${this.rowNumber}">${this.columns.map((c, i) => this.textCell(i, c.header, this.open(i, bold))).join('')}</row>`,
      );
    }
  }

  /** Adds rows; resolves once the output has room for more. */
  async addRows(rows: readonly (readonly CellValue[])[], options: RowOptions = {}): Promise<void> {
    if (this.next) return this.next.addRows(rows, options);
    for (let i = 0; i < rows.length; i++) {
      if (this.dataRows >= this.book.maxRowsPerSheet) {
        this.next = await this.book.continueSheet(this);
        return this.next.addRows(rows.slice(i), options);
      }
      this.push(this.rowXml(rows[i] as readonly CellValue[], options.bold ?? false));
      this.dataRows++;
      if (this.chars >= CHUNK_CHARS) await this.flush();
    }
  }

  addRow(row: readonly CellValue[], options: RowOptions = {}): Promise<void> {
    return this.addRows([row], options);
  }

  /** A cell's opening, with its reference: some readers (exceljs) need `r` on every cell. */
  private open(i: number, style: number): string {
    return `<c r="${this.letters[i]}${this.rowNumber}" s="${style}"`;
  }

  /** A text cell from its opening (`<c r="B7" s="3"`): shared when its column is and the table has room, else inline. */
  private textCell(i: number, text: string, opening: string): string {
    if (this.sharedColumns[i]) {
      const index = this.book.sharedIndex(text);
      if (index >= 0) return `${opening} t="s"><v>${index}</v></c>`;
    }
    const t = escapeXml(text);
    const space = /^\s|\s$/.test(t) ? ' xml:space="preserve"' : '';
    return `${opening} t="inlineStr"><is><t${space}>${t}</t></is></c>`;
  }

  private rowXml(values: readonly CellValue[], bold: boolean): string {
    const row = String(++this.rowNumber);
    const b = bold ? 1 : 0;
    let xml = `<row r="${row}">`;
    const n = Math.min(values.length, this.columns.length);
    for (let i = 0; i < n; i++) {
      const v = values[i];
      if (v === null || v === undefined || v === '') continue;
      const style = this.styles[i] as CellStyle;
      const opening = this.cellStart[i] + row + (this.cellStyle[i] as [string, string])[b];
      if (style === 'text') {
        xml += this.textCell(i, typeof v === 'string' ? v : v instanceof Date ? v.toISOString() : String(v), opening);
        continue;
      }
      let num: string;
      if (typeof v === 'number') {
        num = !Number.isFinite(v) ? '' : style === 'duration' ? String(v / 86_400) : String(v);
      } else if (v instanceof Date) {
        num = String(this.book.serial(v.getTime()));
      } else if (style === 'duration') {
        num = String(Number(v) / 86_400);
      } else {
        // Decimal strings stay exact (money as "9970.33").
        num = /^-?\d+(\.\d+)?$/.test(v) ? v : '';
      }
      xml += num === '' ? this.textCell(i, String(v), opening) : `${opening}><v>${num}</v></c>`;
    }
    return `${xml}</row>`;
  }

  private push(xml: string) {
    this.parts.push(xml);
    this.chars += xml.length;
  }

  private async flush(): Promise<void> {
    if (this.parts.length === 0) return;
    const buf = Buffer.from(this.parts.join(''), 'utf8');
    this.parts = [];
    this.chars = 0;
    await this.entry.write(buf);
  }

  async close(): Promise<void> {
    if (this.closed) return;
    this.closed = true;
    this.push('</sheetData></worksheet>');
    await this.flush();
    await this.entry.close();
  }
}
