/**
 * Money in words for documents (F33, F07): "Девять тысяч девятьсот семьдесят тенге 33 тиын",
 * "Тоғыз мың тоғыз жүз жетпіс теңге 33 тиын", "Nine thousand nine hundred seventy tenge 33 tiyn".
 * Tenge in words, tiyn in two digits, as Kazakhstani accounting documents write them.
 */
import type { Language } from '../../lib/i18n.js';
import { tiynToAmount } from '../../lib/money.js';

// ---------------------------------------------------------------------------------------------
// Russian: thousands are feminine (одна тысяча, две тысячи), the rest masculine; three plural forms.

const RU_UNITS_M = ['', 'один', 'два', 'три', 'четыре', 'пять', 'шесть', 'семь', 'восемь', 'девять'];
const RU_UNITS_F = ['', 'одна', 'две', 'три', 'четыре', 'пять', 'шесть', 'семь', 'восемь', 'девять'];
const RU_TEENS = [
  'десять',
  'одиннадцать',
  'двенадцать',
  'тринадцать',
  'четырнадцать',
  'пятнадцать',
  'шестнадцать',
  'семнадцать',
  'восемнадцать',
  'девятнадцать',
];
const RU_TENS = [
  '',
  '',
  'двадцать',
  'тридцать',
  'сорок',
  'пятьдесят',
  'шестьдесят',
  'семьдесят',
  'восемьдесят',
  'девяносто',
];
const RU_HUNDREDS = [
  '',
  'сто',
  'двести',
  'триста',
  'четыреста',
  'пятьсот',
  'шестьсот',
  'семьсот',
  'восемьсот',
  'девятьсот',
];
const RU_SCALES: { forms: [string, string, string]; feminine: boolean }[] = [
  { forms: ['', '', ''], feminine: false },
  { forms: ['тысяча', 'тысячи', 'тысяч'], feminine: true },
  { forms: ['миллион', 'миллиона', 'миллионов'], feminine: false },
  { forms: ['миллиард', 'миллиарда', 'миллиардов'], feminine: false },
  { forms: ['триллион', 'триллиона', 'триллионов'], feminine: false },
];

function ruPlural(n: number, forms: [string, string, string]): string {
  const n100 = n % 100;
  const n10 = n % 10;
  if (n100 >= 11 && n100 <= 14) return forms[2];
  if (n10 === 1) return forms[0];
  if (n10 >= 2 && n10 <= 4) return forms[1];
  return forms[2];
}

function ruTriple(n: number, feminine: boolean): string[] {
  const words: string[] = [];
  const h = Math.floor(n / 100);
  const rest = n % 100;
  if (h) words.push(RU_HUNDREDS[h] as string);
  if (rest >= 10 && rest < 20) words.push(RU_TEENS[rest - 10] as string);
  else {
    const t = Math.floor(rest / 10);
    const u = rest % 10;
    if (t) words.push(RU_TENS[t] as string);
    if (u) words.push((feminine ? RU_UNITS_F : RU_UNITS_M)[u] as string);
  }
  return words;
}

function ruWords(n: bigint): string {
  if (n === 0n) return 'ноль';
  const words: string[] = [];
  groups(n).forEach((g, scale) => {
    if (g === 0) return;
    const s = RU_SCALES[scale];
    if (!s) throw new RangeError('amount too large to spell');
    const part = ruTriple(g, s.feminine);
    if (scale > 0) part.push(ruPlural(g, s.forms));
    words.unshift(...part);
  });
  return words.join(' ');
}

// ---------------------------------------------------------------------------------------------
// Kazakh: no plural forms; "жүз" alone for one hundred, "бір мың" for one thousand.

const KK_UNITS = ['', 'бір', 'екі', 'үш', 'төрт', 'бес', 'алты', 'жеті', 'сегіз', 'тоғыз'];
const KK_TENS = ['', 'он', 'жиырма', 'отыз', 'қырық', 'елу', 'алпыс', 'жетпіс', 'сексен', 'тоқсан'];
const KK_SCALES = ['', 'мың', 'миллион', 'миллиард', 'триллион'];

function kkTriple(n: number): string[] {
  const words: string[] = [];
  const h = Math.floor(n / 100);
  const t = Math.floor((n % 100) / 10);
  const u = n % 10;
  if (h === 1) words.push('жүз');
  else if (h > 1) words.push(KK_UNITS[h] as string, 'жүз');
  if (t) words.push(KK_TENS[t] as string);
  if (u) words.push(KK_UNITS[u] as string);
  return words;
}

