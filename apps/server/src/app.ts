import { randomUUID } from 'node:crypto';
import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import cookie from '@fastify/cookie';
import fastifyStatic from '@fastify/static';
import swagger from '@fastify/swagger';
import swaggerUi from '@fastify/swagger-ui';
import Fastify, { type FastifyServerOptions } from 'fastify';
import {
  jsonSchemaTransform,
  jsonSchemaTransformObject,
  serializerCompiler,
  validatorCompiler,
  type ZodTypeProvider,
} from 'fastify-type-provider-zod';
import helmet from 'helmet';
import type { AppContext } from './context.js';
import { Provisioning } from './integrations/network/provisioning.js';
import { simulatedNetworkFromConfig } from './integrations/network/simulated-network.js';
import { announcementRoutes } from './modules/announcement/announcement.routes.js';
import { contactUpdateFormRoutes } from './modules/announcement/contact-update-form.routes.js';
import { authRoutes } from './modules/auth/auth.routes.js';
import { AuthService } from './modules/auth/auth.service.js';
import { moneyRoutes } from './modules/billing/money.routes.js';
import { companiesRoutes } from './modules/companies/companies.routes.js';
import { CompaniesService } from './modules/companies/companies.service.js';
import { outboxRoutes } from './modules/dev/outbox.routes.js';
import { documentsRoutes } from './modules/documents/documents.routes.js';
import { DocumentsService } from './modules/documents/documents.service.js';
import { faqRoutes } from './modules/faq/faq.routes.js';
import { forwardingRoutes } from './modules/forwarding/forwarding.routes.js';
import { ForwardingService } from './modules/forwarding/forwarding.service.js';
import { numbersRoutes } from './modules/numbers/numbers.routes.js';
import { NumbersService } from './modules/numbers/numbers.service.js';
import { profileRoutes } from './modules/profile/profile.routes.js';
import { ProfileService } from './modules/profile/profile.service.js';
import { reportsRoutes } from './modules/reports/reports.routes.js';
import { ReportsService } from './modules/reports/reports.service.js';
import { asyncOperationsRoutes } from './modules/requests/async-operations.routes.js';
import { RequestsService } from './modules/requests/requests.service.js';
import { servicesRoutes } from './modules/services/services.routes.js';
import { ServicesService } from './modules/services/services.service.js';
import { simRoutes } from './modules/sim/sim.routes.js';
import { SimService } from './modules/sim/sim.service.js';
import { registerCompanyScope } from './plugins/company-scope.js';
import { registerErrorHandler } from './plugins/error-handler.js';
import { registerSession } from './plugins/session.js';

export const webDist = join(dirname(fileURLToPath(import.meta.url)), '../../web/dist');

/**
 * A path the web app's router may own: not the API, and made of plain segments. Names with a dot
 * or a tilde (`/login.bak`, `/login~`) are files that do not exist, so they answer 404.
 */
export function isAppPath(url: string): boolean {
  const path = url.split('?')[0] ?? '';
  if (path.startsWith('/api/') || path.startsWith('/dev/')) return false;
  return /^(\/[\w+%-]+)*\/?$/.test(path);
}

/**
 * Helmet's headers for this portal, read once from its middleware: @fastify/helmet built a new
 * middleware (and re-parsed the CSP) on every request, ≈3% of the API's CPU under load.
 */
export function securityHeaders(): Record<string, string> {
  const headers: Record<string, string> = {};
  const response = {
    setHeader: (name: string, value: unknown) => {
      headers[name.toLowerCase()] = String(value);
    },
    removeHeader: () => undefined,
  };
  helmet({
    contentSecurityPolicy: {
      directives: {
        defaultSrc: ["'self'"],
        scriptSrc: ["'self'"],
        styleSrc: ["'self'", "'unsafe-inline'"],
        imgSrc: ["'self'", 'data:'],
        connectSrc: ["'self'"],
        fontSrc: ["'self'", 'data:'],
        objectSrc: ["'none'"],
        frameAncestors: ["'none'"],
        upgradeInsecureRequests: null,
      },
    },
    strictTransportSecurity: { maxAge: 31_536_000, includeSubDomains: true },
  })({} as never, response as never, () => undefined);
  return headers;
}

export interface BuildOptions {
  /** TLS key and certificate (PEM) to serve HTTPS directly. */
  https?: { key: Buffer; cert: Buffer };
  logger?: FastifyServerOptions['logger'];
  /** Serve the built web app (apps/web/dist) when present. */
  serveWeb?: boolean;
}

