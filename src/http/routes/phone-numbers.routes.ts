import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import {
  BatchDeletePhoneNumberBody,
  BatchUpdatePhoneNumberBody,
  ListPhoneNumbersQuery,
  ListPhoneNumbersResponse,
  PhoneNumberErrorsResponse,
  PhoneNumberIdParams,
  PhoneNumberResponse,
  UpdatePhoneNumberBody,
} from '../../contract/phone-number.schema';
import type { Services } from '../../services';

/** ListPhoneNumbers, GetPhoneNumber, UpdatePhoneNumber, BatchUpdate/BatchDelete/Delete/RestorePhoneNumber. */
export const phoneNumberRoutes: FastifyPluginAsyncTypebox<{ services: Services }> = async (app, { services }) => {
  const phoneNumbers = services.phoneNumbers;

  app.get('/phone-numbers', { schema: { operationId: 'ListPhoneNumbers', querystring: ListPhoneNumbersQuery, response: { 200: ListPhoneNumbersResponse } } }, (request) =>
    phoneNumbers.list(request.caller, request.query),
  );

  app.get('/phone-numbers/:PhoneNumberId', { schema: { operationId: 'GetPhoneNumber', params: PhoneNumberIdParams, response: { 200: PhoneNumberResponse } } }, async (request) => ({
    PhoneNumber: await phoneNumbers.get(request.caller, request.params.PhoneNumberId),
  }));

  app.post(
    '/phone-numbers/:PhoneNumberId',
    { schema: { operationId: 'UpdatePhoneNumber', params: PhoneNumberIdParams, body: UpdatePhoneNumberBody, response: { 200: PhoneNumberResponse } } },
    async (request) => ({ PhoneNumber: await phoneNumbers.update(request.caller, request.params.PhoneNumberId, request.body ?? {}) }),
  );

  app.post(
    '/phone-numbers/:PhoneNumberId',
    { constraints: { operation: 'restore' }, schema: { operationId: 'RestorePhoneNumber', params: PhoneNumberIdParams, response: { 200: PhoneNumberResponse } } },
    async (request) => ({ PhoneNumber: await phoneNumbers.restore(request.caller, request.params.PhoneNumberId) }),
  );

  app.delete('/phone-numbers/:PhoneNumberId', { schema: { operationId: 'DeletePhoneNumber', params: PhoneNumberIdParams } }, async (request, reply) => {
    await phoneNumbers.delete(request.caller, request.params.PhoneNumberId);
    return reply.status(204).send();
  });

  app.post(
    '/phone-numbers',
    { constraints: { operation: 'batch-update' }, schema: { operationId: 'BatchUpdatePhoneNumber', body: BatchUpdatePhoneNumberBody, response: { 200: PhoneNumberErrorsResponse } } },
    async (request) => ({ PhoneNumberErrors: await phoneNumbers.batchUpdate(request.caller, request.body.UpdatePhoneNumberRequestItems) }),
  );

  app.post(
    '/phone-numbers',
    { constraints: { operation: 'batch-delete' }, schema: { operationId: 'BatchDeletePhoneNumber', body: BatchDeletePhoneNumberBody, response: { 200: PhoneNumberErrorsResponse } } },
    async (request) => ({ PhoneNumberErrors: await phoneNumbers.batchDelete(request.caller, request.body.PhoneNumberIds) }),
  );
};
