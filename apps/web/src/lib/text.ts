/** Keeps a short value (a phone number, an amount) on one line inside running text: spaces become non-breaking. */
export function unbreakable(text: string): string {
  return text.replace(/ /g, '\u00a0');
}
