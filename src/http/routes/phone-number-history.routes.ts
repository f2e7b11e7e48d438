import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { PhoneNumberHistoryParams, PhoneNumberHistoryQuery, PhoneNumberHistoryResponse } from '../../contract/extensions.schema';
import type { Services } from '../../services';

/** numberyard extension: GET /phone-numbers/{PhoneNumberId}/history, a number's changes oldest first. */
export const phoneNumberHistoryRoutes: FastifyPluginAsyncTypebox<{ services: Services }> = async (app, { services }) => {
  app.get(
    '/phone-numbers/:PhoneNumberId/history',
    { schema: { operationId: 'GetPhoneNumberHistory', params: PhoneNumberHistoryParams, querystring: PhoneNumberHistoryQuery, response: { 200: PhoneNumberHistoryResponse } } },
    (request) => services.phoneNumberHistory.list(request.caller, request.params.PhoneNumberId, request.query),
  );
};
