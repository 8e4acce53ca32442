import { describe, expect, it } from 'vitest';
import { findUntranslated } from './untranslated';

// Every component and module of the web app, as text (tests, declarations and these checks left out).
const sources = import.meta.glob(['../**/*.{ts,tsx}', '!../**/*.test.{ts,tsx}', '!../**/*.d.ts', '!./**'], {
  query: '?raw',
  import: 'default',
  eager: true,
}) as Record<string, string>;

const fixture = `
import { Button, Loader, TextInput } from '@mantine/core';
export function Page({ busy, count }: { busy: boolean; count: number }) {
  const { t } = useTranslation();
  notify({ title: 'Saved', message: t('common.saved') });
  return (
    <>
      <h1>Welcome back</h1>
      <p>{t('login.intro')} · {count} ₸ — 100%</p>
      <Loader aria-label="Загрузка" />
      <TextInput label={t('login.phone')} placeholder="+7 (7XX) XXX-XX-XX" />
      <TextInput label="IMEI" description={busy ? 'Checking…' : t('device.hint')} />
      <img alt={\`Logo of \${count}\`} src="/logo.png" className="logo big" />
      {busy ? 'Please wait' : null}
      <Button title="Kcell" data-testid="save button">{t('common.save')}</Button>
    </>
  );
}
`;

describe('untranslated text in components (issue 8, F07)', () => {
  it('finds JSX text and user-facing props left as literals in a fixture (the check can fail)', () => {
    const found = findUntranslated('fixture.tsx', fixture).map(({ line, where, text }) => `${line} ${where}: ${text}`);
    expect(found).toEqual([
      '5 title: Saved',
      '8 text: Welcome back',
      '10 aria-label: Загрузка',
      '12 description: Checking…',
      '13 alt: Logo of',
      '14 text: Please wait',
    ]);
  });

  it('leaves numbers, punctuation, currency signs and the allow-listed names alone', () => {
    const clean = `export const A = () => <p title="Kcell" aria-label="IMEI:">{n} ₸ · 12:30 — {'%'} My Account</p>;`;
    expect(findUntranslated('clean.tsx', clean)).toEqual([]);
  });

  it('scans the components', () => {
    expect(Object.keys(sources).filter((file) => file.endsWith('.tsx')).length).toBeGreaterThan(30);
  });

  it('no component has untranslated text: everything goes through t()', () => {
    const findings = Object.entries(sources).flatMap(([file, text]) => findUntranslated(file, text));
    expect(findings.map(({ file, line, where, text }) => `${file}:${line} ${where}: ${text}`)).toEqual([]);
  });
});
