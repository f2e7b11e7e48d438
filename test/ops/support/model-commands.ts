// The fast-check commands of the model-based test: each applies one API operation to the reference
// model and, through the real AWS SDK clients, to a listening server, then checks that the server's
// answer (success or the typed error) is the one the model predicts and that the numbers read back
// through the API are what the model holds.
import {
  AssociatePhoneNumberWithUserCommand,
  DisassociatePhoneNumberFromUserCommand,
  GetUserCommand,
  UpdatePhoneNumberCommand,
} from '@aws-sdk/client-chime';
import {
  AssociatePhoneNumbersWithVoiceConnectorCommand,
  AssociatePhoneNumbersWithVoiceConnectorGroupCommand,
  CreateSipRuleCommand,
  DeletePhoneNumberCommand,
  DeleteSipRuleCommand,
  DisassociatePhoneNumbersFromVoiceConnectorCommand,
  DisassociatePhoneNumbersFromVoiceConnectorGroupCommand,
  GetPhoneNumberCommand,
  ListPhoneNumbersCommand,
  RestorePhoneNumberCommand,
  UpdateSipRuleCommand,
  type PhoneNumber,
  type PhoneNumberError,
} from '@aws-sdk/client-chime-sdk-voice';
import fc from 'fast-check';
import { expect } from 'vitest';
import { ERROR_CATALOG, type ErrorCode } from '../../../src/contract/errors';
import type { TestOrganization } from '../../support/test-server';
import { inventoryModel, numberOf, type Holder, type InventoryModel, type ModelNumber, type ModelProductType, type Outcome } from './model-inventory';

/** The real side: the organization under test and the ids the server gave its resources. */
export interface RealInventory {
  org: TestOrganization;
  numbers: string[];
  connectorIds: string[];
  groupId: string;
  applicationId: string;
  accountId: string;
  userIds: string[];
  /** Model rule key -> the SIP rule id the server created. */
  ruleIds: Map<number, string>;
}

type InventoryCommand = fc.AsyncCommand<InventoryModel, RealInventory>;

/** Awaits a call and checks it succeeded or failed exactly as predicted (exception type and Code). */
async function expectOutcome(label: string, call: Promise<unknown>, outcome: Outcome): Promise<void> {
  const error = await call.then(
    () => undefined,
    (e: unknown) => e as { name: string; Code?: string; message: string },
  );
  if (outcome.ok) {
    expect(error, `${label}: the model expects success, the server said ${error?.name}: ${error?.message}`).toBeUndefined();
    return;
  }
  expect(error, `${label}: the model expects ${outcome.code}, the server succeeded`).toBeDefined();
  expect(error!.name, `${label}: ${error!.message}`).toBe(ERROR_CATALOG[outcome.code].type);
  if (error!.Code !== undefined) expect(error!.Code, `${label}: ${error!.message}`).toBe(outcome.code);
}

/** Checks the per-number errors of an Associate/Disassociate batch against the model's prediction. */
function expectBatchErrors(label: string, actual: PhoneNumberError[] | undefined, expected: Map<string, ErrorCode | null>): void {
  const got = Object.fromEntries((actual ?? []).map((error) => [error.PhoneNumberId!, error.ErrorCode]));
  const want = Object.fromEntries([...expected].filter(([, code]) => code !== null));
  expect(got, `${label}: ${JSON.stringify(actual)}`).toEqual(want);
}

function associationsOf(holder: Holder | null, real: RealInventory): { Name: string; Value: string }[] {
  if (!holder) return [];
  switch (holder.kind) {
    case 'voiceConnector':
      return [{ Name: 'VoiceConnectorId', Value: real.connectorIds[holder.index]! }];
    case 'voiceConnectorGroup':
      return [{ Name: 'VoiceConnectorGroupId', Value: real.groupId }];
    case 'sipRule':
      return [{ Name: 'SipRuleId', Value: real.ruleIds.get(holder.ruleKey)! }];
    case 'user':
      return [
        { Name: 'AccountId', Value: real.accountId },
        { Name: 'UserId', Value: real.userIds[holder.index]! },
      ];
  }
}

const byName = (a: { Name: string }, b: { Name: string }) => a.Name.localeCompare(b.Name);

