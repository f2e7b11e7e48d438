import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { PhoneNumberErrorsResponse } from '../../contract/phone-number.schema';
import {
  AssociatePhoneNumbersBody,
  CreateVoiceConnectorGroupBody,
  DisassociatePhoneNumbersBody,
  ListVoiceConnectorGroupsResponse,
  UpdateVoiceConnectorGroupBody,
  VoiceConnectorGroupIdParams,
  VoiceConnectorGroupResponse,
  VoiceConnectorListQuery,
} from '../../contract/voice-connector.schema';
import type { Services } from '../../services';

/**
 * Create/Get/List/Update/DeleteVoiceConnectorGroup and Associate/DisassociatePhoneNumbers(With|From)VoiceConnectorGroup
 * (chime-sdk-voice). The last two share POST /voice-connector-groups/{id} and differ by `?operation=`.
 */
export const voiceConnectorGroupRoutes: FastifyPluginAsyncTypebox<{ services: Services }> = async (app, { services }) => {
  const groups = services.voiceConnectorGroups;
  const associations = services.voiceConnectorAssociations;

  app.post(
    '/voice-connector-groups',
    { schema: { operationId: 'CreateVoiceConnectorGroup', body: CreateVoiceConnectorGroupBody, response: { 201: VoiceConnectorGroupResponse } } },
    async (request, reply) => reply.status(201).send({ VoiceConnectorGroup: await groups.create(request.caller, request.body) }),
  );

  app.get(
    '/voice-connector-groups',
    { schema: { operationId: 'ListVoiceConnectorGroups', querystring: VoiceConnectorListQuery, response: { 200: ListVoiceConnectorGroupsResponse } } },
    (request) => groups.list(request.caller, request.query),
  );

  app.get(
    '/voice-connector-groups/:VoiceConnectorGroupId',
    { schema: { operationId: 'GetVoiceConnectorGroup', params: VoiceConnectorGroupIdParams, response: { 200: VoiceConnectorGroupResponse } } },
    async (request) => ({ VoiceConnectorGroup: await groups.get(request.caller, request.params.VoiceConnectorGroupId) }),
  );

  // UpdateVoiceConnectorGroup answers 202 Accepted, as the API models it.
  app.put(
    '/voice-connector-groups/:VoiceConnectorGroupId',
    { schema: { operationId: 'UpdateVoiceConnectorGroup', params: VoiceConnectorGroupIdParams, body: UpdateVoiceConnectorGroupBody, response: { 202: VoiceConnectorGroupResponse } } },
    async (request, reply) =>
      reply.status(202).send({ VoiceConnectorGroup: await groups.update(request.caller, request.params.VoiceConnectorGroupId, request.body) }),
  );

  app.delete('/voice-connector-groups/:VoiceConnectorGroupId', { schema: { operationId: 'DeleteVoiceConnectorGroup', params: VoiceConnectorGroupIdParams } }, async (request, reply) => {
    await groups.delete(request.caller, request.params.VoiceConnectorGroupId);
    return reply.status(204).send();
  });

  app.post(
    '/voice-connector-groups/:VoiceConnectorGroupId',
    {
      constraints: { operation: 'associate-phone-numbers' },
      schema: { operationId: 'AssociatePhoneNumbersWithVoiceConnectorGroup', params: VoiceConnectorGroupIdParams, body: AssociatePhoneNumbersBody, response: { 200: PhoneNumberErrorsResponse } },
    },
    async (request) => ({
      PhoneNumberErrors: await associations.associate(
        request.caller,
        { kind: 'voiceConnectorGroup', voiceConnectorGroupId: request.params.VoiceConnectorGroupId },
        request.body.E164PhoneNumbers,
        request.body.ForceAssociate ?? false,
      ),
    }),
  );

  app.post(
    '/voice-connector-groups/:VoiceConnectorGroupId',
    {
      constraints: { operation: 'disassociate-phone-numbers' },
      schema: { operationId: 'DisassociatePhoneNumbersFromVoiceConnectorGroup', params: VoiceConnectorGroupIdParams, body: DisassociatePhoneNumbersBody, response: { 200: PhoneNumberErrorsResponse } },
    },
    async (request) => ({
      PhoneNumberErrors: await associations.disassociate(
        request.caller,
        { kind: 'voiceConnectorGroup', voiceConnectorGroupId: request.params.VoiceConnectorGroupId },
        request.body.E164PhoneNumbers,
      ),
    }),
  );
};
