import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import {
  CreatePhoneNumberOrderBody,
  ListPhoneNumberOrdersQuery,
  ListPhoneNumberOrdersResponse,
  PhoneNumberOrderIdParams,
  PhoneNumberOrderResponse,
} from '../../contract/phone-number.schema';
import type { Services } from '../../services';

/** CreatePhoneNumberOrder, GetPhoneNumberOrder, ListPhoneNumberOrders. */
export const phoneNumberOrderRoutes: FastifyPluginAsyncTypebox<{ services: Services }> = async (app, { services }) => {
  const orders = services.orders;

  app.post(
    '/phone-number-orders',
    { schema: { operationId: 'CreatePhoneNumberOrder', body: CreatePhoneNumberOrderBody, response: { 201: PhoneNumberOrderResponse } } },
    async (request, reply) => reply.status(201).send({ PhoneNumberOrder: await orders.create(request.caller, request.body) }),
  );

  app.get(
    '/phone-number-orders/:PhoneNumberOrderId',
    { schema: { operationId: 'GetPhoneNumberOrder', params: PhoneNumberOrderIdParams, response: { 200: PhoneNumberOrderResponse } } },
    async (request) => ({ PhoneNumberOrder: await orders.get(request.caller, request.params.PhoneNumberOrderId) }),
  );

  app.get('/phone-number-orders', { schema: { operationId: 'ListPhoneNumberOrders', querystring: ListPhoneNumberOrdersQuery, response: { 200: ListPhoneNumberOrdersResponse } } }, (request) =>
    orders.list(request.caller, request.query),
  );
};
