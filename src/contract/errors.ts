// The one error catalog: each error code (the Chime ErrorCode enum) -> HTTP status and the exception
// type the AWS SDK clients turn into a typed class (sent as the x-amzn-ErrorType header).

export const ERROR_CATALOG = {
  BadRequest: { status: 400, type: 'BadRequestException' },
  ResourceLimitExceeded: { status: 400, type: 'ResourceLimitExceededException' },
  Unauthorized: { status: 401, type: 'UnauthorizedClientException' },
  Forbidden: { status: 403, type: 'ForbiddenException' },
  AccessDenied: { status: 403, type: 'AccessDeniedException' },
  NotFound: { status: 404, type: 'NotFoundException' },
  Conflict: { status: 409, type: 'ConflictException' },
  PhoneNumberAssociationsExist: { status: 409, type: 'ConflictException' },
  VoiceConnectorGroupAssociationsExist: { status: 409, type: 'ConflictException' },
  Gone: { status: 410, type: 'GoneException' },
  PreconditionFailed: { status: 412, type: 'BadRequestException' },
  Unprocessable: { status: 422, type: 'UnprocessableEntityException' },
  Throttled: { status: 429, type: 'ThrottledClientException' },
  ServiceFailure: { status: 500, type: 'ServiceFailureException' },
  ServiceUnavailable: { status: 503, type: 'ServiceUnavailableException' },
} as const satisfies Record<string, { status: number; type: string }>;

export type ErrorCode = keyof typeof ERROR_CATALOG;

/** The JSON body of every error response: {"Code":"NotFound","Message":"..."}. */
export interface WireError {
  Code: ErrorCode;
  Message: string;
}

/** One failed item of a batch operation (BatchUpdatePhoneNumber, Associate..., etc.). */
export interface PhoneNumberError {
  PhoneNumberId: string;
  ErrorCode: ErrorCode;
  ErrorMessage: string;
}
