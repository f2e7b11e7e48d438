import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import {
  CreateSipRuleBody,
  ListSipRulesQuery,
  ListSipRulesResponse,
  SipRuleIdParams,
  SipRuleResponse,
  UpdateSipRuleBody,
} from '../../contract/sip.schema';
import type { Services } from '../../services';

/** Create/Get/List/Update/DeleteSipRule (chime-sdk-voice). UpdateSipRule answers 202, as modelled. */
export const sipRuleRoutes: FastifyPluginAsyncTypebox<{ services: Services }> = async (app, { services }) => {
  const rules = services.sipRules;

  app.post('/sip-rules', { schema: { operationId: 'CreateSipRule', body: CreateSipRuleBody, response: { 201: SipRuleResponse } } }, async (request, reply) =>
    reply.status(201).send({ SipRule: await rules.create(request.caller, request.body) }),
  );

  app.get('/sip-rules', { schema: { operationId: 'ListSipRules', querystring: ListSipRulesQuery, response: { 200: ListSipRulesResponse } } }, (request) =>
    rules.list(request.caller, request.query),
  );

  app.get('/sip-rules/:SipRuleId', { schema: { operationId: 'GetSipRule', params: SipRuleIdParams, response: { 200: SipRuleResponse } } }, async (request) => ({
    SipRule: await rules.get(request.caller, request.params.SipRuleId),
  }));

  app.put(
    '/sip-rules/:SipRuleId',
    { schema: { operationId: 'UpdateSipRule', params: SipRuleIdParams, body: UpdateSipRuleBody, response: { 202: SipRuleResponse } } },
    async (request, reply) => reply.status(202).send({ SipRule: await rules.update(request.caller, request.params.SipRuleId, request.body) }),
  );

  app.delete('/sip-rules/:SipRuleId', { schema: { operationId: 'DeleteSipRule', params: SipRuleIdParams } }, async (request, reply) => {
    await rules.delete(request.caller, request.params.SipRuleId);
    return reply.status(204).send();
  });
};
