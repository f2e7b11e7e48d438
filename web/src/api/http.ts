import { CSRF_HEADER } from './session-constants';
import { ApiError, apiErrorOf } from './api-error';

type Query = Record<string, string | number | undefined>;

export interface RequestOptions {
  query?: Query | undefined;
  body?: unknown;
}

// The CSRF token of the current session lives in memory only (never in storage): a reload asks the
// server for it again with the HttpOnly cookie (GET /console/api/session).
let csrfToken: string | undefined;
let onUnauthorized: (() => void) | undefined;

export function setCsrfToken(token: string | undefined): void {
  csrfToken = token;
}

/** Called when the session is gone (expired or signed out elsewhere) so the console can ask to sign in. */
export function setUnauthorizedHandler(handler: (() => void) | undefined): void {
  onUnauthorized = handler;
}

function urlOf(path: string, query: Query | undefined): string {
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(query ?? {})) {
    if (value !== undefined) params.set(key, String(value));
  }
  const search = params.toString();
  return search ? `${path}?${search}` : path;
}

/** Percent-encodes a path label the way the SDKs do (`+` -> %2B). */
export function label(value: string): string {
  return encodeURIComponent(value);
}

/**
 * One call of the numberyard API with the session cookie. Changes carry the CSRF token; a JSON body
 * is sent only when given (RestorePhoneNumber has none). Errors become ApiError.
 */
export async function request<T>(method: 'GET' | 'POST' | 'PUT' | 'DELETE', path: string, options: RequestOptions = {}): Promise<T> {
  const headers: Record<string, string> = { accept: 'application/json' };
  if (method !== 'GET' && csrfToken) headers[CSRF_HEADER] = csrfToken;
  if (options.body !== undefined) headers['content-type'] = 'application/json';
  let response: Response;
  try {
    response = await fetch(urlOf(path, options.query), {
      method,
      headers,
      credentials: 'same-origin',
      body: options.body === undefined ? null : JSON.stringify(options.body),
    });
  } catch {
    throw new ApiError('NetworkError', 'numberyard could not be reached; check the connection and try again', 0);
  }
  if (!response.ok) {
    const error = await apiErrorOf(response);
    if (error.isUnauthorized && !path.startsWith('/console/api/session')) onUnauthorized?.();
    throw error;
  }
  if (response.status === 204) return undefined as T;
  const text = await response.text();
  return (text ? JSON.parse(text) : {}) as T;
}
