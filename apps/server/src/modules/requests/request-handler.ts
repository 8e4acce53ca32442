import type { Queryable } from '../../db/client.js';
import type { TextKey } from '../../lib/i18n.js';
import type { RequestRow } from './requests.repository.js';

/** How a request ends: its status, data, texts (keys, translated when read) and what to do after the commit. */
export interface Completion {
  status: 'succeeded' | 'failed';
  data?: Record<string, unknown>;
  messageKey?: TextKey;
  noteKey?: TextKey;
  params?: Record<string, string | number>;
  /** When failed: the stable error code (also a text key). */
  errorCode?: TextKey;
  /** Runs after the transaction committed (e.g. hand stored messages to their delivery jobs). */
  after?: () => Promise<void>;
}

/** What a failure leaves besides the failed request (order state, history entries, messages). */
export type FailureEffects = Pick<Completion, 'data' | 'params' | 'after'>;

/**
 * Performs the requests of one kind. The runner (request-jobs.ts) calls `perform` in a transaction
 * that holds the request's lock and completes the request in that same transaction, so a retried or
 * duplicated job never repeats an effect: once the request is final, nothing runs again.
 */
export interface RequestHandler {
  readonly kind: string;
  /**
   * Does the work. Throwing an AppError or a ProvisioningFailed rolls the work back and fails the
   * request with that code (then `onFailure` runs); any other error is retried by the queue.
   */
  perform(tx: Queryable, request: RequestRow): Promise<Completion>;
  /** Writes what a refused or failed request leaves, in the transaction that fails it. */
  onFailure(
    tx: Queryable,
    request: RequestRow,
    code: TextKey,
    details: Record<string, unknown>,
  ): Promise<FailureEffects | undefined>;
}
