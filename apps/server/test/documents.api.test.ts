import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ADMIN_A_PHONE, ADMIN_B_PHONE, BIN_LARGE, DEMO_PASSWORD } from '../src/db/demo-data/constants.js';
import { tiynToAmount } from '../src/lib/money.js';
import { amountInWords, formatMoney } from '../src/modules/documents/amount-in-words.js';
import { companyIdByBin, pdfText, readXlsx, squash, table } from './helpers/reports.js';
import { createTestApp, login, type Session, type TestApp } from './helpers/test-app.js';

/**
 * F30 find numbers by invoice, F33 service delivery certificate (PDF with Cyrillic, Kazakh letters
 * and ₸, the total in words), F39 invoice breakdown (PDF, XLSX) — each checked against the database
 * and scoped to the company.
 */
const MANUAL_INVOICE = '3024211480941';
const MANUAL_ACCOUNT = '10021376';

let t: TestApp;
let a: Session;
let b: Session;
let large: string;
let companyB: string;

interface Invoice {
  id: string;
  invoice_number: string;
  e_invoice_number: string;
  period: string;
  total_tiyn: string;
  vat_tiyn: string;
}

const get = (url: string, lang = 'en', s = a) =>
  t.app.inject({ method: 'GET', url, headers: { ...s.headers, 'accept-language': lang } });

async function invoice(number: string): Promise<Invoice> {
  const { rows } = await t.ctx.db.query<Invoice>(
    `SELECT id, invoice_number, e_invoice_number, to_char(period, 'YYYY-MM') AS period, total_tiyn, vat_tiyn
       FROM invoices WHERE invoice_number = $1`,
    [number],
  );
  return rows[0]!;
}

async function linesOf(invoiceId: string) {
  const { rows } = await t.ctx.db.query<{ msisdn: string | null; description: string; amount_tiyn: string }>(
    `SELECT n.msisdn, l.description, l.amount_tiyn FROM invoice_lines l LEFT JOIN numbers n ON n.id = l.number_id
      WHERE l.invoice_id = $1 ORDER BY coalesce(n.msisdn, ''), l.id`,
    [invoiceId],
  );
  return rows;
}

beforeAll(async () => {
  t = await createTestApp();
  a = await login(t, ADMIN_A_PHONE, DEMO_PASSWORD);
  b = await login(t, ADMIN_B_PHONE, DEMO_PASSWORD);
  large = await companyIdByBin(t, a, BIN_LARGE);
  companyB = (await get('/api/v1/companies', 'en', b)).json().items[0].id;
});

afterAll(async () => t?.close());

