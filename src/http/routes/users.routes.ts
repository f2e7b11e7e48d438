import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from 'typebox';
import {
  AccountIdParams,
  AssociatePhoneNumberWithUserBody,
  CreateUserBody,
  InviteUsersBody,
  InviteUsersResponse,
  ListUserNotificationsQuery,
  ListUserNotificationsResponse,
  ListUsersQuery,
  ListUsersResponse,
  UpdateUserBody,
  UpdateUserSettingsBody,
  UserParams,
  DisassociatePhoneNumberFromUserQuery,
  UserResponse,
  UserSettingsResponse,
} from '../../contract/account.schema';
import type { Services } from '../../services';

/** Operations whose modelled output is an empty structure answer `{}`. */
const EmptyResponse = Type.Object({});

/**
 * Users of a Business Calling account (legacy chime client), their settings, their number
 * (Associate/DisassociatePhoneNumber...) and numberyard's read-only notifications route.
 */
export const userRoutes: FastifyPluginAsyncTypebox<{ services: Services }> = async (app, { services }) => {
  const users = services.users;
  const userPhoneNumbers = services.userPhoneNumbers;

  app.post(
    '/accounts/:AccountId/users',
    { constraints: { operation: 'create' }, schema: { operationId: 'CreateUser', params: AccountIdParams, body: CreateUserBody, response: { 201: UserResponse } } },
    async (request, reply) => {
      const User = await users.create(request.caller, request.params.AccountId, request.body);
      return reply.status(201).send({ User });
    },
  );

  app.post(
    '/accounts/:AccountId/users',
    { constraints: { operation: 'add' }, schema: { operationId: 'InviteUsers', params: AccountIdParams, body: InviteUsersBody, response: { 201: InviteUsersResponse } } },
    async (request, reply) => {
      const Invites = await users.invite(request.caller, request.params.AccountId, request.body);
      return reply.status(201).send({ Invites });
    },
  );

  app.get(
    '/accounts/:AccountId/users',
    { schema: { operationId: 'ListUsers', params: AccountIdParams, querystring: ListUsersQuery, response: { 200: ListUsersResponse } } },
    (request) => users.list(request.caller, request.params.AccountId, request.query),
  );

  app.get('/accounts/:AccountId/users/:UserId', { schema: { operationId: 'GetUser', params: UserParams, response: { 200: UserResponse } } }, async (request) => ({
    User: await users.get(request.caller, request.params.AccountId, request.params.UserId),
  }));

  app.post(
    '/accounts/:AccountId/users/:UserId',
    { schema: { operationId: 'UpdateUser', params: UserParams, body: UpdateUserBody, response: { 200: UserResponse } } },
    async (request) => ({ User: await users.update(request.caller, request.params.AccountId, request.params.UserId, request.body ?? {}) }),
  );

  app.get(
    '/accounts/:AccountId/users/:UserId/settings',
    { schema: { operationId: 'GetUserSettings', params: UserParams, response: { 200: UserSettingsResponse } } },
    async (request) => ({ UserSettings: await users.getSettings(request.caller, request.params.AccountId, request.params.UserId) }),
  );

  app.put(
    '/accounts/:AccountId/users/:UserId/settings',
    { schema: { operationId: 'UpdateUserSettings', params: UserParams, body: UpdateUserSettingsBody } },
    async (request, reply) => {
      await users.updateSettings(request.caller, request.params.AccountId, request.params.UserId, request.body);
      return reply.status(204).send();
    },
  );

  app.post('/accounts/:AccountId/users/:UserId', { constraints: { operation: 'logout' }, schema: { operationId: 'LogoutUser', params: UserParams } }, async (request, reply) => {
    await users.logout(request.caller, request.params.AccountId, request.params.UserId);
    return reply.status(204).send();
  });

  app.post(
    '/accounts/:AccountId/users/:UserId',
    {
      constraints: { operation: 'associate-phone-number' },
      schema: { operationId: 'AssociatePhoneNumberWithUser', params: UserParams, body: AssociatePhoneNumberWithUserBody, response: { 200: EmptyResponse } },
    },
    async (request) => {
      await userPhoneNumbers.associate(request.caller, request.params.AccountId, request.params.UserId, request.body.E164PhoneNumber);
      return {};
    },
  );

  app.post(
    '/accounts/:AccountId/users/:UserId',
    {
      constraints: { operation: 'disassociate-phone-number' },
      schema: { operationId: 'DisassociatePhoneNumberFromUser', params: UserParams, querystring: DisassociatePhoneNumberFromUserQuery, response: { 200: EmptyResponse } },
    },
    async (request) => {
      await userPhoneNumbers.disassociate(request.caller, request.params.AccountId, request.params.UserId, request.query['phone-number']);
      return {};
    },
  );

  app.get(
    '/accounts/:AccountId/users/:UserId/notifications',
    { schema: { operationId: 'ListUserNotifications', params: UserParams, querystring: ListUserNotificationsQuery, response: { 200: ListUserNotificationsResponse } } },
    (request) => users.listNotifications(request.caller, request.params.AccountId, request.params.UserId, request.query),
  );
};
