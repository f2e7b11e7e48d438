import { Type, type Static } from 'typebox';

export const SignInBody = Type.Object({
  AccessKeyId: Type.String({ minLength: 1, maxLength: 128 }),
  SecretAccessKey: Type.String({ minLength: 1, maxLength: 128 }),
});
export type SignInBody = Static<typeof SignInBody>;

export const ConsoleSessionResponse = Type.Object({
  OrganizationId: Type.String(),
  AccessKeyId: Type.String(),
  IsAdmin: Type.Boolean(),
  /** Send back in the x-csrf-token header on every change. */
  CsrfToken: Type.String(),
  ExpiresTimestamp: Type.String(),
});
export type ConsoleSessionResponse = Static<typeof ConsoleSessionResponse>;

export const CONSOLE_API_PREFIX = '/console/api';
