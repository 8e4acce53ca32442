import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import {
  binCheckDigit,
  isOperatorNumber,
  isValidBinIin,
  isValidIccid,
  luhnCheckDigit,
  normalizeImei,
  normalizeMsisdn,
} from './identifiers.js';

const vectors = JSON.parse(
  readFileSync(new URL('../../../../../shared/spec/test-vectors.json', import.meta.url), 'utf8'),
);

describe('MSISDN (F01, spec/domain.md)', () => {
  for (const [input, expected] of Object.entries(vectors.msisdn.normalise)) {
    it(`normalises ${input}`, () => expect(normalizeMsisdn(input)).toBe(expected));
  }
  for (const input of vectors.msisdn.invalid) {
    it(`refuses ${input}`, () => expect(normalizeMsisdn(input)).toBeNull());
  }
  it('refuses landlines, which also start with 7 (Almaty 727, Astana 7172)', () => {
    expect(normalizeMsisdn('+7 727 258 12 34')).toBeNull();
    expect(normalizeMsisdn('8 7172 55 66 77')).toBeNull();
    expect(normalizeMsisdn('+7 747 123 45 67')).toBe('77471234567');
  });
  it('tells operator numbers from others', () => {
    expect(isOperatorNumber('77012112101', ['701', '702', '775', '778'])).toBe(true);
    expect(isOperatorNumber('77070000001', ['701', '702', '775', '778'])).toBe(false);
  });
});

describe('BIN / IIN', () => {
  for (const v of [...vectors.bin.valid, ...vectors.iin.valid])
    it(`accepts ${v}`, () => expect(isValidBinIin(v)).toBe(true));
  for (const v of vectors.bin.invalid) it(`refuses ${v}`, () => expect(isValidBinIin(v)).toBe(false));
  it('computes the check digit of a valid one', () => expect(binCheckDigit('04105857029')).toBe(8));
});

describe('ICCID', () => {
  for (const v of vectors.iccid.valid) it(`accepts ${v}`, () => expect(isValidIccid(v)).toBe(true));
  for (const v of vectors.iccid.invalid) it(`refuses ${v}`, () => expect(isValidIccid(v)).toBe(false));
  it('appends a Luhn digit that validates', () => {
    const payload = '8999702200121068527';
    expect(isValidIccid(`${payload}${luhnCheckDigit(payload)}`)).toBe(true);
  });
});

describe('IMEI', () => {
  for (const v of vectors.imei.valid14) it(`accepts 14 digits ${v}`, () => expect(normalizeImei(v)).toBe(v));
  for (const v of vectors.imei.valid15)
    it(`accepts 15 digits ${v} and stores 14`, () => expect(normalizeImei(v)).toBe(v.slice(0, 14)));
  for (const v of vectors.imei.invalid) it(`refuses ${v}`, () => expect(normalizeImei(v)).toBeNull());
});
