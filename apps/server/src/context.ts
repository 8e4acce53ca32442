import type { Config } from './config.js';
import type { Db } from './db/client.js';
import type { ImeiRegistry } from './integrations/imei-registry/imei-registry.js';
import type { Messaging } from './integrations/messaging.js';
import type { NetworkProvisioning } from './integrations/network/network-provisioning.js';
import type { Language } from './lib/i18n.js';
import type { SessionCache } from './modules/auth/session-cache.js';
import type { RequestQueue } from './modules/requests/request-queue.js';

/** What every module gets: configuration, the database and the ports to the outside world. */
export interface AppContext {
  config: Config;
  db: Db;
  messaging: Messaging;
  /** 32-byte key for PIN/PUK at rest and OTP hashes. */
  secretsKey: Buffer;
  /** Network provisioning port (O5); the simulator unless another adapter is given. */
  network?: NetworkProvisioning;
  /** Hands stored asynchronous requests (B4) to the job queue when one is connected. */
  requestQueue: RequestQueue;
  /** National IMEI registry port (O3); the simulator unless another adapter is given. */
  imeiRegistry?: ImeiRegistry;
}

export interface SessionInfo {
  idHash: string;
  administratorId: string;
  csrfToken: string;
  language: Language | null;
  /**
   * Tenancy verdict read in the same query as the session (plugins/company-scope.ts): whether the
   * administrator manages `companyId` and, when the route names a number, whether it is the company's.
   */
  scope?: SessionScope;
}

export interface SessionScope {
  companyId: string;
  /** The route names a number (`:msisdn`); `msisdn` is null when the path's number does not normalise. */
  numberRoute: boolean;
  msisdn: string | null;
  company: boolean;
  number: boolean;
}

declare module 'fastify' {
  interface FastifyInstance {
    ctx: AppContext;
    /** This process's kept session lookups (modules/auth/session-cache.ts). */
    sessionCache: SessionCache;
  }
  interface FastifyRequest {
    language: Language;
    session: SessionInfo | null;
  }
}
