// Wire shapes of the Voice Connector and Voice Connector group operations (@aws-sdk/client-chime-sdk-voice).
import { Type, type Static } from 'typebox';
import { CALL_DISTRIBUTION_TYPES, NETWORK_TYPES, VOICE_CONNECTOR_AWS_REGIONS, VOICE_CONNECTOR_INTEGRATION_TYPES } from './enums';
import { BATCH_MAX_ITEMS, LIST_MAX_RESULTS, NAME_MAX_LENGTH } from './limits';
import { E164String, IdParam, MaxResults, NextToken, StringEnum, Timestamp } from './schema-helpers';

/** "Calls are routed to hosts in priority order, with 1 as the highest priority." */
export const VOICE_CONNECTOR_PRIORITY_MIN = 1;
export const VOICE_CONNECTOR_PRIORITY_MAX = 99;
export const VOICE_CONNECTOR_MAX_TAGS = 50;
/** Connectors in one group; the API documents no number, this only bounds the request. */
export const VOICE_CONNECTOR_GROUP_MAX_ITEMS = 100;
/** The default AwsRegion of CreateVoiceConnector, as documented. */
export const DEFAULT_VOICE_CONNECTOR_AWS_REGION = 'us-east-1';

/** 1-256 characters; a name of only spaces is refused by the service with a clearer message. */
const NameField = Type.String({ minLength: 1, maxLength: NAME_MAX_LENGTH });

const VoiceConnectorTag = Type.Object({
  Key: Type.String({ minLength: 1, maxLength: 128 }),
  Value: Type.String({ maxLength: 256 }),
});

export const VoiceConnector = Type.Object({
  VoiceConnectorId: Type.String(),
  AwsRegion: StringEnum(VOICE_CONNECTOR_AWS_REGIONS),
  Name: Type.String(),
  OutboundHostName: Type.String(),
  RequireEncryption: Type.Boolean(),
  CreatedTimestamp: Timestamp,
  UpdatedTimestamp: Timestamp,
  VoiceConnectorArn: Type.String(),
  IntegrationType: Type.Optional(StringEnum(VOICE_CONNECTOR_INTEGRATION_TYPES)),
  NetworkType: Type.Optional(StringEnum(NETWORK_TYPES)),
});
export type VoiceConnector = Static<typeof VoiceConnector>;

export const VoiceConnectorResponse = Type.Object({ VoiceConnector });
export const VoiceConnectorIdParams = Type.Object({ VoiceConnectorId: IdParam });

export const CreateVoiceConnectorBody = Type.Object({
  Name: NameField,
  RequireEncryption: Type.Boolean(),
  AwsRegion: Type.Optional(StringEnum(VOICE_CONNECTOR_AWS_REGIONS)),
  Tags: Type.Optional(Type.Array(VoiceConnectorTag, { maxItems: VOICE_CONNECTOR_MAX_TAGS })),
  IntegrationType: Type.Optional(StringEnum(VOICE_CONNECTOR_INTEGRATION_TYPES)),
  NetworkType: Type.Optional(StringEnum(NETWORK_TYPES)),
});
export type CreateVoiceConnectorBody = Static<typeof CreateVoiceConnectorBody>;

export const UpdateVoiceConnectorBody = Type.Object({
  Name: NameField,
  RequireEncryption: Type.Boolean(),
});
export type UpdateVoiceConnectorBody = Static<typeof UpdateVoiceConnectorBody>;

export const VoiceConnectorListQuery = Type.Object({
  'max-results': Type.Optional(MaxResults(LIST_MAX_RESULTS)),
  'next-token': Type.Optional(NextToken),
});
export type VoiceConnectorListQuery = Static<typeof VoiceConnectorListQuery>;

export const ListVoiceConnectorsResponse = Type.Object({
  VoiceConnectors: Type.Array(VoiceConnector),
  NextToken: Type.Optional(Type.String()),
});

export const VoiceConnectorItem = Type.Object({
  VoiceConnectorId: Type.String({ minLength: 1, maxLength: 128 }),
  // Optional in the SDK's types but needed to route calls: a missing Priority is refused.
  Priority: Type.Integer({ minimum: VOICE_CONNECTOR_PRIORITY_MIN, maximum: VOICE_CONNECTOR_PRIORITY_MAX }),
});
export type VoiceConnectorItem = Static<typeof VoiceConnectorItem>;

const VoiceConnectorItems = Type.Array(VoiceConnectorItem, { maxItems: VOICE_CONNECTOR_GROUP_MAX_ITEMS });

export const VoiceConnectorGroup = Type.Object({
  VoiceConnectorGroupId: Type.String(),
  Name: Type.String(),
  VoiceConnectorItems: Type.Array(VoiceConnectorItem),
  CreatedTimestamp: Timestamp,
  UpdatedTimestamp: Timestamp,
  VoiceConnectorGroupArn: Type.String(),
  CallDistributionType: Type.Optional(StringEnum(CALL_DISTRIBUTION_TYPES)),
});
export type VoiceConnectorGroup = Static<typeof VoiceConnectorGroup>;

export const VoiceConnectorGroupResponse = Type.Object({ VoiceConnectorGroup });
export const VoiceConnectorGroupIdParams = Type.Object({ VoiceConnectorGroupId: IdParam });

export const CreateVoiceConnectorGroupBody = Type.Object({
  Name: NameField,
  VoiceConnectorItems: Type.Optional(VoiceConnectorItems),
  CallDistributionType: Type.Optional(StringEnum(CALL_DISTRIBUTION_TYPES)),
});
export type CreateVoiceConnectorGroupBody = Static<typeof CreateVoiceConnectorGroupBody>;

export const UpdateVoiceConnectorGroupBody = Type.Object({
  Name: NameField,
  VoiceConnectorItems,
  CallDistributionType: Type.Optional(StringEnum(CALL_DISTRIBUTION_TYPES)),
});
export type UpdateVoiceConnectorGroupBody = Static<typeof UpdateVoiceConnectorGroupBody>;

export const ListVoiceConnectorGroupsResponse = Type.Object({
  VoiceConnectorGroups: Type.Array(VoiceConnectorGroup),
  NextToken: Type.Optional(Type.String()),
});

const E164PhoneNumbers = Type.Array(E164String, { minItems: 1, maxItems: BATCH_MAX_ITEMS });

export const AssociatePhoneNumbersBody = Type.Object({
  E164PhoneNumbers,
  ForceAssociate: Type.Optional(Type.Boolean()),
});
export type AssociatePhoneNumbersBody = Static<typeof AssociatePhoneNumbersBody>;

export const DisassociatePhoneNumbersBody = Type.Object({ E164PhoneNumbers });
export type DisassociatePhoneNumbersBody = Static<typeof DisassociatePhoneNumbersBody>;
