import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { faq } from './faq.content.js';

const faqItem = z.object({ id: z.string(), question: z.string(), answer: z.string() }).meta({ id: 'FaqItem' });

/** F50: the FAQ in the caller's language (Accept-Language, or the session's choice). */
export const faqRoutes: FastifyPluginAsyncZod = async (app) => {
  app.get(
    '/faq',
    {
      schema: {
        tags: ['Help'],
        summary: 'Frequently asked questions (F50)',
        response: { 200: z.object({ items: z.array(faqItem) }) },
      },
    },
    async (request) => ({
      items: faq.map((e) => ({ id: e.id, question: e.question[request.language], answer: e.answer[request.language] })),
    }),
  );
};