/** What GetPhoneNumber should show of a model number (associations in name order). */
function viewOf(number: ModelNumber, real: RealInventory) {
  return { E164: number.e164, Status: number.status, ProductType: number.productType, Associations: associationsOf(number.holder, real).sort(byName) };
}

function wireView(phoneNumber: PhoneNumber) {
  return {
    E164: phoneNumber.E164PhoneNumber,
    Status: phoneNumber.Status,
    ProductType: phoneNumber.ProductType,
    Associations: (phoneNumber.Associations ?? []).map(({ Name, Value }) => ({ Name: Name!, Value: Value! })).sort(byName),
  };
}

/**
 * Reads the touched numbers back one by one (GetPhoneNumber) and the whole inventory in one page
 * (ListPhoneNumbers), so that a side effect on a number the command did not name shows up too.
 */
async function expectInventoryMatches(label: string, model: InventoryModel, real: RealInventory, touched: readonly string[]): Promise<void> {
  for (const e164 of touched) {
    const { PhoneNumber } = await real.org.voice.send(new GetPhoneNumberCommand({ PhoneNumberId: e164 }));
    const expected = viewOf(numberOf(model, e164), real);
    expect(wireView(PhoneNumber!), `${label}: GetPhoneNumber ${e164}`).toEqual(expected);
  }
  const { PhoneNumbers } = await real.org.voice.send(new ListPhoneNumbersCommand({ MaxResults: 100 }));
  const expectedAll = model.numbers.map((number) => viewOf(number, real)).sort((a, b) => a.E164.localeCompare(b.E164));
  expect(PhoneNumbers!.map(wireView).sort((a, b) => a.E164!.localeCompare(b.E164!)), `${label}: ListPhoneNumbers`).toEqual(expectedAll);
}

/** UpdatePhoneNumber through the legacy client: only its ProductType enum has Business Calling. */
class UpdateProductType implements InventoryCommand {
  constructor(
    readonly index: number,
    readonly productType: ModelProductType,
  ) {}
  check = () => true;
  async run(model: InventoryModel, real: RealInventory) {
    const e164 = real.numbers[this.index]!;
    const outcome = inventoryModel.updateProductType(model, e164, this.productType);
    await expectOutcome(this.toString(), real.org.chime.send(new UpdatePhoneNumberCommand({ PhoneNumberId: e164, ProductType: this.productType })), outcome);
    await expectInventoryMatches(this.toString(), model, real, [e164]);
  }
  toString = () => `UpdatePhoneNumber(n${this.index}, ${this.productType})`;
}

class DeleteNumber implements InventoryCommand {
  constructor(readonly index: number) {}
  check = () => true;
  async run(model: InventoryModel, real: RealInventory) {
    const e164 = real.numbers[this.index]!;
    const outcome = inventoryModel.deleteNumber(model, e164);
    await expectOutcome(this.toString(), real.org.voice.send(new DeletePhoneNumberCommand({ PhoneNumberId: e164 })), outcome);
    await expectInventoryMatches(this.toString(), model, real, [e164]);
  }
  toString = () => `DeletePhoneNumber(n${this.index})`;
}

class RestoreNumber implements InventoryCommand {
  constructor(readonly index: number) {}
  check = () => true;
  async run(model: InventoryModel, real: RealInventory) {
    const e164 = real.numbers[this.index]!;
    const outcome = inventoryModel.restoreNumber(model, e164);
    await expectOutcome(this.toString(), real.org.voice.send(new RestorePhoneNumberCommand({ PhoneNumberId: e164 })), outcome);
    await expectInventoryMatches(this.toString(), model, real, [e164]);
  }
  toString = () => `RestorePhoneNumber(n${this.index})`;
}

type ConnectorTarget = Extract<Holder, { kind: 'voiceConnector' | 'voiceConnectorGroup' }>;
const targetLabel = (target: ConnectorTarget) => (target.kind === 'voiceConnector' ? `vc${target.index}` : 'group');

