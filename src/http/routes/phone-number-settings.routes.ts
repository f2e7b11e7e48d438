import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { PhoneNumberSettingsResponse, UpdatePhoneNumberSettingsBody } from '../../contract/phone-number.schema';
import type { Services } from '../../services';

/** GetPhoneNumberSettings and UpdatePhoneNumberSettings: the organization's default outbound calling name. */
export const phoneNumberSettingsRoutes: FastifyPluginAsyncTypebox<{ services: Services }> = async (app, { services }) => {
  const settings = services.phoneNumberSettings;

  app.get('/settings/phone-number', { schema: { operationId: 'GetPhoneNumberSettings', response: { 200: PhoneNumberSettingsResponse } } }, (request) => settings.get(request.caller));

  app.put('/settings/phone-number', { schema: { operationId: 'UpdatePhoneNumberSettings', body: UpdatePhoneNumberSettingsBody } }, async (request, reply) => {
    await settings.update(request.caller, request.body.CallingName);
    return reply.status(204).send();
  });
};