describe('F30 find numbers by invoice', () => {
  it('finds the manual’s invoice and lists exactly the numbers on it', async () => {
    const res = await get(`/api/v1/companies/${large}/invoice-lookup?invoiceNumber=${MANUAL_INVOICE}`);
    expect(res.statusCode).toBe(200);
    const inv = await invoice(MANUAL_INVOICE);
    const { rows } = await t.ctx.db.query<{ msisdn: string }>(
      `SELECT DISTINCT n.msisdn FROM invoice_lines l JOIN numbers n ON n.id = l.number_id WHERE l.invoice_id = $1
        ORDER BY n.msisdn`,
      [inv.id],
    );
    expect(rows.length).toBeGreaterThan(0);
    expect(res.json()).toEqual({
      invoice: {
        invoiceNumber: MANUAL_INVOICE,
        registrationNumber: inv.e_invoice_number,
        accountNumber: MANUAL_ACCOUNT,
        period: inv.period,
        issuedAt: expect.any(String),
        total: { amount: tiynToAmount(inv.total_tiyn), currency: 'KZT' },
      },
      items: rows.map((r) => ({ msisdn: r.msisdn, invoiceNumber: MANUAL_INVOICE })),
    });
    const byRegistration = await get(
      `/api/v1/companies/${large}/invoice-lookup?registrationNumber=${encodeURIComponent(inv.e_invoice_number)}`,
    );
    expect(byRegistration.json().items).toEqual(res.json().items);
  });

  it('lists the account’s numbers for an invoice summarised per category', async () => {
    const { rows } = await t.ctx.db.query<{ invoice_number: string; account_id: string; period: string }>(
      `SELECT i.invoice_number, i.account_id, to_char(i.period, 'YYYY-MM') AS period FROM invoices i
        WHERE i.company_id = $1 AND NOT EXISTS (SELECT 1 FROM invoice_lines l WHERE l.invoice_id = i.id AND l.number_id IS NOT NULL)
        ORDER BY i.period LIMIT 1`,
      [large],
    );
    const summary = rows[0]!;
    const res = await get(`/api/v1/companies/${large}/invoice-lookup?invoiceNumber=${summary.invoice_number}`);
    const msisdns = res.json().items.map((i: { msisdn: string }) => i.msisdn);
    expect(msisdns.length).toBeGreaterThan(0);
    const { rows: onAccount } = await t.ctx.db.query<{ msisdn: string }>(
      'SELECT msisdn FROM numbers WHERE account_id = $1',
      [summary.account_id],
    );
    for (const m of msisdns) expect(onAccount.map((n) => n.msisdn)).toContain(m);
  });

  it('downloads the list as XLSX with the manual’s columns', async () => {
    const res = await get(
      `/api/v1/companies/${large}/invoice-lookup?invoiceNumber=${MANUAL_INVOICE}&format=xlsx`,
      'ru',
    );
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-disposition']).toContain(`nomera-po-schetu-${MANUAL_INVOICE}.xlsx`);
    const { heading, rows } = table((await readXlsx(res.rawPayload)).worksheets[0]!, 'Номер телефона');
    expect(heading).toEqual(['Номер телефона', 'Номер счёта-фактуры']);
    const json = (await get(`/api/v1/companies/${large}/invoice-lookup?invoiceNumber=${MANUAL_INVOICE}`)).json();
    expect(rows).toEqual(json.items.map((i: { msisdn: string }) => [i.msisdn, MANUAL_INVOICE]));
  });

  it('answers 404 for another company’s invoice, and asks for exactly one search key', async () => {
    const foreign = await get(`/api/v1/companies/${companyB}/invoice-lookup?invoiceNumber=${MANUAL_INVOICE}`, 'en', b);
    expect(foreign.statusCode).toBe(404);
    expect(foreign.json().error).toMatchObject({ code: 'invoice_not_found' });
    const none = await get(`/api/v1/companies/${large}/invoice-lookup`);
    expect(none.statusCode).toBe(400);
    expect(none.json().error.details.fields[0]).toMatchObject({
      field: 'invoiceNumber',
      code: 'invoice_lookup_key_required',
    });
    const both = await get(
      `/api/v1/companies/${large}/invoice-lookup?invoiceNumber=${MANUAL_INVOICE}&registrationNumber=x`,
    );
    expect(both.json().error.details.fields[0]).toMatchObject({ field: 'registrationNumber' });
    const bad = await get(`/api/v1/companies/${large}/invoice-lookup?invoiceNumber=12345`, 'kk');
    expect(bad.json().error.details.fields[0]).toMatchObject({
      field: 'invoiceNumber',
      code: 'invalid_invoice_number',
      message: 'Шот-фактура нөмірі 13 цифрдан тұрады.',
    });
  });
});

describe('F33 service delivery certificate (PDF at once)', () => {
  it('is a PDF with the parties, the services by category, VAT, the total in words and every line', async () => {
    const res = await get(`/api/v1/companies/${large}/invoices/${MANUAL_INVOICE}/certificate.pdf`, 'ru');
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toBe('application/pdf');
    expect(res.headers['content-disposition']).toContain(`akt-${MANUAL_INVOICE}.pdf`);
    expect(res.rawPayload.subarray(0, 5).toString()).toBe('%PDF-');
    const text = await pdfText(res.rawPayload);
    const flat = squash(text);
    const inv = await invoice(MANUAL_INVOICE);
    const { rows: company } = await t.ctx.db.query<{ full_name: string; bin: string }>(
      'SELECT full_name, bin FROM companies WHERE id = $1',
      [large],
    );
    expect(text).toContain(`Акт выполненных работ (оказанных услуг) № ${MANUAL_INVOICE}`);
    expect(flat).toContain(squash(company[0]!.full_name));
    expect(flat).toContain(`БИН${company[0]!.bin}`);
    expect(flat).toContain(squash(`Сумма, ₸`));
    const money = (tiyn: bigint | string) => squash(formatMoney(tiyn, 'ru').replace('₸', ''));
    expect(flat).toContain(`ИтогобезНДС${money(BigInt(inv.total_tiyn) - BigInt(inv.vat_tiyn))}`);
    expect(flat).toContain(`НДС12%${money(inv.vat_tiyn)}`);
    expect(flat).toContain(`ВсегосНДС${money(inv.total_tiyn)}`);
    expect(flat).toContain(squash(`Всего прописью: ${amountInWords(inv.total_tiyn, 'ru')}`));
    for (const line of await linesOf(inv.id)) {
      expect(flat).toContain(squash(`${line.msisdn}`));
      expect(flat).toContain(squash(line.description));
    }
  });

  it('renders the Kazakh letters and ₸ in Kazakh, with the total in Kazakh words', async () => {
    const res = await get(`/api/v1/companies/${large}/invoices/${MANUAL_INVOICE}/certificate.pdf`, 'kk');
    const text = await pdfText(res.rawPayload);
    const inv = await invoice(MANUAL_INVOICE);
    expect(text).toContain('Орындалған жұмыстар (көрсетілген қызметтер) актісі');
    expect(squash(text)).toContain(squash(amountInWords(inv.total_tiyn, 'kk')));
    for (const letter of ['Ә', 'Ғ', 'Қ', 'Ң', 'Ө', 'Ұ', 'Ү', 'І', '₸']) {
      expect(text.toUpperCase(), letter).toContain(letter);
    }
    const en = await pdfText(
      (await get(`/api/v1/companies/${large}/invoices/${MANUAL_INVOICE}/certificate.pdf`, 'en')).rawPayload,
    );
    expect(squash(en)).toContain(squash(`Total in words: ${amountInWords(inv.total_tiyn, 'en')}`));
  });

  it('answers 404 for another company’s invoice and 400 for a malformed number', async () => {
    const foreign = await get(`/api/v1/companies/${companyB}/invoices/${MANUAL_INVOICE}/certificate.pdf`, 'en', b);
    expect(foreign.statusCode).toBe(404);
    expect(foreign.json().error.code).toBe('invoice_not_found');
    const bad = await get(`/api/v1/companies/${large}/invoices/12/certificate.pdf`);
    expect(bad.statusCode).toBe(400);
    expect(bad.json().error.details.fields[0]).toMatchObject({ field: 'invoiceNumber' });
  });
});

