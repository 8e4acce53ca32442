import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';

const announcement = z
  .object({
    title: z.string().nullable(),
    body: z.string().nullable(),
    supportPhone: z.string(),
    supportEmail: z.string(),
    contactUpdateFormUrl: z.string(),
  })
  .meta({ id: 'Announcement' });

/** F03: the login-page announcement in the caller's language, set by the operator. */
export const announcementRoutes: FastifyPluginAsyncZod = async (app) => {
  app.get(
    '/announcement',
    { schema: { tags: ['Authentication'], summary: 'Login-page announcement (F03)', response: { 200: announcement } } },
    async (request) => {
      const { rows } = await app.ctx.db.query<{ title: string; body: string }>(
        'SELECT title, body FROM announcements WHERE language = $1',
        [request.language],
      );
      const { SUPPORT_PHONE, SUPPORT_EMAIL } = app.ctx.config;
      return {
        title: rows[0]?.title ?? null,
        body: rows[0]?.body ?? null,
        supportPhone: SUPPORT_PHONE,
        supportEmail: SUPPORT_EMAIL,
        contactUpdateFormUrl: `/forms/contact-update?lang=${request.language}`,
      };
    },
  );
};
