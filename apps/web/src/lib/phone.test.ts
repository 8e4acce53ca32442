import { describe, expect, it } from 'vitest';
import { formatPhoneInput, isCompletePhone, nextPhoneValue, parsePhoneInput, toMsisdn } from './phone';

describe('parsePhoneInput', () => {
  it.each([
    ['+7 (701) 211-21-01', '7012112101'],
    ['+77012112101', '7012112101'],
    ['77012112101', '7012112101'],
    ['87012112101', '7012112101'],
    ['8 701 211 21 01', '7012112101'],
    ['7012112101', '7012112101'],
    ['  +7 701 211 21 01 ', '7012112101'],
    ['701', '701'],
    ['', ''],
  ])('%s → %s', (input, expected) => {
    expect(parsePhoneInput(input)).toBe(expected);
  });
});

describe('formatPhoneInput', () => {
  it.each([
    ['', ''],
    ['7', '+7 (7'],
    ['701', '+7 (701'],
    ['7012', '+7 (701) 2'],
    ['7012112', '+7 (701) 211-2'],
    ['701211210', '+7 (701) 211-21-0'],
    ['7012112101', '+7 (701) 211-21-01'],
  ])('%s → %s', (input, expected) => {
    expect(formatPhoneInput(input)).toBe(expected);
  });
});

describe('nextPhoneValue', () => {
  it('adds typed digits', () => {
    expect(nextPhoneValue('701', '+7 (7012')).toBe('7012');
  });

  it('ignores one more digit typed into a complete number', () => {
    expect(nextPhoneValue('7012112101', '+7 (701) 211-21-015')).toBe('7012112101');
  });

  it('reads a long form typed from scratch', () => {
    expect(nextPhoneValue('', '87012112101')).toBe('7012112101');
    expect(nextPhoneValue('', '+7 (701) 211-21-01')).toBe('7012112101');
  });

  it('deletes a digit when only a separator was deleted', () => {
    expect(nextPhoneValue('7012', '+7 (701 2')).toBe('701');
  });

  it('deletes digits', () => {
    expect(nextPhoneValue('7012', '+7 (701) ')).toBe('701');
  });
});

describe('completeness and API form', () => {
  it('needs 10 national digits and sends 11 digits starting with 7', () => {
    expect(isCompletePhone('701211210')).toBe(false);
    expect(isCompletePhone('7012112101')).toBe(true);
    expect(toMsisdn('7012112101')).toBe('77012112101');
  });
});
