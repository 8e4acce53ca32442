import { describe, expect, it } from 'vitest';
import { amountInWords, formatMoney, numberInWords } from './amount-in-words.js';

describe('amount in words (F33, F07)', () => {
  it('spells tenge and shows tiyn in Russian, with the right genders and plural forms', () => {
    expect(amountInWords(997033n, 'ru')).toBe('Девять тысяч девятьсот семьдесят тенге 33 тиын');
    expect(amountInWords(100n, 'ru')).toBe('Один тенге 00 тиын');
    expect(amountInWords(5n, 'ru')).toBe('Ноль тенге 05 тиын');
    expect(numberInWords(1000n, 'ru')).toBe('одна тысяча');
    expect(numberInWords(2000n, 'ru')).toBe('две тысячи');
    expect(numberInWords(5000n, 'ru')).toBe('пять тысяч');
    expect(numberInWords(11_000n, 'ru')).toBe('одиннадцать тысяч');
    expect(numberInWords(21_000n, 'ru')).toBe('двадцать одна тысяча');
    expect(numberInWords(1_000_000n, 'ru')).toBe('один миллион');
    expect(numberInWords(2_000_000n, 'ru')).toBe('два миллиона');
    expect(numberInWords(5_000_000n, 'ru')).toBe('пять миллионов');
    expect(numberInWords(1_234_567_890n, 'ru')).toBe(
      'один миллиард двести тридцать четыре миллиона пятьсот шестьдесят семь тысяч восемьсот девяносто',
    );
    expect(numberInWords(112n, 'ru')).toBe('сто двенадцать');
    expect(numberInWords(1_001_014n, 'ru')).toBe('один миллион одна тысяча четырнадцать');
  });

  it('spells Kazakh in Cyrillic, without plural forms', () => {
    expect(amountInWords(997033n, 'kk')).toBe('Тоғыз мың тоғыз жүз жетпіс теңге 33 тиын');
    expect(numberInWords(100n, 'kk')).toBe('жүз');
    expect(numberInWords(1000n, 'kk')).toBe('бір мың');
    expect(numberInWords(2345n, 'kk')).toBe('екі мың үш жүз қырық бес');
    expect(numberInWords(40n, 'kk')).toBe('қырық');
    expect(numberInWords(1_500_000n, 'kk')).toBe('бір миллион бес жүз мың');
    expect(numberInWords(0n, 'kk')).toBe('нөл');
    expect(amountInWords(12_345_678_90n, 'kk')).toBe(
      'Он екі миллион үш жүз қырық бес мың алты жүз жетпіс сегіз теңге 90 тиын',
    );
  });

  it('spells English with hyphenated tens', () => {
    expect(amountInWords(997033n, 'en')).toBe('Nine thousand nine hundred seventy tenge 33 tiyn');
    expect(numberInWords(21n, 'en')).toBe('twenty-one');
    expect(numberInWords(1_000_001n, 'en')).toBe('one million one');
    expect(numberInWords(115n, 'en')).toBe('one hundred fifteen');
    expect(amountInWords(0n, 'en')).toBe('Zero tenge 00 tiyn');
  });

  it('takes tiyn as bigint, number or decimal-free string, and keeps a minus', () => {
    expect(amountInWords('250075', 'en')).toBe('Two thousand five hundred tenge 75 tiyn');
    expect(amountInWords(-150, 'ru')).toBe('Минус один тенге 50 тиын');
  });

  it('formats money the way each language writes it', () => {
    expect(formatMoney(997033n, 'ru')).toBe('9\u00a0970,33\u00a0₸');
    expect(formatMoney(997033n, 'kk')).toBe('9\u00a0970,33\u00a0₸');
    expect(formatMoney(123456789n, 'en')).toBe('1,234,567.89\u00a0₸');
    expect(formatMoney(-5n, 'en')).toBe('-0.05\u00a0₸');
  });
});
