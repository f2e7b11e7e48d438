import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { ImportAvailableNumbersBody, ImportPhoneNumbersBody, ImportResponse } from '../../contract/admin.schema';
import type { Services } from '../../services';

/** numberyard's administration routes, signed like the rest; only administrator keys may call them. */
export const adminRoutes: FastifyPluginAsyncTypebox<{ services: Services }> = async (app, { services }) => {
  app.post(
    '/admin/phone-numbers',
    { constraints: { operation: 'import' }, schema: { operationId: 'ImportPhoneNumbers', body: ImportPhoneNumbersBody, response: { 200: ImportResponse } } },
    (request) => services.inventoryImport.importOwnedNumbers(request.caller, request.body),
  );

  app.post(
    '/admin/available-numbers',
    { constraints: { operation: 'import' }, schema: { operationId: 'ImportAvailableNumbers', body: ImportAvailableNumbersBody, response: { 200: ImportResponse } } },
    (request) => services.inventoryImport.importAvailableNumbers(request.caller, request.body),
  );
};
