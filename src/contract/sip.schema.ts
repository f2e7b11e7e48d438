// Wire shapes of the SIP media application and SIP rule operations (@aws-sdk/client-chime-sdk-voice).
import { Type, type Static } from 'typebox';
import { SIP_RULE_TRIGGER_TYPES } from './enums';
import { LIST_MAX_RESULTS, NAME_MAX_LENGTH } from './limits';
import { IdParam, MaxResults, NextToken, StringEnum, Timestamp } from './schema-helpers';

/** Target applications of one SIP rule. */
export const SIP_RULE_MAX_TARGETS = 25;
/** The largest priority that fits the integer column on every dialect. */
export const SIP_RULE_MAX_PRIORITY = 2_147_483_647;
export const SIP_MEDIA_APPLICATION_MAX_TAGS = 50;
/** An AWS region name such as us-east-1 (the SipMediaApplication model types AwsRegion as a plain string). */
export const AWS_REGION_PATTERN = '^[a-z]{2}(-[a-z]+)+-[0-9]$';
/** arn:aws:lambda:<region>:<12-digit account>:function:<name>[:<version or alias>] */
export const LAMBDA_FUNCTION_ARN_PATTERN = '^arn:aws:lambda:([a-z]{2}(-[a-z]+)+-[0-9]):[0-9]{12}:function:[A-Za-z0-9_-]{1,64}(:[A-Za-z0-9_$-]{1,128})?$';

const NameField = Type.String({ minLength: 1, maxLength: NAME_MAX_LENGTH });
const AwsRegion = Type.String({ pattern: AWS_REGION_PATTERN, description: 'An AWS region such as us-east-1' });

export const SipMediaApplicationEndpoint = Type.Object({
  LambdaArn: Type.String({ minLength: 1, maxLength: 1024, description: 'arn:aws:lambda:<region>:<account>:function:<name>, in the region of the application' }),
});

/** "Currently, only one endpoint per SIP media application is permitted." */
const Endpoints = Type.Array(SipMediaApplicationEndpoint, { minItems: 1, maxItems: 1 });

export const Tag = Type.Object({
  Key: Type.String({ minLength: 1, maxLength: 128 }),
  Value: Type.String({ maxLength: 256 }),
});

export const SipMediaApplication = Type.Object({
  SipMediaApplicationId: Type.String(),
  AwsRegion: Type.String(),
  Name: Type.String(),
  Endpoints: Type.Array(SipMediaApplicationEndpoint),
  CreatedTimestamp: Timestamp,
  UpdatedTimestamp: Timestamp,
  SipMediaApplicationArn: Type.String(),
});
export type SipMediaApplication = Static<typeof SipMediaApplication>;

export const SipMediaApplicationResponse = Type.Object({ SipMediaApplication });
export const SipMediaApplicationIdParams = Type.Object({ SipMediaApplicationId: IdParam });

export const CreateSipMediaApplicationBody = Type.Object({
  AwsRegion,
  Name: NameField,
  Endpoints,
  Tags: Type.Optional(Type.Array(Tag, { maxItems: SIP_MEDIA_APPLICATION_MAX_TAGS })),
});
export type CreateSipMediaApplicationBody = Static<typeof CreateSipMediaApplicationBody>;

export const UpdateSipMediaApplicationBody = Type.Object({
  Name: Type.Optional(NameField),
  Endpoints: Type.Optional(Endpoints),
});
export type UpdateSipMediaApplicationBody = Static<typeof UpdateSipMediaApplicationBody>;

export const ListSipMediaApplicationsQuery = Type.Object({
  'max-results': Type.Optional(MaxResults(LIST_MAX_RESULTS)),
  'next-token': Type.Optional(NextToken),
});
export type ListSipMediaApplicationsQuery = Static<typeof ListSipMediaApplicationsQuery>;

export const ListSipMediaApplicationsResponse = Type.Object({
  SipMediaApplications: Type.Array(SipMediaApplication),
  NextToken: Type.Optional(Type.String()),
});

export const SipRuleTargetApplication = Type.Object({
  SipMediaApplicationId: Type.String({ minLength: 1, maxLength: 256 }),
  Priority: Type.Integer({ minimum: 1, maximum: SIP_RULE_MAX_PRIORITY, description: '1 is the highest priority; unique within the rule' }),
  AwsRegion,
});
export type SipRuleTargetApplication = Static<typeof SipRuleTargetApplication>;

const TargetApplications = Type.Array(SipRuleTargetApplication, { minItems: 1, maxItems: SIP_RULE_MAX_TARGETS });

export const SipRule = Type.Object({
  SipRuleId: Type.String(),
  Name: Type.String(),
  Disabled: Type.Boolean(),
  TriggerType: StringEnum(SIP_RULE_TRIGGER_TYPES),
  TriggerValue: Type.String(),
  TargetApplications: Type.Array(SipRuleTargetApplication),
  CreatedTimestamp: Timestamp,
  UpdatedTimestamp: Timestamp,
});
export type SipRule = Static<typeof SipRule>;

export const SipRuleResponse = Type.Object({ SipRule });
export const SipRuleIdParams = Type.Object({ SipRuleId: IdParam });

export const CreateSipRuleBody = Type.Object({
  Name: NameField,
  TriggerType: StringEnum(SIP_RULE_TRIGGER_TYPES),
  TriggerValue: Type.String({ minLength: 1, maxLength: 253, description: 'An E.164 number (ToPhoneNumber) or a host name (RequestUriHostname)' }),
  TargetApplications,
  Disabled: Type.Optional(Type.Boolean()),
});
export type CreateSipRuleBody = Static<typeof CreateSipRuleBody>;

/** The trigger of a rule is fixed at creation: only the name, the switch and the targets change. */
export const UpdateSipRuleBody = Type.Object({
  Name: NameField,
  Disabled: Type.Optional(Type.Boolean()),
  TargetApplications: Type.Optional(TargetApplications),
});
export type UpdateSipRuleBody = Static<typeof UpdateSipRuleBody>;

export const ListSipRulesQuery = Type.Object({
  'sip-media-application': Type.Optional(Type.String({ minLength: 1, maxLength: 256 })),
  'max-results': Type.Optional(MaxResults(LIST_MAX_RESULTS)),
  'next-token': Type.Optional(NextToken),
});
export type ListSipRulesQuery = Static<typeof ListSipRulesQuery>;

export const ListSipRulesResponse = Type.Object({
  SipRules: Type.Array(SipRule),
  NextToken: Type.Optional(Type.String()),
});
