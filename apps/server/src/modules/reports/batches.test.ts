import { describe, expect, it } from 'vitest';
import { copyField } from './batches.js';

describe("COPY's text format", () => {
  it('reads NULL, plain text and backslash escapes', () => {
    expect(copyField('\\N')).toBeNull();
    expect(copyField('77011234567')).toBe('77011234567');
    expect(copyField('Звонок')).toBe('Звонок');
    expect(copyField('a\\tb\\nc\\\\d')).toBe('a\tb\nc\\d');
    expect(copyField('\\011x\\x41')).toBe('\tx' + 'A');
    expect(copyField('\\\\N')).toBe('\\N');
  });
});
