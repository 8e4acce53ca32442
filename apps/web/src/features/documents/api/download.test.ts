import { describe, expect, it } from 'vitest';
import { fileNameOf } from './download';

describe('file names of downloads', () => {
  it('prefers the UTF-8 name of Content-Disposition, then the plain one, then the fallback', () => {
    expect(
      fileNameOf(
        `attachment; filename="akt-sverki.pdf"; filename*=UTF-8''${encodeURIComponent('акт-сверки.pdf')}`,
        'x.pdf',
      ),
    ).toBe('акт-сверки.pdf');
    expect(fileNameOf('attachment; filename="certificate-3024211480941.pdf"', 'x.pdf')).toBe(
      'certificate-3024211480941.pdf',
    );
    expect(fileNameOf(null, 'fallback.xlsx')).toBe('fallback.xlsx');
  });
});