/** Builds the HTTP app: external plugins, own plugins, then routes. Listening is server.ts's job. */
export async function buildApp(ctx: AppContext, options: BuildOptions = {}) {
  const app = Fastify({
    ...(options.https ? { https: options.https } : {}),
    logger: options.logger ?? false,
    genReqId: (req) => {
      const given = req.headers['x-request-id'];
      return typeof given === 'string' && /^[\w-]{1,64}$/.test(given) ? given : randomUUID();
    },
    trustProxy: ctx.config.TRUST_PROXY,
    bodyLimit: 1_048_576,
  }).withTypeProvider<ZodTypeProvider>();

  // The API speaks JSON only: any other body type is refused with 415.
  app.removeContentTypeParser('text/plain');
  app.setValidatorCompiler(validatorCompiler);
  app.setSerializerCompiler(serializerCompiler);
  app.decorate('ctx', ctx);

  // Security headers (helmet's set, with this CSP): the same for every response, so computed once.
  const security = securityHeaders();
  app.addHook('onRequest', (_request, reply, done) => {
    reply.headers(security);
    done();
  });
  // External plugins
  await app.register(cookie);
  await app.register(swagger, {
    openapi: {
      openapi: '3.1.0',
      info: {
        title: 'My Account — corporate self-service API',
        version: '1.0.0',
        description:
          'The public API of the corporate My Account portal. The web app uses only this API. ' +
          'Errors share one shape: `{ "error": { "code", "message", "details" } }`; messages follow Accept-Language (en, ru, kk).',
      },
      servers: [{ url: '/' }],
      components: {
        securitySchemes: {
          session: { type: 'apiKey', in: 'cookie', name: 'sid' },
          csrf: { type: 'apiKey', in: 'header', name: 'X-CSRF-Token' },
        },
      },
    },
    transform: jsonSchemaTransform,
    transformObject: jsonSchemaTransformObject,
  });
  await app.register(swaggerUi, { routePrefix: '/api/docs', staticCSP: true });

  // Own plugins
  const auth = new AuthService(ctx);
  app.decorate('sessionCache', auth.sessions);
  app.addHook('onClose', () => auth.close());
  const companies = new CompaniesService(ctx.db);
  const provisioning = new Provisioning(ctx.db, ctx.network ?? simulatedNetworkFromConfig(ctx.config));
  const numbers = new NumbersService(ctx.db, provisioning);
  const services = new ServicesService(ctx.db, numbers, provisioning);
  const sim = new SimService(ctx.db, numbers, ctx.secretsKey);
  const forwarding = new ForwardingService(ctx.db, numbers, services, provisioning);
  registerSession(app, auth);
  const webRoot = ctx.config.WEB_DIST_DIR ?? webDist;
  const serveWeb = Boolean(options.serveWeb) && existsSync(join(webRoot, 'index.html'));
  // The single-page app answers every other GET that asks for a page.
  registerErrorHandler(app, {
    isPage: (request) => serveWeb && request.method === 'GET' && isAppPath(request.url),
  });
  app.addHook('onSend', async (request, reply) => {
    reply.header('x-request-id', request.id);
    // Legacy XSS filters are gone from current browsers; "1; mode=block" is inert there and what scanners expect.
    reply.header('x-xss-protection', '1; mode=block');
    if (request.url.startsWith('/api/')) reply.header('cache-control', 'no-store');
  });

  // Routes
  app.get('/api/openapi.json', { schema: { hide: true } }, async () => app.swagger());
  app.get('/healthz', { schema: { hide: true } }, async () => {
    await ctx.db.query('SELECT 1');
    return { status: 'ok' };
  });
  await app.register(
    async (api) => {
      registerCompanyScope(api, companies);
      await api.register(authRoutes(auth));
      await api.register(profileRoutes(new ProfileService(ctx, auth.sessions)));
      await api.register(announcementRoutes);
      await api.register(faqRoutes);
      await api.register(companiesRoutes(companies));
      await api.register(numbersRoutes(numbers));
      await api.register(servicesRoutes(services));
      await api.register(simRoutes(sim));
      await api.register(forwardingRoutes(forwarding));
      await api.register(moneyRoutes(ctx));
      await api.register(asyncOperationsRoutes(ctx, numbers));
      await api.register(reportsRoutes(new ReportsService(ctx, new RequestsService(ctx.db, ctx.requestQueue))));
      await api.register(documentsRoutes(new DocumentsService(ctx)));
    },
    { prefix: '/api/v1' },
  );
  await app.register(contactUpdateFormRoutes);
  if (ctx.config.DEMO_MODE) await app.register(outboxRoutes);

  if (serveWeb) {
    await app.register(fastifyStatic, {
      root: webRoot,
      wildcard: false,
      index: false,
      // The build writes .br/.gz beside each asset (apps/web/vite.config.ts): sent as the browser accepts.
      preCompressed: true,
      // Names under /assets/ carry a content hash: they never change, so browsers may keep them for a year.
      setHeaders: (reply, path) => {
        if (/[\\/]assets[\\/]/.test(path)) reply.header('cache-control', 'public, max-age=31536000, immutable');
      },
    });
  }
  return app;
}
