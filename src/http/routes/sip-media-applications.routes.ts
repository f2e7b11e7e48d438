import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import {
  CreateSipMediaApplicationBody,
  ListSipMediaApplicationsQuery,
  ListSipMediaApplicationsResponse,
  SipMediaApplicationIdParams,
  SipMediaApplicationResponse,
  UpdateSipMediaApplicationBody,
} from '../../contract/sip.schema';
import type { Services } from '../../services';

/** Create/Get/List/Update/DeleteSipMediaApplication (chime-sdk-voice). */
export const sipMediaApplicationRoutes: FastifyPluginAsyncTypebox<{ services: Services }> = async (app, { services }) => {
  const applications = services.sipMediaApplications;

  app.post(
    '/sip-media-applications',
    { schema: { operationId: 'CreateSipMediaApplication', body: CreateSipMediaApplicationBody, response: { 201: SipMediaApplicationResponse } } },
    async (request, reply) => reply.status(201).send({ SipMediaApplication: await applications.create(request.caller, request.body) }),
  );

  app.get(
    '/sip-media-applications',
    { schema: { operationId: 'ListSipMediaApplications', querystring: ListSipMediaApplicationsQuery, response: { 200: ListSipMediaApplicationsResponse } } },
    (request) => applications.list(request.caller, request.query),
  );

  app.get(
    '/sip-media-applications/:SipMediaApplicationId',
    { schema: { operationId: 'GetSipMediaApplication', params: SipMediaApplicationIdParams, response: { 200: SipMediaApplicationResponse } } },
    async (request) => ({ SipMediaApplication: await applications.get(request.caller, request.params.SipMediaApplicationId) }),
  );

  app.put(
    '/sip-media-applications/:SipMediaApplicationId',
    { schema: { operationId: 'UpdateSipMediaApplication', params: SipMediaApplicationIdParams, body: UpdateSipMediaApplicationBody, response: { 200: SipMediaApplicationResponse } } },
    async (request) => ({
      SipMediaApplication: await applications.update(request.caller, request.params.SipMediaApplicationId, request.body ?? {}),
    }),
  );

  app.delete('/sip-media-applications/:SipMediaApplicationId', { schema: { operationId: 'DeleteSipMediaApplication', params: SipMediaApplicationIdParams } }, async (request, reply) => {
    await applications.delete(request.caller, request.params.SipMediaApplicationId);
    return reply.status(204).send();
  });
};
