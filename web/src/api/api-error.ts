import { ERROR_CATALOG, type ErrorCode } from '../../../src/contract/errors';

/** An error answered by numberyard ({"Code","Message"}), or a network failure, as the console shows it. */
export class ApiError extends Error {
  constructor(
    /** A catalog code such as NotFound, or 'NetworkError' when no answer came. */
    readonly code: ErrorCode | 'NetworkError',
    message: string,
    readonly status: number,
  ) {
    super(message);
    this.name = 'ApiError';
  }

  get isUnauthorized(): boolean {
    return this.code === 'Unauthorized';
  }
}

function isErrorCode(value: unknown): value is ErrorCode {
  return typeof value === 'string' && Object.hasOwn(ERROR_CATALOG, value);
}

/** Turns a failed response into an ApiError; a body that is not the AWS error shape still gives a readable message. */
export async function apiErrorOf(response: Response): Promise<ApiError> {
  let body: unknown;
  try {
    body = await response.json();
  } catch {
    body = undefined;
  }
  const { Code, Message } = (typeof body === 'object' && body !== null ? body : {}) as { Code?: unknown; Message?: unknown };
  const code = isErrorCode(Code) ? Code : response.status >= 500 ? 'ServiceFailure' : 'BadRequest';
  const message = typeof Message === 'string' && Message !== '' ? Message : `The request failed with HTTP status ${response.status}`;
  return new ApiError(code, message, response.status);
}

/** The message to show for anything thrown by an API call. */
export function messageOf(error: unknown): string {
  if (error instanceof ApiError) return error.message;
  if (error instanceof Error) return error.message;
  return String(error);
}