class AssociateWithConnector implements InventoryCommand {
  constructor(
    readonly indexes: number[],
    readonly target: ConnectorTarget,
    readonly force: boolean,
  ) {}
  check = () => true;
  async run(model: InventoryModel, real: RealInventory) {
    const e164s = this.indexes.map((i) => real.numbers[i]!);
    const expected = new Map(e164s.map((e164) => [e164, inventoryModel.associateWithConnector(model, e164, this.target, this.force)]));
    const common = { E164PhoneNumbers: e164s, ForceAssociate: this.force };
    const response =
      this.target.kind === 'voiceConnector'
        ? await real.org.voice.send(new AssociatePhoneNumbersWithVoiceConnectorCommand({ ...common, VoiceConnectorId: real.connectorIds[this.target.index]! }))
        : await real.org.voice.send(new AssociatePhoneNumbersWithVoiceConnectorGroupCommand({ ...common, VoiceConnectorGroupId: real.groupId }));
    expectBatchErrors(this.toString(), response.PhoneNumberErrors, expected);
    await expectInventoryMatches(this.toString(), model, real, e164s);
  }
  toString = () =>
    `Associate([${this.indexes.map((i) => `n${i}`).join(',')}] -> ${targetLabel(this.target)}${this.force ? ', ForceAssociate' : ''})`;
}

class DisassociateFromConnector implements InventoryCommand {
  constructor(
    readonly indexes: number[],
    readonly target: ConnectorTarget,
  ) {}
  check = () => true;
  async run(model: InventoryModel, real: RealInventory) {
    const e164s = this.indexes.map((i) => real.numbers[i]!);
    const expected = new Map(e164s.map((e164) => [e164, inventoryModel.disassociateFromConnector(model, e164, this.target)]));
    const response =
      this.target.kind === 'voiceConnector'
        ? await real.org.voice.send(
            new DisassociatePhoneNumbersFromVoiceConnectorCommand({ VoiceConnectorId: real.connectorIds[this.target.index]!, E164PhoneNumbers: e164s }),
          )
        : await real.org.voice.send(new DisassociatePhoneNumbersFromVoiceConnectorGroupCommand({ VoiceConnectorGroupId: real.groupId, E164PhoneNumbers: e164s }));
    expectBatchErrors(this.toString(), response.PhoneNumberErrors, expected);
    await expectInventoryMatches(this.toString(), model, real, e164s);
  }
  toString = () => `Disassociate([${this.indexes.map((i) => `n${i}`).join(',')}] <- ${targetLabel(this.target)})`;
}

class CreateSipRule implements InventoryCommand {
  constructor(readonly index: number) {}
  check = () => true;
  async run(model: InventoryModel, real: RealInventory) {
    const e164 = real.numbers[this.index]!;
    const { outcome, rule } = inventoryModel.createSipRule(model, e164);
    const call = real.org.voice.send(
      new CreateSipRuleCommand({
        Name: `rule for n${this.index}`,
        TriggerType: 'ToPhoneNumber',
        TriggerValue: e164,
        TargetApplications: [{ SipMediaApplicationId: real.applicationId, Priority: 1, AwsRegion: 'us-east-1' }],
      }),
    );
    if (rule) real.ruleIds.set(rule.key, (await call).SipRule!.SipRuleId!);
    else await expectOutcome(this.toString(), call, outcome);
    await expectInventoryMatches(this.toString(), model, real, [e164]);
  }
  toString = () => `CreateSipRule(ToPhoneNumber n${this.index})`;
}

/** DeleteSipRule of one of the model's rules, disabling it first (UpdateSipRule Disabled=true) or not. */
class DeleteSipRule implements InventoryCommand {
  constructor(
    readonly pick: number,
    readonly disableFirst: boolean,
  ) {}
  check = (model: Readonly<InventoryModel>) => model.rules.length > 0;
  async run(model: InventoryModel, real: RealInventory) {
    const rule = model.rules[this.pick % model.rules.length]!;
    const id = real.ruleIds.get(rule.key)!;
    const label = `${this.toString()} of ${rule.e164}`;
    if (this.disableFirst) {
      inventoryModel.disableSipRule(model, rule.key);
      const { SipRule } = await real.org.voice.send(new UpdateSipRuleCommand({ SipRuleId: id, Name: `rule ${rule.key}`, Disabled: true }));
      expect(SipRule?.Disabled, label).toBe(true);
    }
    await expectOutcome(label, real.org.voice.send(new DeleteSipRuleCommand({ SipRuleId: id })), inventoryModel.deleteSipRule(model, rule.key));
    await expectInventoryMatches(label, model, real, [rule.e164]);
  }
  toString = () => `DeleteSipRule(rule#${this.pick}${this.disableFirst ? ', disabled first' : ''})`;
}

