import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { RoutingLookupQuery, RoutingLookupResponse } from '../../contract/extensions.schema';
import type { Services } from '../../services';

/** numberyard extension: GET /routing?phone-number=… or ?request-uri-hostname=… — where a call goes. */
export const routingRoutes: FastifyPluginAsyncTypebox<{ services: Services }> = async (app, { services }) => {
  app.get('/routing', { schema: { operationId: 'GetPhoneNumberRouting', querystring: RoutingLookupQuery, response: { 200: RoutingLookupResponse } } }, (request) =>
    services.routing.lookup(request.caller, request.query),
  );
};
