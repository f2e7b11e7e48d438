import { Type, type Static } from 'typebox';

const AccessKeySignIn = Type.Object({
  AccessKeyId: Type.String({ minLength: 1, maxLength: 128 }),
  SecretAccessKey: Type.String({ minLength: 1, maxLength: 128 }),
});

const PasswordSignIn = Type.Object({
  Username: Type.String({ minLength: 1, maxLength: 64 }),
  Password: Type.String({ minLength: 1, maxLength: 1024 }),
});

/** An organization's access key, or a console user's username and password. */
export const SignInBody = Type.Union([AccessKeySignIn, PasswordSignIn]);
export type SignInBody = Static<typeof SignInBody>;

export const ConsoleSessionResponse = Type.Object({
  OrganizationId: Type.String(),
  /** The access key, or `console-user:<username>` for a console user: the actor recorded in the audit log. */
  AccessKeyId: Type.String(),
  /** Present when a console user signed in. */
  Username: Type.Optional(Type.String()),
  IsAdmin: Type.Boolean(),
  /** Send back in the x-csrf-token header on every change. */
  CsrfToken: Type.String(),
  ExpiresTimestamp: Type.String(),
});
export type ConsoleSessionResponse = Static<typeof ConsoleSessionResponse>;

export const CONSOLE_API_PREFIX = '/console/api';
