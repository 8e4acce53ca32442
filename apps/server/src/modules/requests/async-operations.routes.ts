import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { AppContext } from '../../context.js';
import { deviceRoutes } from '../devices/device.routes.js';
import { DeviceService } from '../devices/device.service.js';
import { esimRoutes } from '../esim/esim.routes.js';
import { EsimService } from '../esim/esim.service.js';
import type { NumbersService } from '../numbers/numbers.service.js';
import { simReplacementRoutes } from '../sim/sim-replacement.routes.js';
import { SimReplacementService } from '../sim/sim-replacement.service.js';
import { requestsRoutes } from './requests.routes.js';
import { RequestsService } from './requests.service.js';

/**
 * The asynchronous operations of issue 6: the requests centre (B4), SIM replacement (F21), eSIM
 * replacement (F22) and device registration with the national IMEI registry (F24–F26, O3).
 */
export function asyncOperationsRoutes(ctx: AppContext, numbers: NumbersService): FastifyPluginAsyncZod {
  return async (app) => {
    const requests = new RequestsService(ctx.db, ctx.requestQueue);
    await app.register(requestsRoutes(requests, ctx.config.REQUEST_EVENTS_POLL_MS));
    await app.register(simReplacementRoutes(new SimReplacementService(numbers, requests)));
    await app.register(esimRoutes(new EsimService(numbers, requests, ctx.config.ESIM_SMDP_ADDRESS)));
    await app.register(deviceRoutes(new DeviceService(ctx.db, numbers, requests, ctx.config.IMEI_REGISTRY_DELAY_MS)));
  };
}
