import type { FastifyPluginAsync } from 'fastify';

const escapeHtml = (s: string) =>
  s.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c] as string);

/** Demo only (O2): every SMS and e-mail the system "sent", newest first — JSON, or a page for a browser. */
export const outboxRoutes: FastifyPluginAsync = async (app) => {
  app.get('/dev/outbox', { schema: { hide: true } }, async (request, reply) => {
    const { rows } = await app.ctx.messaging.list(200);
    const items = rows.map((r) => ({
      id: String(r.id),
      channel: r.channel,
      to: r.recipient,
      subject: r.subject,
      text: r.body,
      attachments: r.attachments.map((a) => ({ filename: a.filename, contentType: a.contentType })),
      status: r.status,
      createdAt: new Date(r.created_at).toISOString(),
    }));
    if (!(request.headers.accept ?? '').includes('text/html')) return { items };
    const list = items
      .map(
        (m) => `<article><header><strong>${m.channel === 'sms' ? 'SMS' : 'E-mail'}</strong> to ${escapeHtml(m.to)}
          <time datetime="${m.createdAt}">${m.createdAt.replace('T', ' ').slice(0, 19)} UTC</time></header>
          ${m.subject ? `<h2>${escapeHtml(m.subject)}</h2>` : ''}<pre>${escapeHtml(m.text).replace(/(https?:\/\/\S+)/g, '<a href="$1">$1</a>')}</pre>
          ${m.attachments.map((a) => `<p>Attachment: ${escapeHtml(a.filename)}</p>`).join('')}</article>`,
      )
      .join('');
    return reply.type('text/html; charset=utf-8').send(`<!doctype html><html lang="en"><head><meta charset="utf-8">
      <meta name="viewport" content="width=device-width,initial-scale=1"><title>Demo outbox</title>
      <style>body{font:16px system-ui,sans-serif;max-width:48rem;margin:2rem auto;padding:0 1rem;color:#1a1a1a}
      article{border:1px solid #ccc;border-radius:8px;padding:1rem;margin:1rem 0}time{color:#555;margin-left:.5rem}
      pre{white-space:pre-wrap;font:inherit}h2{font-size:1.1rem}</style></head>
      <body><main><h1>Demo outbox</h1><p>Every SMS and e-mail the portal sent, newest first. Demo mode only.</p>
      ${list || '<p>No messages yet.</p>'}</main></body></html>`);
  });
};
