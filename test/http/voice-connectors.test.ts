import {
  AssociatePhoneNumbersWithVoiceConnectorCommand,
  AssociatePhoneNumbersWithVoiceConnectorGroupCommand,
  BadRequestException,
  ConflictException,
  CreateSipMediaApplicationCommand,
  CreateSipRuleCommand,
  CreateVoiceConnectorCommand,
  CreateVoiceConnectorGroupCommand,
  DeleteVoiceConnectorCommand,
  DeleteVoiceConnectorGroupCommand,
  DisassociatePhoneNumbersFromVoiceConnectorCommand,
  DisassociatePhoneNumbersFromVoiceConnectorGroupCommand,
  GetPhoneNumberCommand,
  GetVoiceConnectorCommand,
  GetVoiceConnectorGroupCommand,
  ListPhoneNumbersCommand,
  ListVoiceConnectorGroupsCommand,
  ListVoiceConnectorsCommand,
  NotFoundException,
  UpdateVoiceConnectorCommand,
  UpdateVoiceConnectorGroupCommand,
  paginateListPhoneNumbers,
  paginateListVoiceConnectorGroups,
  paginateListVoiceConnectors,
  type ChimeSDKVoiceClient,
  type VoiceConnectorAwsRegion,
} from '@aws-sdk/client-chime-sdk-voice';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { signedFetch } from '../../src/client/signed-fetch';
import { DIALECTS } from '../support/dialects';
import { importNumbers, usNumbers } from '../support/inventory';
import { TEST_REGION, startTestServer, type TestServer } from '../support/test-server';

/** The error a call failed with (the test fails if it succeeded). */
async function failure(call: Promise<unknown>): Promise<{ name: string; Code?: string; message: string; $metadata: { httpStatusCode?: number } }> {
  try {
    await call;
  } catch (error) {
    return error as never;
  }
  throw new Error('expected the call to fail');
}

async function newConnector(client: ChimeSDKVoiceClient, name = 'connector') {
  const { VoiceConnector } = await client.send(new CreateVoiceConnectorCommand({ Name: name, RequireEncryption: true }));
  return VoiceConnector!.VoiceConnectorId!;
}

async function newGroup(client: ChimeSDKVoiceClient, items: { VoiceConnectorId: string; Priority: number }[] = [], name = 'group') {
  const { VoiceConnectorGroup } = await client.send(new CreateVoiceConnectorGroupCommand({ Name: name, VoiceConnectorItems: items }));
  return VoiceConnectorGroup!.VoiceConnectorGroupId!;
}

async function associationsOf(client: ChimeSDKVoiceClient, e164: string) {
  const { PhoneNumber } = await client.send(new GetPhoneNumberCommand({ PhoneNumberId: e164 }));
  return { status: PhoneNumber!.Status, associations: PhoneNumber!.Associations!.map(({ Name, Value }) => ({ Name, Value })) };
}