async function expectUserNumber(label: string, model: InventoryModel, real: RealInventory, user: number): Promise<void> {
  const { User } = await real.org.chime.send(new GetUserCommand({ AccountId: real.accountId, UserId: real.userIds[user]! }));
  expect(User?.PrimaryProvisionedNumber, `${label}: GetUser u${user}`).toBe(model.userNumbers[user] ?? undefined);
}

class AssociateWithUser implements InventoryCommand {
  constructor(
    readonly user: number,
    readonly index: number,
  ) {}
  check = () => true;
  async run(model: InventoryModel, real: RealInventory) {
    const e164 = real.numbers[this.index]!;
    const held = model.userNumbers[this.user];
    const outcome = inventoryModel.associateWithUser(model, this.user, e164);
    await expectOutcome(
      this.toString(),
      real.org.chime.send(new AssociatePhoneNumberWithUserCommand({ AccountId: real.accountId, UserId: real.userIds[this.user]!, E164PhoneNumber: e164 })),
      outcome,
    );
    await expectInventoryMatches(this.toString(), model, real, held ? [e164, held] : [e164]);
    await expectUserNumber(this.toString(), model, real, this.user);
  }
  toString = () => `AssociatePhoneNumberWithUser(u${this.user}, n${this.index})`;
}

class DisassociateFromUser implements InventoryCommand {
  constructor(readonly user: number) {}
  check = () => true;
  async run(model: InventoryModel, real: RealInventory) {
    const held = model.userNumbers[this.user];
    const outcome = inventoryModel.disassociateFromUser(model, this.user);
    await expectOutcome(
      this.toString(),
      real.org.chime.send(new DisassociatePhoneNumberFromUserCommand({ AccountId: real.accountId, UserId: real.userIds[this.user]! })),
      outcome,
    );
    await expectInventoryMatches(this.toString(), model, real, held ? [held] : []);
    await expectUserNumber(this.toString(), model, real, this.user);
  }
  toString = () => `DisassociatePhoneNumberFromUser(u${this.user})`;
}

/** Random command sequences over an inventory of `numberCount` numbers, 2 connectors, 1 group, SIP rules and 2 users. */
export function inventoryCommands(numberCount: number, maxCommands: number) {
  const number = fc.nat({ max: numberCount - 1 });
  const someNumbers = fc.uniqueArray(number, { minLength: 1, maxLength: 3 });
  const connector = fc.nat({ max: 1 });
  const user = fc.nat({ max: 1 });
  const productType = fc.constantFrom<ModelProductType>('BusinessCalling', 'VoiceConnector', 'SipMediaApplicationDialIn');
  const connectorTarget: fc.Arbitrary<ConnectorTarget> = fc.oneof(
    connector.map((index) => ({ kind: 'voiceConnector' as const, index })),
    fc.constant({ kind: 'voiceConnectorGroup' as const }),
  );
  return fc.commands<InventoryModel, RealInventory, false>(
    [
      fc.tuple(number, productType).map(([index, type]) => new UpdateProductType(index, type)),
      number.map((index) => new DeleteNumber(index)),
      number.map((index) => new RestoreNumber(index)),
      fc.tuple(someNumbers, connectorTarget, fc.boolean()).map(([indexes, target, force]) => new AssociateWithConnector(indexes, target, force)),
      fc.tuple(someNumbers, connectorTarget).map(([indexes, target]) => new DisassociateFromConnector(indexes, target)),
      number.map((index) => new CreateSipRule(index)),
      fc.tuple(fc.nat({ max: 9 }), fc.boolean()).map(([pick, disable]) => new DeleteSipRule(pick, disable)),
      fc.tuple(user, number).map(([u, index]) => new AssociateWithUser(u, index)),
      user.map((u) => new DisassociateFromUser(u)),
    ],
    // 'max': sequences long enough (up to maxCommands) to reach deep states, not the few commands of the default size.
    { maxCommands, size: 'max' },
  );
}
