import type { Db, Queryable } from '../db/client.js';
import type { Language } from '../lib/i18n.js';

export interface Attachment {
  filename: string;
  contentType: string;
  contentBase64: string;
}

export interface OutgoingMessage {
  channel: 'sms' | 'email';
  to: string;
  subject?: string;
  text: string;
  html?: string;
  attachments?: Attachment[];
  language: Language;
  /** Sends with the same key are stored once: a retried job never sends twice. */
  dedupeKey?: string;
}

/** SMS port (O2): an HTTP/SMPP gateway in production, the outbox in the demo. */
export interface SmsSender {
  readonly name: string;
  send(to: string, text: string): Promise<void>;
}

/** E-mail port (O2): SMTP in production and tests, the outbox in the demo. */
export interface EmailSender {
  readonly name: string;
  send(message: {
    to: string;
    subject: string;
    text: string;
    html?: string;
    attachments?: Attachment[];
  }): Promise<void>;
}

export interface OutboxRow {
  id: string;
  channel: 'sms' | 'email';
  recipient: string;
  subject: string | null;
  body: string;
  html: string | null;
  attachments: Attachment[];
  language: Language;
  status: 'pending' | 'sent' | 'failed';
  created_at: string;
  sent_at: string | null;
}

/**
 * Messages go to the outbox table first (in the caller's transaction when given), then a job
 * hands each one to its channel's adapter. The outbox is the demo's mailbox (/dev/outbox) and
 * production's delivery log.
 */
export class Messaging {
  /** Set when the job queue is running: called after a message is stored. */
  onQueued: ((id: string) => Promise<void>) | null = null;

  constructor(
    private readonly db: Db,
    private readonly sms: SmsSender,
    private readonly email: EmailSender,
  ) {}

  async enqueue(message: OutgoingMessage, tx: Queryable = this.db): Promise<string | null> {
    const { rows } = await tx.query<{ id: string }>(
      `INSERT INTO outbox_messages (channel, recipient, subject, body, html, attachments, language, dedupe_key)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8)
       ON CONFLICT (dedupe_key) DO NOTHING RETURNING id`,
      [
        message.channel,
        message.to,
        message.subject ?? null,
        message.text,
        message.html ?? null,
        JSON.stringify(message.attachments ?? []),
        message.language,
        message.dedupeKey ?? null,
      ],
    );
    const id = rows[0]?.id ?? null;
    if (id && this.onQueued && tx === this.db) await this.onQueued(id);
    return id;
  }

  /** Hands one stored message to its adapter; a sent message is never sent again. */
  async deliver(id: string): Promise<'sent' | 'skipped'> {
    const { rows } = await this.db.query<OutboxRow>(
      `SELECT * FROM outbox_messages WHERE id = $1 AND status = 'pending'`,
      [id],
    );
    const row = rows[0];
    if (!row) return 'skipped';
    try {
      if (row.channel === 'sms') await this.sms.send(row.recipient, row.body);
      else
        await this.email.send({
          to: row.recipient,
          subject: row.subject ?? '',
          text: row.body,
          html: row.html ?? undefined,
          attachments: row.attachments,
        });
      await this.db.query(
        `UPDATE outbox_messages SET status = 'sent', sent_at = now(), attempts = attempts + 1 WHERE id = $1`,
        [id],
      );
      return 'sent';
    } catch (err) {
      await this.db.query(`UPDATE outbox_messages SET attempts = attempts + 1, last_error = $2 WHERE id = $1`, [
        id,
        String(err instanceof Error ? err.message : err).slice(0, 500),
      ]);
      throw err;
    }
  }

  /** Pending messages (for a sweep after a restart). */
  async pendingIds(limit = 100): Promise<string[]> {
    const { rows } = await this.db.query<{ id: string }>(
      `SELECT id FROM outbox_messages WHERE status = 'pending' ORDER BY id LIMIT $1`,
      [limit],
    );
    return rows.map((r) => r.id);
  }

  list(limit = 200): Promise<{ rows: OutboxRow[] }> {
    return this.db.query<OutboxRow>(
      `SELECT id, channel, recipient, subject, body, html, attachments, language, status, created_at, sent_at
       FROM outbox_messages ORDER BY id DESC LIMIT $1`,
      [limit],
    );
  }
}
