import type { SmsSender } from '../messaging.js';

/** Demo SMS adapter: the outbox row is the delivery; nothing leaves the machine. */
export const outboxSms: SmsSender = {
  name: 'outbox',
  async send() {},
};