describe('F39 invoice breakdown', () => {
  it('downloads the account’s invoice of a month as XLSX: every line and the total', async () => {
    const inv = await invoice(MANUAL_INVOICE);
    const res = await get(
      `/api/v1/companies/${large}/invoice-breakdown?account=${MANUAL_ACCOUNT}&month=${inv.period}&format=xlsx`,
    );
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-disposition']).toContain(`invoice-breakdown-${MANUAL_ACCOUNT}-${inv.period}.xlsx`);
    const { heading, rows } = table((await readXlsx(res.rawPayload)).worksheets[0]!, 'Number');
    expect(heading).toEqual(['Number', 'Service', 'Description', 'Amount, ₸']);
    const lines = await linesOf(inv.id);
    expect(rows).toHaveLength(lines.length + 1);
    lines.forEach((l, i) => {
      expect(rows[i]![0]).toBe(l.msisdn ?? 'Account (all numbers)');
      expect(rows[i]![2]).toBe(l.description);
      expect(rows[i]![3]).toBe(Number(tiynToAmount(l.amount_tiyn)));
    });
    expect(rows.at(-1)).toEqual(['Total', undefined, undefined, Number(tiynToAmount(inv.total_tiyn))]);
  });

  it('downloads it as PDF by default, and answers 404 when the account has no invoice that month', async () => {
    const inv = await invoice(MANUAL_INVOICE);
    const pdf = await get(
      `/api/v1/companies/${large}/invoice-breakdown?account=${MANUAL_ACCOUNT}&month=${inv.period}`,
      'ru',
    );
    expect(pdf.statusCode).toBe(200);
    expect(pdf.headers['content-type']).toBe('application/pdf');
    const text = await pdfText(pdf.rawPayload);
    expect(text).toContain('Расшифровка счёта');
    expect(squash(text)).toContain(squash(`Лицевой счёт ${MANUAL_ACCOUNT}`));
    const missing = await get(`/api/v1/companies/${large}/invoice-breakdown?account=${MANUAL_ACCOUNT}&month=2001-01`);
    expect(missing.statusCode).toBe(404);
    expect(missing.json().error).toMatchObject({
      code: 'invoice_breakdown_not_found',
      message: `There is no invoice for personal account ${MANUAL_ACCOUNT} for 2001-01.`,
    });
    const foreign = await get(
      `/api/v1/companies/${companyB}/invoice-breakdown?account=${MANUAL_ACCOUNT}&month=${inv.period}`,
      'en',
      b,
    );
    expect(foreign.statusCode).toBe(404);
    const bad = await get(`/api/v1/companies/${large}/invoice-breakdown?account=x&month=2025-13`);
    expect(
      bad
        .json()
        .error.details.fields.map((f: { field: string }) => f.field)
        .sort(),
    ).toEqual(['account', 'month']);
  });
});
