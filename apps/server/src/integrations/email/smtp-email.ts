import nodemailer from 'nodemailer';
import type { EmailSender } from '../messaging.js';

/** E-mail over SMTP with nodemailer (smtp://user:pass@host:port or smtps://…). */
export function smtpEmail(url: string, from: string): EmailSender & { close(): void } {
  const transport = nodemailer.createTransport(url);
  return {
    name: 'smtp',
    async send(message) {
      await transport.sendMail({
        from,
        to: message.to,
        subject: message.subject,
        text: message.text,
        html: message.html,
        attachments: message.attachments?.map((a) => ({
          filename: a.filename,
          contentType: a.contentType,
          content: Buffer.from(a.contentBase64, 'base64'),
        })),
      });
    },
    close: () => transport.close(),
  };
}
