// numberyard's own read-only routes beside the Chime API (signed the same way): a number's history
// and the routing lookup "where does a call to this number go".
import { Type, type Static } from 'typebox';
import { ROUTE_TARGET_TYPES } from './enums';
import { IdParam, MaxResults, NextToken, StringEnum, Timestamp } from './schema-helpers';
import { LIST_MAX_RESULTS } from './limits';

export const PhoneNumberHistoryParams = Type.Object({ PhoneNumberId: IdParam });

export const PhoneNumberHistoryQuery = Type.Object({
  'max-results': Type.Optional(MaxResults(LIST_MAX_RESULTS)),
  'next-token': Type.Optional(NextToken),
});
export type PhoneNumberHistoryQuery = Static<typeof PhoneNumberHistoryQuery>;

export const HistoryEvent = Type.Object({
  EventId: Type.String({ description: 'Grows strictly with each change' }),
  Timestamp,
  /** The access key id that made the change, or "system" for background jobs. */
  Actor: Type.String(),
  /** The API operation that made the change, such as CreateSipRule. */
  Operation: Type.String(),
  /** The resource as it was before and after the change; absent where it did not exist. */
  Before: Type.Optional(Type.Unknown()),
  After: Type.Optional(Type.Unknown()),
});
export type HistoryEvent = Static<typeof HistoryEvent>;

export const PhoneNumberHistoryResponse = Type.Object({
  Events: Type.Array(HistoryEvent),
  NextToken: Type.Optional(Type.String()),
});
export type PhoneNumberHistoryResponse = Static<typeof PhoneNumberHistoryResponse>;

/**
 * Exactly one of the two is given; the service says so when not. The number is checked by the
 * service, not by a pattern here, so that an unencoded '+' (it arrives as a space) gets a clear hint.
 */
export const RoutingLookupQuery = Type.Object({
  'phone-number': Type.Optional(Type.String({ minLength: 1, maxLength: 32 })),
  'request-uri-hostname': Type.Optional(Type.String({ minLength: 1, maxLength: 253 })),
});
export type RoutingLookupQuery = Static<typeof RoutingLookupQuery>;

export const Route = Type.Object({
  TargetType: StringEnum(ROUTE_TARGET_TYPES),
  TargetId: Type.String(),
  /** 1 is tried first. */
  Priority: Type.Integer(),
  ViaSipRuleId: Type.Optional(Type.String()),
  ViaVoiceConnectorGroupId: Type.Optional(Type.String()),
});
export type Route = Static<typeof Route>;

export const RoutingLookupResponse = Type.Object({
  PhoneNumber: Type.Optional(Type.String()),
  RequestUriHostname: Type.Optional(Type.String()),
  /** In the order a call tries them; empty when nothing would take the call. */
  Routes: Type.Array(Route),
});
export type RoutingLookupResponse = Static<typeof RoutingLookupResponse>;
