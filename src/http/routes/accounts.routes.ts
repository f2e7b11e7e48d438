import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import {
  AccountIdParams,
  AccountResponse,
  CreateAccountBody,
  ListAccountsQuery,
  ListAccountsResponse,
  UpdateAccountBody,
} from '../../contract/account.schema';
import type { Services } from '../../services';

/** Business Calling accounts (legacy chime client): CreateAccount, ListAccounts, GetAccount, UpdateAccount, DeleteAccount. */
export const accountRoutes: FastifyPluginAsyncTypebox<{ services: Services }> = async (app, { services }) => {
  const accounts = services.accounts;

  app.post('/accounts', { schema: { operationId: 'CreateAccount', body: CreateAccountBody, response: { 201: AccountResponse } } }, async (request, reply) => {
    const Account = await accounts.create(request.caller, request.body);
    return reply.status(201).send({ Account });
  });

  app.get('/accounts', { schema: { operationId: 'ListAccounts', querystring: ListAccountsQuery, response: { 200: ListAccountsResponse } } }, (request) =>
    accounts.list(request.caller, request.query),
  );

  app.get('/accounts/:AccountId', { schema: { operationId: 'GetAccount', params: AccountIdParams, response: { 200: AccountResponse } } }, async (request) => ({
    Account: await accounts.get(request.caller, request.params.AccountId),
  }));

  app.post(
    '/accounts/:AccountId',
    { schema: { operationId: 'UpdateAccount', params: AccountIdParams, body: UpdateAccountBody, response: { 200: AccountResponse } } },
    async (request) => ({ Account: await accounts.update(request.caller, request.params.AccountId, request.body ?? {}) }),
  );

  app.delete('/accounts/:AccountId', { schema: { operationId: 'DeleteAccount', params: AccountIdParams } }, async (request, reply) => {
    await accounts.delete(request.caller, request.params.AccountId);
    return reply.status(204).send();
  });
};
