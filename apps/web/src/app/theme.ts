import { type CSSVariablesResolver, createTheme, type MantineColorsTuple } from '@mantine/core';

/** Brand purple; shade 6 (#5b2d90) is the primary colour and carries white text at 10:1. */
const brand: MantineColorsTuple = [
  '#f5effb',
  '#e6dcf2',
  '#cbb5e4',
  '#ae8cd6',
  '#9569c9',
  '#7c4bb5',
  '#5b2d90',
  '#4e267c',
  '#421f68',
  '#351853',
];

export const theme = createTheme({
  primaryColor: 'brand',
  primaryShade: 6,
  colors: { brand },
  fontFamily:
    'system-ui, -apple-system, "Segoe UI", Roboto, "Helvetica Neue", Arial, "Noto Sans", "Liberation Sans", sans-serif',
  headings: {
    fontWeight: '700',
    sizes: { h1: { fontSize: 'clamp(1.5rem, 1.2rem + 1.2vw, 2rem)', lineHeight: '1.25' } },
  },
  defaultRadius: 'md',
  cursorType: 'pointer',
  focusRing: 'auto',
  components: {
    // A Select's option list is built when it opens, not kept in the page hidden: mounted, each list was positioned
    // (a forced style recalculation) and watched on every scroll and resize from the first render on — three of them
    // on the numbers list alone (company switcher, status and tariff filters).
    // (A plain object, not Combobox.extend(): importing the component here put it and floating-ui in the entry.)
    Combobox: { defaultProps: { keepMounted: false } },
  },
});

const darkerLightColors = ['red', 'green', 'orange', 'yellow', 'blue', 'gray', 'teal', 'grape'];

/** Mantine's default grey and light-variant texts are below 4.5:1 on white; darken them for WCAG AA. */
export const cssVariablesResolver: CSSVariablesResolver = () => ({
  variables: {},
  light: {
    '--mantine-color-dimmed': '#5c636b',
    '--mantine-color-placeholder': '#6b727a',
    '--mantine-color-error': 'var(--mantine-color-red-9)',
    '--mantine-color-anchor': 'var(--mantine-color-brand-6)',
    ...Object.fromEntries(
      darkerLightColors.map((color) => [`--mantine-color-${color}-light-color`, `var(--mantine-color-${color}-9)`]),
    ),
  },
  dark: {},
});
