import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { AppContext } from '../../context.js';
import { paymentsRoutes } from '../payments/payments.routes.js';
import { PaymentsService } from '../payments/payments.service.js';
import { transfersRoutes } from '../transfers/transfers.routes.js';
import { TransfersService } from '../transfers/transfers.service.js';

/** The money routes (issue 5): balance transfers (F40) and unallocated payments (F38). */
export function moneyRoutes(ctx: AppContext): FastifyPluginAsyncZod {
  return async (app) => {
    await app.register(transfersRoutes(new TransfersService(ctx.db, ctx.config)));
    await app.register(paymentsRoutes(new PaymentsService(ctx.db, ctx.config.SUPPORT_EMAIL)));
  };
}
