import { PassThrough } from 'node:stream';
import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { columnLetters, escapeXml, XlsxWriter } from './xlsx-writer.js';

async function write(fill: (book: XlsxWriter) => Promise<void>, options = {}): Promise<Buffer> {
  const out = new PassThrough();
  const chunks: Buffer[] = [];
  out.on('data', (c: Buffer) => chunks.push(c));
  const book = new XlsxWriter(out, options);
  await fill(book);
  await book.finish();
  out.end();
  return Buffer.concat(chunks);
}

async function read(buf: Buffer): Promise<ExcelJS.Workbook> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(buf as never);
  return wb;
}

describe('streaming XLSX writer', () => {
  it('writes headings, text, exact decimals, integers, dates, durations and a bold total that Excel readers open', async () => {
    const buf = await write(
      async (book) => {
        const sheet = await book.addSheet(
          'Детализация',
          [
            { header: 'Дата', style: 'datetime' },
            { header: 'Тип' },
            { header: 'Длительность', style: 'duration' },
            { header: 'Сумма, ₸', style: 'money' },
            { header: 'Кол-во', style: 'integer' },
          ],
          { preamble: ['Отчёт <№1> & «ӘҒҚҢӨҰҮҺІ»'] },
        );
        await sheet.addRows([
          [new Date('2026-04-16T07:31:39Z'), 'Звонок', 90, '9970.33', 3],
          [new Date('2026-04-16T08:00:00Z'), ' пробел ', null, '-0.05', 0],
        ]);
        await sheet.addRow(['Итого', null, null, '9970.28', 3], { bold: true });
      },
      { toLocalMs: (ms: number) => ms + 5 * 3_600_000, localeTag: '[$-419]' },
    );
    const ws = (await read(buf)).worksheets[0]!;
    expect(ws.name).toBe('Детализация');
    expect(ws.getCell('A1').value).toBe('Отчёт <№1> & «ӘҒҚҢӨҰҮҺІ»');
    expect(ws.getRow(2).values).toEqual([undefined, 'Дата', 'Тип', 'Длительность', 'Сумма, ₸', 'Кол-во']);
    // Dates are Almaty wall-clock time (UTC+5): 07:31:39Z is 12:31:39 local.
    expect((ws.getCell('A3').value as Date).toISOString()).toBe('2026-04-16T12:31:39.000Z');
    expect(ws.getCell('A3').numFmt).toBe('[$-419]dd.mm.yyyy hh:mm:ss');
    expect(ws.getCell('B3').value).toBe('Звонок');
    expect(ws.getCell('B4').value).toBe(' пробел ');
    // A duration is a fraction of a day shown as [h]:mm:ss (readers see a time after 30.12.1899).
    const duration = ws.getCell('C3').value as Date;
    expect((duration.getTime() - Date.UTC(1899, 11, 30)) / 1000).toBeCloseTo(90, 3);
    expect(ws.getCell('C3').numFmt).toBe('[$-419][h]:mm:ss');
    expect(ws.getCell('D3').value).toBe(9970.33);
    expect(ws.getCell('D3').numFmt).toBe('#,##0.00');
    expect(ws.getCell('D4').value).toBe(-0.05);
    expect(ws.getCell('E4').value).toBe(0);
    expect(ws.getCell('A5').value).toBe('Итого');
    expect(ws.getCell('A5').font?.bold).toBe(true);
    expect(ws.getCell('D5').value).toBe(9970.28);
    expect(ws.rowCount).toBe(5);
  });

  it('starts a continuation sheet with the same headings when a sheet is full', async () => {
    const buf = await write(
      async (book) => {
        const sheet = await book.addSheet('Rows', [{ header: 'n', style: 'integer' }]);
        await sheet.addRows(Array.from({ length: 7 }, (_, i) => [i + 1]));
        expect(sheet.rowCount).toBe(7);
      },
      { maxRowsPerSheet: 3 },
    );
    const wb = await read(buf);
    expect(wb.worksheets.map((w) => w.name)).toEqual(['Rows', 'Rows (2)', 'Rows (3)']);
    const values = wb.worksheets.flatMap((w) =>
      w
        .getSheetValues()
        .slice(2)
        .map((r) => (r as unknown[])[1]),
    );
    expect(values).toEqual([1, 2, 3, 4, 5, 6, 7]);
    expect(wb.worksheets[2]!.getCell('A1').value).toBe('n');
  });

  it('keeps text XML-safe and sheet names valid', async () => {
    expect(escapeXml('a<b>&"c"\u0001d')).toBe('a&lt;b&gt;&amp;&quot;c&quot;d');
    expect(columnLetters(0)).toBe('A');
    expect(columnLetters(25)).toBe('Z');
    expect(columnLetters(26)).toBe('AA');
    expect(columnLetters(701)).toBe('ZZ');
    const buf = await write(async (book) => {
      await book.addSheet('a/b:c*d?[e]\\ and a very long name over thirty-one', [{ header: 'x' }]);
    });
    expect((await read(buf)).worksheets[0]!.name).toBe('a b c d  e   and a very long na');
  });

  it('holds memory flat: 200,000 rows through a slow reader never buffer more than a few megabytes', async () => {
    const out = new PassThrough({ highWaterMark: 16 * 1024 });
    let bytes = 0;
    let maxBuffered = 0;
    const reading = (async () => {
      for await (const chunk of out) {
        bytes += (chunk as Buffer).length;
        maxBuffered = Math.max(maxBuffered, out.readableLength + out.writableLength);
        await new Promise((r) => setImmediate(r));
      }
    })();
    const book = new XlsxWriter(out);
    const sheet = await book.addSheet('Big', [{ header: 'n', style: 'integer' }, { header: 'text' }]);
    for (let i = 0; i < 200_000; i += 5000) {
      await sheet.addRows(Array.from({ length: 5000 }, (_, j) => [i + j, `row ${i + j}`]));
    }
    await book.finish();
    out.end();
    await reading;
    expect(bytes).toBeGreaterThan(100_000);
    expect(maxBuffered).toBeLessThan(4 * 1024 * 1024);
  });
});
