import type { ConsoleSessionResponse, SignInBody } from '../../../src/contract/console-session.schema';
import { ApiError } from './api-error';
import { request, setCsrfToken } from './http';

export type Session = ConsoleSessionResponse;

export async function signIn(body: SignInBody): Promise<Session> {
  const session = await request<Session>('POST', '/console/api/session', { body });
  setCsrfToken(session.CsrfToken);
  return session;
}

/** The session of the cookie, after a reload; undefined when not signed in. */
export async function currentSession(): Promise<Session | undefined> {
  try {
    const session = await request<Session>('GET', '/console/api/session');
    setCsrfToken(session.CsrfToken);
    return session;
  } catch (error) {
    if (error instanceof ApiError && error.isUnauthorized) return undefined;
    throw error;
  }
}

export async function signOut(): Promise<void> {
  await request<void>('DELETE', '/console/api/session');
  setCsrfToken(undefined);
}