function kkWords(n: bigint): string {
  if (n === 0n) return 'нөл';
  const words: string[] = [];
  groups(n).forEach((g, scale) => {
    if (g === 0) return;
    const name = KK_SCALES[scale];
    if (name === undefined) throw new RangeError('amount too large to spell');
    const part = kkTriple(g);
    if (scale > 0) part.push(name);
    words.unshift(...part);
  });
  return words.join(' ');
}

// ---------------------------------------------------------------------------------------------
// English

const EN_UNITS = [
  '',
  'one',
  'two',
  'three',
  'four',
  'five',
  'six',
  'seven',
  'eight',
  'nine',
  'ten',
  'eleven',
  'twelve',
  'thirteen',
  'fourteen',
  'fifteen',
  'sixteen',
  'seventeen',
  'eighteen',
  'nineteen',
];
const EN_TENS = ['', '', 'twenty', 'thirty', 'forty', 'fifty', 'sixty', 'seventy', 'eighty', 'ninety'];
const EN_SCALES = ['', 'thousand', 'million', 'billion', 'trillion'];

function enTriple(n: number): string[] {
  const words: string[] = [];
  const h = Math.floor(n / 100);
  const rest = n % 100;
  if (h) words.push(EN_UNITS[h] as string, 'hundred');
  if (rest >= 20) {
    const u = rest % 10;
    words.push(u ? `${EN_TENS[Math.floor(rest / 10)]}-${EN_UNITS[u]}` : (EN_TENS[rest / 10] as string));
  } else if (rest) words.push(EN_UNITS[rest] as string);
  return words;
}

function enWords(n: bigint): string {
  if (n === 0n) return 'zero';
  const words: string[] = [];
  groups(n).forEach((g, scale) => {
    if (g === 0) return;
    const name = EN_SCALES[scale];
    if (name === undefined) throw new RangeError('amount too large to spell');
    const part = enTriple(g);
    if (scale > 0) part.push(name);
    words.unshift(...part);
  });
  return words.join(' ');
}

// ---------------------------------------------------------------------------------------------

/** Groups of three digits, lowest first: 1234567 → [567, 234, 1]. */
function groups(n: bigint): number[] {
  const out: number[] = [];
  let rest = n;
  while (rest > 0n) {
    out.push(Number(rest % 1000n));
    rest /= 1000n;
  }
  return out;
}

/** A whole number in words, lower case. */
export function numberInWords(n: bigint, lang: Language): string {
  const negative = n < 0n;
  const abs = negative ? -n : n;
  const words = lang === 'ru' ? ruWords(abs) : lang === 'kk' ? kkWords(abs) : enWords(abs);
  if (!negative) return words;
  return `${lang === 'ru' ? 'минус' : lang === 'kk' ? 'минус' : 'minus'} ${words}`;
}

const CURRENCY: Record<Language, { tenge: string; tiyn: string }> = {
  en: { tenge: 'tenge', tiyn: 'tiyn' },
  ru: { tenge: 'тенге', tiyn: 'тиын' },
  kk: { tenge: 'теңге', tiyn: 'тиын' },
};

/** An amount of tiyn in words: tenge spelled out, tiyn as two digits, first letter capital. */
export function amountInWords(tiyn: bigint | number | string, lang: Language): string {
  const [whole = '0', fraction = '00'] = tiynToAmount(tiyn).split('.');
  const words = numberInWords(BigInt(whole), lang);
  const c = CURRENCY[lang];
  const text = `${words} ${c.tenge} ${fraction} ${c.tiyn}`;
  return text.charAt(0).toUpperCase() + text.slice(1);
}

/** `9 970,33 ₸` (Russian, Kazakh) or `9,970.33 ₸` (English); the space groups are no-break spaces. */
export function formatMoney(tiyn: bigint | number | string, lang: Language): string {
  const amount = tiynToAmount(tiyn);
  const negative = amount.startsWith('-');
  const [whole = '0', fraction = '00'] = (negative ? amount.slice(1) : amount).split('.');
  const sep = lang === 'en' ? ',' : '\u00a0';
  const grouped = whole.replace(/\B(?=(\d{3})+(?!\d))/g, sep);
  return `${negative ? '-' : ''}${grouped}${lang === 'en' ? '.' : ','}${fraction}\u00a0₸`;
}
