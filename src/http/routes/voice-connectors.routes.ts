import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { PhoneNumberErrorsResponse } from '../../contract/phone-number.schema';
import {
  AssociatePhoneNumbersBody,
  CreateVoiceConnectorBody,
  DisassociatePhoneNumbersBody,
  ListVoiceConnectorsResponse,
  UpdateVoiceConnectorBody,
  VoiceConnectorIdParams,
  VoiceConnectorListQuery,
  VoiceConnectorResponse,
} from '../../contract/voice-connector.schema';
import type { Services } from '../../services';

/**
 * Create/Get/List/Update/DeleteVoiceConnector and Associate/DisassociatePhoneNumbers(With|From)VoiceConnector
 * (chime-sdk-voice). The last two share POST /voice-connectors/{id} and differ by `?operation=`.
 */
export const voiceConnectorRoutes: FastifyPluginAsyncTypebox<{ services: Services }> = async (app, { services }) => {
  const connectors = services.voiceConnectors;
  const associations = services.voiceConnectorAssociations;

  app.post(
    '/voice-connectors',
    { schema: { operationId: 'CreateVoiceConnector', body: CreateVoiceConnectorBody, response: { 201: VoiceConnectorResponse } } },
    async (request, reply) => reply.status(201).send({ VoiceConnector: await connectors.create(request.caller, request.body) }),
  );

  app.get('/voice-connectors', { schema: { operationId: 'ListVoiceConnectors', querystring: VoiceConnectorListQuery, response: { 200: ListVoiceConnectorsResponse } } }, (request) =>
    connectors.list(request.caller, request.query),
  );

  app.get(
    '/voice-connectors/:VoiceConnectorId',
    { schema: { operationId: 'GetVoiceConnector', params: VoiceConnectorIdParams, response: { 200: VoiceConnectorResponse } } },
    async (request) => ({ VoiceConnector: await connectors.get(request.caller, request.params.VoiceConnectorId) }),
  );

  app.put(
    '/voice-connectors/:VoiceConnectorId',
    { schema: { operationId: 'UpdateVoiceConnector', params: VoiceConnectorIdParams, body: UpdateVoiceConnectorBody, response: { 200: VoiceConnectorResponse } } },
    async (request) => ({ VoiceConnector: await connectors.update(request.caller, request.params.VoiceConnectorId, request.body) }),
  );

  app.delete('/voice-connectors/:VoiceConnectorId', { schema: { operationId: 'DeleteVoiceConnector', params: VoiceConnectorIdParams } }, async (request, reply) => {
    await connectors.delete(request.caller, request.params.VoiceConnectorId);
    return reply.status(204).send();
  });

  app.post(
    '/voice-connectors/:VoiceConnectorId',
    {
      constraints: { operation: 'associate-phone-numbers' },
      schema: { operationId: 'AssociatePhoneNumbersWithVoiceConnector', params: VoiceConnectorIdParams, body: AssociatePhoneNumbersBody, response: { 200: PhoneNumberErrorsResponse } },
    },
    async (request) => ({
      PhoneNumberErrors: await associations.associate(
        request.caller,
        { kind: 'voiceConnector', voiceConnectorId: request.params.VoiceConnectorId },
        request.body.E164PhoneNumbers,
        request.body.ForceAssociate ?? false,
      ),
    }),
  );

  app.post(
    '/voice-connectors/:VoiceConnectorId',
    {
      constraints: { operation: 'disassociate-phone-numbers' },
      schema: { operationId: 'DisassociatePhoneNumbersFromVoiceConnector', params: VoiceConnectorIdParams, body: DisassociatePhoneNumbersBody, response: { 200: PhoneNumberErrorsResponse } },
    },
    async (request) => ({
      PhoneNumberErrors: await associations.disassociate(
        request.caller,
        { kind: 'voiceConnector', voiceConnectorId: request.params.VoiceConnectorId },
        request.body.E164PhoneNumbers,
      ),
    }),
  );
};
