import type { EmailSender } from '../messaging.js';

/** Demo e-mail adapter: the outbox row is the delivery (see /dev/outbox). */
export const outboxEmail: EmailSender = {
  name: 'outbox',
  async send() {},
};