for (const dialect of DIALECTS) {
  describe(`Voice Connectors and groups through the AWS SDK client [${dialect}]`, () => {
    let server: TestServer;
    let voice: ChimeSDKVoiceClient;

    beforeAll(async () => {
      server = await startTestServer(dialect);
      voice = server.admin.voice;
    });
    afterAll(async () => server?.close());

    it('creates, gets, lists, updates and deletes a Voice Connector', async () => {
      const created = await voice.send(
        new CreateVoiceConnectorCommand({
          Name: 'Seattle trunk',
          RequireEncryption: true,
          AwsRegion: 'us-west-2',
          Tags: [{ Key: 'env', Value: 'prod' }],
          IntegrationType: 'CONNECT_CALL_TRANSFER_CONNECTOR',
          NetworkType: 'DUAL_STACK',
        }),
      );
      expect(created.$metadata.httpStatusCode).toBe(201);
      const connector = created.VoiceConnector!;
      const id = connector.VoiceConnectorId!;
      expect(id).toMatch(/^[a-z0-9]{22}$/);
      expect(connector).toMatchObject({
        Name: 'Seattle trunk',
        AwsRegion: 'us-west-2',
        RequireEncryption: true,
        OutboundHostName: `${id}.voiceconnector.chime.aws`,
        VoiceConnectorArn: `arn:aws:chime:us-west-2:${server.admin.organizationId}:vc/${id}`,
        IntegrationType: 'CONNECT_CALL_TRANSFER_CONNECTOR',
        NetworkType: 'DUAL_STACK',
      });
      expect(connector.CreatedTimestamp).toBeInstanceOf(Date);

      const plain = (await voice.send(new CreateVoiceConnectorCommand({ Name: 'Defaults', RequireEncryption: false }))).VoiceConnector!;
      expect(plain).toMatchObject({ AwsRegion: 'us-east-1', RequireEncryption: false });
      expect(plain.IntegrationType).toBeUndefined();
      expect(plain.NetworkType).toBeUndefined();

      expect((await voice.send(new GetVoiceConnectorCommand({ VoiceConnectorId: id }))).VoiceConnector).toEqual(connector);

      const updated = await voice.send(new UpdateVoiceConnectorCommand({ VoiceConnectorId: id, Name: 'Seattle trunk 2', RequireEncryption: false }));
      expect(updated.$metadata.httpStatusCode).toBe(200);
      expect(updated.VoiceConnector).toMatchObject({ VoiceConnectorId: id, Name: 'Seattle trunk 2', RequireEncryption: false, AwsRegion: 'us-west-2' });
      expect((await voice.send(new GetVoiceConnectorCommand({ VoiceConnectorId: id }))).VoiceConnector?.Name).toBe('Seattle trunk 2');

      const deleted = await voice.send(new DeleteVoiceConnectorCommand({ VoiceConnectorId: id }));
      expect(deleted.$metadata.httpStatusCode).toBe(204);
      await expect(voice.send(new GetVoiceConnectorCommand({ VoiceConnectorId: id }))).rejects.toBeInstanceOf(NotFoundException);
      await expect(voice.send(new DeleteVoiceConnectorCommand({ VoiceConnectorId: id }))).rejects.toBeInstanceOf(NotFoundException);
      await expect(
        voice.send(new UpdateVoiceConnectorCommand({ VoiceConnectorId: id, Name: 'x', RequireEncryption: true })),
      ).rejects.toBeInstanceOf(NotFoundException);
      await voice.send(new DeleteVoiceConnectorCommand({ VoiceConnectorId: plain.VoiceConnectorId }));
    });

    it('pages through Voice Connectors with NextToken and the SDK paginator', async () => {
      const other = await server.newOrganization('Paging organization');
      const ids: string[] = [];
      for (let i = 0; i < 5; i += 1) ids.push(await newConnector(other.voice, `c${i}`));
      const seen: string[] = [];
      for await (const page of paginateListVoiceConnectors({ client: other.voice, pageSize: 2 }, {})) {
        expect(page.VoiceConnectors!.length).toBeLessThanOrEqual(2);
        seen.push(...page.VoiceConnectors!.map((c) => c.VoiceConnectorId!));
      }
      expect(seen).toEqual([...ids].sort());
      const first = await other.voice.send(new ListVoiceConnectorsCommand({ MaxResults: 5 }));
      expect(first.NextToken).toBeUndefined();
      await expect(other.voice.send(new ListVoiceConnectorsCommand({ NextToken: 'bogus!' }))).rejects.toBeInstanceOf(BadRequestException);
      await expect(other.voice.send(new ListVoiceConnectorsCommand({ MaxResults: 101 }))).rejects.toBeInstanceOf(BadRequestException);
    });

    it('refuses bad Voice Connector input with BadRequest and creates nothing', async () => {
      const other = await server.newOrganization('Validation organization');
      const bad = [
        { Name: '', RequireEncryption: true },
        { Name: '   ', RequireEncryption: true },
        { Name: 'x'.repeat(257), RequireEncryption: true },
        { Name: 'bad region', RequireEncryption: true, AwsRegion: 'mars-north-1' as VoiceConnectorAwsRegion },
        { Name: 'no encryption flag' } as { Name: string; RequireEncryption: boolean },
        { Name: 'string flag', RequireEncryption: 'yes' as unknown as boolean },
      ];
      for (const input of bad) {
        const error = await failure(other.voice.send(new CreateVoiceConnectorCommand(input)));
        expect(error, JSON.stringify(input).slice(0, 80)).toBeInstanceOf(BadRequestException);
        expect(error.$metadata.httpStatusCode).toBe(400);
      }
      expect((await other.voice.send(new CreateVoiceConnectorCommand({ Name: 'x'.repeat(256), RequireEncryption: true }))).VoiceConnector?.Name).toHaveLength(256);
      expect((await other.voice.send(new ListVoiceConnectorsCommand({}))).VoiceConnectors).toHaveLength(1);

      const id = await newConnector(other.voice, 'kept');
      await expect(other.voice.send(new UpdateVoiceConnectorCommand({ VoiceConnectorId: id, Name: ' ', RequireEncryption: true }))).rejects.toThrow(
        /white space/,
      );
      const missingFlag = other.voice.send(new UpdateVoiceConnectorCommand({ VoiceConnectorId: id, Name: 'renamed' } as never));
      await expect(missingFlag).rejects.toBeInstanceOf(BadRequestException);
      expect((await other.voice.send(new GetVoiceConnectorCommand({ VoiceConnectorId: id }))).VoiceConnector).toMatchObject({ Name: 'kept', RequireEncryption: true });
    });

    it('creates, gets, lists, updates (202) and deletes a Voice Connector group', async () => {
      const a = await newConnector(voice, 'group member a');
      const b = await newConnector(voice, 'group member b');
      const created = await voice.send(
        new CreateVoiceConnectorGroupCommand({
          Name: 'Primary and backup',
          VoiceConnectorItems: [
            { VoiceConnectorId: b, Priority: 2 },
            { VoiceConnectorId: a, Priority: 1 },
          ],
          CallDistributionType: 'PriorityWeightedDistribution',
        }),
      );
      expect(created.$metadata.httpStatusCode).toBe(201);
      const group = created.VoiceConnectorGroup!;
      const id = group.VoiceConnectorGroupId!;
      expect(group).toMatchObject({
        Name: 'Primary and backup',
        VoiceConnectorItems: [
          { VoiceConnectorId: a, Priority: 1 },
          { VoiceConnectorId: b, Priority: 2 },
        ],
        CallDistributionType: 'PriorityWeightedDistribution',
        VoiceConnectorGroupArn: `arn:aws:chime:${TEST_REGION}:${server.admin.organizationId}:vcg/${id}`,
      });
      expect((await voice.send(new GetVoiceConnectorGroupCommand({ VoiceConnectorGroupId: id }))).VoiceConnectorGroup).toEqual(group);

      const updated = await voice.send(
        new UpdateVoiceConnectorGroupCommand({ VoiceConnectorGroupId: id, Name: 'Only b', VoiceConnectorItems: [{ VoiceConnectorId: b, Priority: 99 }] }),
      );
      expect(updated.$metadata.httpStatusCode).toBe(202);
      expect(updated.VoiceConnectorGroup).toMatchObject({
        Name: 'Only b',
        VoiceConnectorItems: [{ VoiceConnectorId: b, Priority: 99 }],
        CallDistributionType: 'PriorityWeightedDistribution',
      });
      // a left the group, so it can be deleted; b is still a member.
      await voice.send(new DeleteVoiceConnectorCommand({ VoiceConnectorId: a }));

      const listed = await voice.send(new ListVoiceConnectorGroupsCommand({}));
      expect(listed.VoiceConnectorGroups?.find((g) => g.VoiceConnectorGroupId === id)?.VoiceConnectorItems).toEqual([{ VoiceConnectorId: b, Priority: 99 }]);

      expect((await voice.send(new DeleteVoiceConnectorGroupCommand({ VoiceConnectorGroupId: id }))).$metadata.httpStatusCode).toBe(204);
      await expect(voice.send(new GetVoiceConnectorGroupCommand({ VoiceConnectorGroupId: id }))).rejects.toBeInstanceOf(NotFoundException);
      // Deleting the group released b.
      await voice.send(new DeleteVoiceConnectorCommand({ VoiceConnectorId: b }));
    });

    it('pages through groups with NextToken', async () => {
      const other = await server.newOrganization('Group paging organization');
      const connector = await newConnector(other.voice);
      const ids: string[] = [];
      for (let i = 0; i < 3; i += 1) ids.push(await newGroup(other.voice, [{ VoiceConnectorId: connector, Priority: i + 1 }], `g${i}`));
      const seen: string[] = [];
      for await (const page of paginateListVoiceConnectorGroups({ client: other.voice, pageSize: 2 }, {})) {
        for (const group of page.VoiceConnectorGroups!) {
          seen.push(group.VoiceConnectorGroupId!);
          expect(group.VoiceConnectorItems).toEqual([{ VoiceConnectorId: connector, Priority: expect.any(Number) }]);
        }
      }
      expect(seen).toEqual([...ids].sort());
    });

    it('refuses bad group input: priorities outside 1-99, a connector twice, unknown or foreign connectors', async () => {
      const other = await server.newOrganization('Group validation organization');
      const mine = await newConnector(other.voice);
      const theirs = await newConnector(voice, 'not theirs');
      const cases: [{ Name: string; VoiceConnectorItems: { VoiceConnectorId: string; Priority: number }[] }, unknown][] = [
        [{ Name: 'p0', VoiceConnectorItems: [{ VoiceConnectorId: mine, Priority: 0 }] }, BadRequestException],
        [{ Name: 'p100', VoiceConnectorItems: [{ VoiceConnectorId: mine, Priority: 100 }] }, BadRequestException],
        [{ Name: 'p1.5', VoiceConnectorItems: [{ VoiceConnectorId: mine, Priority: 1.5 }] }, BadRequestException],
        [
          {
            Name: 'twice',
            VoiceConnectorItems: [
              { VoiceConnectorId: mine, Priority: 1 },
              { VoiceConnectorId: mine, Priority: 2 },
            ],
          },
          BadRequestException,
        ],
        [{ Name: 'unknown', VoiceConnectorItems: [{ VoiceConnectorId: 'abcdefghijklmnopqrstuv', Priority: 1 }] }, NotFoundException],
        [{ Name: 'foreign', VoiceConnectorItems: [{ VoiceConnectorId: theirs, Priority: 1 }] }, NotFoundException],
        [{ Name: '', VoiceConnectorItems: [] }, BadRequestException],
        [{ Name: 'y'.repeat(257), VoiceConnectorItems: [] }, BadRequestException],
      ];
      for (const [input, type] of cases) {
        await expect(other.voice.send(new CreateVoiceConnectorGroupCommand(input)), input.Name).rejects.toBeInstanceOf(type);
      }
      const missingPriority = other.voice.send(new CreateVoiceConnectorGroupCommand({ Name: 'no priority', VoiceConnectorItems: [{ VoiceConnectorId: mine }] }));
      await expect(missingPriority).rejects.toBeInstanceOf(BadRequestException);
      expect((await other.voice.send(new ListVoiceConnectorGroupsCommand({}))).VoiceConnectorGroups).toEqual([]);

      const group = await newGroup(other.voice, [{ VoiceConnectorId: mine, Priority: 1 }]);
      const badUpdate = other.voice.send(
        new UpdateVoiceConnectorGroupCommand({ VoiceConnectorGroupId: group, Name: 'g', VoiceConnectorItems: [{ VoiceConnectorId: theirs, Priority: 1 }] }),
      );
      await expect(badUpdate).rejects.toBeInstanceOf(NotFoundException);
      const missingItems = other.voice.send(new UpdateVoiceConnectorGroupCommand({ VoiceConnectorGroupId: group, Name: 'g' } as never));
      await expect(missingItems).rejects.toBeInstanceOf(BadRequestException);
      expect((await other.voice.send(new GetVoiceConnectorGroupCommand({ VoiceConnectorGroupId: group }))).VoiceConnectorGroup).toMatchObject({
        Name: 'group',
        VoiceConnectorItems: [{ VoiceConnectorId: mine, Priority: 1 }],
      });
    });

    it('treats another organization’s connectors and groups exactly like missing ones', async () => {
      const other = await server.newOrganization('Tenancy organization');
      const connector = await newConnector(voice, 'admin connector');
      const group = await newGroup(voice, [], 'admin group');
      const [number] = usNumbers(1, 700);
      await importNumbers(server, [number!], 'VoiceConnector', other);

      const calls = [
        () => other.voice.send(new GetVoiceConnectorCommand({ VoiceConnectorId: connector })),
        () => other.voice.send(new UpdateVoiceConnectorCommand({ VoiceConnectorId: connector, Name: 'stolen', RequireEncryption: true })),
        () => other.voice.send(new DeleteVoiceConnectorCommand({ VoiceConnectorId: connector })),
        () => other.voice.send(new AssociatePhoneNumbersWithVoiceConnectorCommand({ VoiceConnectorId: connector, E164PhoneNumbers: [number!] })),
        () => other.voice.send(new DisassociatePhoneNumbersFromVoiceConnectorCommand({ VoiceConnectorId: connector, E164PhoneNumbers: [number!] })),
        () => other.voice.send(new GetVoiceConnectorGroupCommand({ VoiceConnectorGroupId: group })),
        () => other.voice.send(new UpdateVoiceConnectorGroupCommand({ VoiceConnectorGroupId: group, Name: 'stolen', VoiceConnectorItems: [] })),
        () => other.voice.send(new DeleteVoiceConnectorGroupCommand({ VoiceConnectorGroupId: group })),
        () => other.voice.send(new AssociatePhoneNumbersWithVoiceConnectorGroupCommand({ VoiceConnectorGroupId: group, E164PhoneNumbers: [number!] })),
      ];
      for (const call of calls) await expect(call()).rejects.toBeInstanceOf(NotFoundException);
      expect((await other.voice.send(new ListVoiceConnectorsCommand({}))).VoiceConnectors).toEqual([]);
      expect((await voice.send(new GetVoiceConnectorCommand({ VoiceConnectorId: connector }))).VoiceConnector?.Name).toBe('admin connector');
      expect((await voice.send(new GetVoiceConnectorGroupCommand({ VoiceConnectorGroupId: group }))).VoiceConnectorGroup?.Name).toBe('admin group');
      expect(await associationsOf(other.voice, number!)).toEqual({ status: 'Unassigned', associations: [] });

      // A number of another organization is "not found" to the connector's owner, per number.
      const result = await voice.send(new AssociatePhoneNumbersWithVoiceConnectorCommand({ VoiceConnectorId: connector, E164PhoneNumbers: [number!] }));
      expect(result.PhoneNumberErrors).toEqual([{ PhoneNumberId: number, ErrorCode: 'NotFound', ErrorMessage: expect.stringContaining('not found') }]);
    });

    it('associates numbers with a connector, with per-number errors, and disassociates them', async () => {
      const connector = await newConnector(voice, 'associations');
      const numbers = usNumbers(3, 1000);
      const [sma] = usNumbers(1, 1010);
      await importNumbers(server, numbers, 'VoiceConnector');
      await importNumbers(server, [sma!], 'SipMediaApplicationDialIn');

      const result = await voice.send(
        new AssociatePhoneNumbersWithVoiceConnectorCommand({ VoiceConnectorId: connector, E164PhoneNumbers: [numbers[0]!, '+12065550000', numbers[1]!, sma!, numbers[2]!] }),
      );
      expect(result.$metadata.httpStatusCode).toBe(200);
      expect(result.PhoneNumberErrors).toEqual([
        { PhoneNumberId: '+12065550000', ErrorCode: 'NotFound', ErrorMessage: expect.stringContaining('not found') },
        { PhoneNumberId: sma, ErrorCode: 'BadRequest', ErrorMessage: expect.stringMatching(/SIP Media Application Dial-In.*Voice Connector/) },
      ]);
      for (const number of numbers) {
        expect(await associationsOf(voice, number)).toEqual({ status: 'Assigned', associations: [{ Name: 'VoiceConnectorId', Value: connector }] });
      }
      expect(await associationsOf(voice, sma!)).toEqual({ status: 'Unassigned', associations: [] });
      const { PhoneNumber } = await voice.send(new GetPhoneNumberCommand({ PhoneNumberId: numbers[0] }));
      expect(PhoneNumber?.Associations?.[0]?.AssociatedTimestamp).toBeInstanceOf(Date);

      // Associating again is a no-op, not an error.
      const again = await voice.send(new AssociatePhoneNumbersWithVoiceConnectorCommand({ VoiceConnectorId: connector, E164PhoneNumbers: [numbers[0]!] }));
      expect(again.PhoneNumberErrors).toEqual([]);

      const released = await voice.send(
        new DisassociatePhoneNumbersFromVoiceConnectorCommand({ VoiceConnectorId: connector, E164PhoneNumbers: [numbers[0]!, numbers[1]!, sma!, '+12065550000'] }),
      );
      expect(released.PhoneNumberErrors).toEqual([
        { PhoneNumberId: sma, ErrorCode: 'BadRequest', ErrorMessage: expect.stringContaining('not associated') },
        { PhoneNumberId: '+12065550000', ErrorCode: 'NotFound', ErrorMessage: expect.any(String) },
      ]);
      expect(await associationsOf(voice, numbers[0]!)).toEqual({ status: 'Unassigned', associations: [] });
      expect(await associationsOf(voice, numbers[1]!)).toEqual({ status: 'Unassigned', associations: [] });
      expect((await associationsOf(voice, numbers[2]!)).status).toBe('Assigned');

      // Every change is in the number's history, made by the caller's key.
      const history = await signedFetch<{ Events: { Actor: string; Operation: string }[] }>(
        { endpoint: server.url, region: TEST_REGION, credentials: server.admin.credentials },
        'GET',
        `/phone-numbers/${encodeURIComponent(numbers[0]!)}/history`,
      );
      expect(history.body.Events.map((e) => e.Operation)).toEqual(
        expect.arrayContaining(['AssociatePhoneNumbersWithVoiceConnector', 'DisassociatePhoneNumbersFromVoiceConnector']),
      );
      expect(history.body.Events.filter((e) => e.Operation.includes('VoiceConnector')).every((e) => e.Actor === server.admin.credentials.accessKeyId)).toBe(true);

      await voice.send(new DisassociatePhoneNumbersFromVoiceConnectorCommand({ VoiceConnectorId: connector, E164PhoneNumbers: [numbers[2]!] }));
      await voice.send(new DeleteVoiceConnectorCommand({ VoiceConnectorId: connector }));
    });

    it('refuses a whole call for an unknown target, duplicates, bad numbers or too many numbers, changing nothing', async () => {
      const connector = await newConnector(voice, 'whole-call errors');
      const group = await newGroup(voice);
      const numbers = usNumbers(2, 1100);
      await importNumbers(server, numbers, 'VoiceConnector');

      await expect(
        voice.send(new AssociatePhoneNumbersWithVoiceConnectorCommand({ VoiceConnectorId: 'abcdefghijklmnopqrstuv', E164PhoneNumbers: numbers })),
      ).rejects.toBeInstanceOf(NotFoundException);
      await expect(
        voice.send(new AssociatePhoneNumbersWithVoiceConnectorGroupCommand({ VoiceConnectorGroupId: 'no-such-group', E164PhoneNumbers: numbers })),
      ).rejects.toBeInstanceOf(NotFoundException);
      await expect(
        voice.send(new DisassociatePhoneNumbersFromVoiceConnectorGroupCommand({ VoiceConnectorGroupId: 'no-such-group', E164PhoneNumbers: numbers })),
      ).rejects.toBeInstanceOf(NotFoundException);
      const duplicate = await failure(
        voice.send(new AssociatePhoneNumbersWithVoiceConnectorCommand({ VoiceConnectorId: connector, E164PhoneNumbers: [numbers[0]!, numbers[1]!, numbers[0]!] })),
      );
      expect(duplicate).toBeInstanceOf(BadRequestException);
      expect(duplicate.message).toMatch(/more than once/);
      const inputs = [[], ['2065551100'], ['+1 206 555 1100'], Array.from({ length: 1001 }, (_, i) => `+1206556${String(i).padStart(4, '0')}`)];
      for (const E164PhoneNumbers of inputs) {
        await expect(voice.send(new AssociatePhoneNumbersWithVoiceConnectorCommand({ VoiceConnectorId: connector, E164PhoneNumbers }))).rejects.toBeInstanceOf(
          BadRequestException,
        );
      }
      await expect(voice.send(new AssociatePhoneNumbersWithVoiceConnectorCommand({ VoiceConnectorId: connector } as never))).rejects.toBeInstanceOf(
        BadRequestException,
      );
      for (const number of numbers) expect(await associationsOf(voice, number)).toEqual({ status: 'Unassigned', associations: [] });
    });

    it('moves numbers between a connector and a group only with ForceAssociate, in one step', async () => {
      const connector = await newConnector(voice, 'force source');
      const group = await newGroup(voice, [{ VoiceConnectorId: connector, Priority: 1 }], 'force target');
      const numbers = usNumbers(3, 1200);
      await importNumbers(server, numbers, 'VoiceConnector');
      await voice.send(new AssociatePhoneNumbersWithVoiceConnectorCommand({ VoiceConnectorId: connector, E164PhoneNumbers: numbers }));

      const refused = await voice.send(new AssociatePhoneNumbersWithVoiceConnectorGroupCommand({ VoiceConnectorGroupId: group, E164PhoneNumbers: numbers }));
      expect(refused.PhoneNumberErrors).toEqual(
        numbers.map((PhoneNumberId) => ({ PhoneNumberId, ErrorCode: 'PhoneNumberAssociationsExist', ErrorMessage: expect.stringContaining('ForceAssociate') })),
      );
      for (const number of numbers) expect((await associationsOf(voice, number)).associations).toEqual([{ Name: 'VoiceConnectorId', Value: connector }]);

      const moved = await voice.send(
        new AssociatePhoneNumbersWithVoiceConnectorGroupCommand({ VoiceConnectorGroupId: group, E164PhoneNumbers: numbers.slice(0, 2), ForceAssociate: true }),
      );
      expect(moved.PhoneNumberErrors).toEqual([]);
      for (const number of numbers.slice(0, 2)) {
        expect(await associationsOf(voice, number)).toEqual({ status: 'Assigned', associations: [{ Name: 'VoiceConnectorGroupId', Value: group }] });
      }

      // The filters of ListPhoneNumbers see each number on exactly one target.
      const onGroup = await voice.send(new ListPhoneNumbersCommand({ FilterName: 'VoiceConnectorGroupId', FilterValue: group }));
      expect(onGroup.PhoneNumbers?.map((p) => p.E164PhoneNumber)).toEqual(numbers.slice(0, 2));
      const onConnector = await voice.send(new ListPhoneNumbersCommand({ FilterName: 'VoiceConnectorId', FilterValue: connector }));
      expect(onConnector.PhoneNumbers?.map((p) => p.E164PhoneNumber)).toEqual([numbers[2]]);

      // And back again, from the group to the connector.
      const back = await voice.send(
        new AssociatePhoneNumbersWithVoiceConnectorCommand({ VoiceConnectorId: connector, E164PhoneNumbers: [numbers[0]!], ForceAssociate: true }),
      );
      expect(back.PhoneNumberErrors).toEqual([]);
      expect((await associationsOf(voice, numbers[0]!)).associations).toEqual([{ Name: 'VoiceConnectorId', Value: connector }]);

      // Disassociating from the group only touches numbers that are on it.
      const released = await voice.send(
        new DisassociatePhoneNumbersFromVoiceConnectorGroupCommand({ VoiceConnectorGroupId: group, E164PhoneNumbers: [numbers[0]!, numbers[1]!] }),
      );
      expect(released.PhoneNumberErrors).toEqual([{ PhoneNumberId: numbers[0], ErrorCode: 'BadRequest', ErrorMessage: expect.stringContaining('not associated') }]);
      expect(await associationsOf(voice, numbers[1]!)).toEqual({ status: 'Unassigned', associations: [] });
      expect((await associationsOf(voice, numbers[0]!)).associations).toEqual([{ Name: 'VoiceConnectorId', Value: connector }]);
    });

    it('never moves a number held by a SIP rule, even with ForceAssociate', async () => {
      const connector = await newConnector(voice, 'not for SIP numbers');
      const [number] = usNumbers(1, 1300);
      await importNumbers(server, [number!], 'SipMediaApplicationDialIn');
      const { SipMediaApplication } = await voice.send(
        new CreateSipMediaApplicationCommand({ AwsRegion: 'us-east-1', Name: 'ivr', Endpoints: [{ LambdaArn: 'arn:aws:lambda:us-east-1:123456789012:function:ivr' }] }),
      );
      const { SipRule } = await voice.send(
        new CreateSipRuleCommand({
          Name: 'dial-in',
          TriggerType: 'ToPhoneNumber',
          TriggerValue: number,
          TargetApplications: [{ SipMediaApplicationId: SipMediaApplication!.SipMediaApplicationId, Priority: 1, AwsRegion: 'us-east-1' }],
        }),
      );
      const before = await associationsOf(voice, number!);
      expect(before).toEqual({ status: 'Assigned', associations: [{ Name: 'SipRuleId', Value: SipRule!.SipRuleId }] });

      const result = await voice.send(
        new AssociatePhoneNumbersWithVoiceConnectorCommand({ VoiceConnectorId: connector, E164PhoneNumbers: [number!], ForceAssociate: true }),
      );
      expect(result.PhoneNumberErrors).toEqual([{ PhoneNumberId: number, ErrorCode: 'BadRequest', ErrorMessage: expect.stringContaining('product type') }]);
      expect(await associationsOf(voice, number!)).toEqual(before);
    });

    it('refuses to delete a connector or group while numbers or groups use it', async () => {
      const connector = await newConnector(voice, 'in use');
      const group = await newGroup(voice, [], 'in use group');
      const [onConnector, onGroup] = usNumbers(2, 1400);
      await importNumbers(server, [onConnector!, onGroup!], 'VoiceConnector');
      await voice.send(new AssociatePhoneNumbersWithVoiceConnectorCommand({ VoiceConnectorId: connector, E164PhoneNumbers: [onConnector!] }));
      await voice.send(new AssociatePhoneNumbersWithVoiceConnectorGroupCommand({ VoiceConnectorGroupId: group, E164PhoneNumbers: [onGroup!] }));

      const connectorInUse = await failure(voice.send(new DeleteVoiceConnectorCommand({ VoiceConnectorId: connector })));
      expect(connectorInUse).toBeInstanceOf(ConflictException);
      expect(connectorInUse.Code).toBe('PhoneNumberAssociationsExist');
      const groupInUse = await failure(voice.send(new DeleteVoiceConnectorGroupCommand({ VoiceConnectorGroupId: group })));
      expect(groupInUse).toBeInstanceOf(ConflictException);
      expect(groupInUse.Code).toBe('PhoneNumberAssociationsExist');

      await voice.send(new DisassociatePhoneNumbersFromVoiceConnectorCommand({ VoiceConnectorId: connector, E164PhoneNumbers: [onConnector!] }));
      await voice.send(new UpdateVoiceConnectorGroupCommand({ VoiceConnectorGroupId: group, Name: 'in use group', VoiceConnectorItems: [{ VoiceConnectorId: connector, Priority: 1 }] }));
      const member = await failure(voice.send(new DeleteVoiceConnectorCommand({ VoiceConnectorId: connector })));
      expect(member).toBeInstanceOf(ConflictException);
      expect(member.Code).toBe('VoiceConnectorGroupAssociationsExist');
      expect(member.message).toContain(group);
      expect((await voice.send(new GetVoiceConnectorCommand({ VoiceConnectorId: connector }))).VoiceConnector?.Name).toBe('in use');

      await voice.send(new DisassociatePhoneNumbersFromVoiceConnectorGroupCommand({ VoiceConnectorGroupId: group, E164PhoneNumbers: [onGroup!] }));
      await voice.send(new DeleteVoiceConnectorGroupCommand({ VoiceConnectorGroupId: group }));
      await voice.send(new DeleteVoiceConnectorCommand({ VoiceConnectorId: connector }));
      expect(await associationsOf(voice, onGroup!)).toEqual({ status: 'Unassigned', associations: [] });
    });

    it('associates 1,000 numbers in one call and lists them by connector', async () => {
      const connector = await newConnector(voice, 'a thousand');
      const numbers = usNumbers(1000, 5000);
      await importNumbers(server, numbers, 'VoiceConnector');
      const result = await voice.send(new AssociatePhoneNumbersWithVoiceConnectorCommand({ VoiceConnectorId: connector, E164PhoneNumbers: numbers }));
      expect(result.PhoneNumberErrors).toEqual([]);
      const listed: string[] = [];
      for await (const page of paginateListPhoneNumbers({ client: voice, pageSize: 100 }, { FilterName: 'VoiceConnectorId', FilterValue: connector })) {
        for (const number of page.PhoneNumbers!) {
          expect(number.Status).toBe('Assigned');
          listed.push(number.E164PhoneNumber!);
        }
      }
      expect(listed).toEqual(numbers);
      const assigned = await voice.send(new ListPhoneNumbersCommand({ FilterName: 'VoiceConnectorId', FilterValue: connector, Status: 'Assigned', MaxResults: 1 }));
      expect(assigned.PhoneNumbers).toHaveLength(1);
      expect(assigned.NextToken).toBeDefined();
    });

    it('gives each number exactly one target when two ForceAssociate calls race', async () => {
      const connector = await newConnector(voice, 'race a');
      const group = await newGroup(voice, [], 'race b');
      const numbers = usNumbers(200, 2000);
      await importNumbers(server, numbers, 'VoiceConnector');
      const [toConnector, toGroup] = await Promise.all([
        voice.send(new AssociatePhoneNumbersWithVoiceConnectorCommand({ VoiceConnectorId: connector, E164PhoneNumbers: numbers, ForceAssociate: true })),
        voice.send(new AssociatePhoneNumbersWithVoiceConnectorGroupCommand({ VoiceConnectorGroupId: group, E164PhoneNumbers: [...numbers].reverse(), ForceAssociate: true })),
      ]);
      for (const error of [...toConnector.PhoneNumberErrors!, ...toGroup.PhoneNumberErrors!]) expect(error.ErrorCode).toBe('Conflict');

      const onConnector = new Set<string>();
      for await (const page of paginateListPhoneNumbers({ client: voice }, { FilterName: 'VoiceConnectorId', FilterValue: connector })) {
        for (const number of page.PhoneNumbers!) onConnector.add(number.E164PhoneNumber!);
      }
      const onGroup = new Set<string>();
      for await (const page of paginateListPhoneNumbers({ client: voice }, { FilterName: 'VoiceConnectorGroupId', FilterValue: group })) {
        for (const number of page.PhoneNumbers!) onGroup.add(number.E164PhoneNumber!);
      }
      for (const number of numbers) expect(Number(onConnector.has(number)) + Number(onGroup.has(number)), number).toBe(1);
    });
  });
}
