/**
 * The link from a stored request (B4) to the job queue. A request is stored first, in the
 * transaction that accepted it; `dispatch` then hands it to the queue when one is connected
 * (`connectRequests` in request-jobs.ts). A request stored while no queue ran, or whose hand-over
 * was lost with a crash, is picked up by the queue's sweep: the table, not the queue, is the truth.
 */
export class RequestQueue {
  /** Set when the job queue is running: called after a request was committed. */
  onQueued: ((id: string, delaySeconds: number) => Promise<void>) | null = null;

  async dispatch(id: string, delaySeconds = 0): Promise<void> {
    if (!this.onQueued) return;
    try {
      await this.onQueued(id, delaySeconds);
    } catch (err) {
      // The request stays pending in the table; the queue's sweep hands it over later.
      console.error('[requests] dispatch failed', id, err);
    }
  }
}
