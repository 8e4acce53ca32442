import { ApiError, toApiError } from '../../../lib/api/errors';
import { i18n } from '../../../lib/i18n';

/** A file the browser has saved: its name as the server gave it, and its size in bytes. */
export type DownloadedFile = { fileName: string; size: number };

type BlobResult = { data?: Blob; error?: unknown; response: Response };

/** The file name of a Content-Disposition header: the UTF-8 `filename*` first, else the ASCII `filename`. */
export function fileNameOf(contentDisposition: string | null, fallback: string): string {
  if (!contentDisposition) return fallback;
  const extended = /filename\*\s*=\s*UTF-8''([^;]+)/i.exec(contentDisposition);
  if (extended?.[1]) {
    try {
      return decodeURIComponent(extended[1].trim());
    } catch {
      /* fall through to the plain name */
    }
  }
  const plain = /filename\s*=\s*"?([^";]+)"?/i.exec(contentDisposition);
  return plain?.[1]?.trim() || fallback;
}

/** Hands a blob to the browser as a download named `fileName`. */
export function saveBlob(blob: Blob, fileName: string): void {
  const url = URL.createObjectURL(blob);
  const link = document.createElement('a');
  link.href = url;
  link.download = fileName;
  link.rel = 'noopener';
  link.style.display = 'none';
  document.body.append(link);
  link.click();
  link.remove();
  // The browser has taken the file by the next tasks; the URL is then of no use.
  window.setTimeout(() => URL.revokeObjectURL(url), 60_000);
}

/**
 * Awaits an openapi-fetch call made with `parseAs: 'blob'` and saves the file it answers; an error answer (the API's
 * JSON error shape, read whatever `parseAs` says) becomes an ApiError with the server's translated message, a network
 * failure ApiError(0, 'network_error').
 */
export async function downloadFrom(call: Promise<BlobResult>, fallbackName: string): Promise<DownloadedFile> {
  let result: BlobResult;
  try {
    result = await call;
  } catch (cause) {
    if (cause instanceof ApiError) throw cause;
    throw new ApiError(0, 'network_error', i18n.t('errors.network'));
  }
  if (result.error !== undefined || !result.response.ok || !result.data) {
    throw toApiError(result.response.status, result.error, i18n.t('errors.unexpected'));
  }
  const fileName = fileNameOf(result.response.headers.get('content-disposition'), fallbackName);
  saveBlob(result.data, fileName);
  return { fileName, size: result.data.size };
}
