import {
  BadRequestException,
  ConflictException,
  CreateSipMediaApplicationCommand,
  CreateSipRuleCommand,
  DeleteSipMediaApplicationCommand,
  DeleteSipRuleCommand,
  GetPhoneNumberCommand,
  GetSipMediaApplicationCommand,
  GetSipRuleCommand,
  ListPhoneNumbersCommand,
  ListSipRulesCommand,
  NotFoundException,
  UpdateSipMediaApplicationCommand,
  UpdateSipRuleCommand,
  paginateListSipMediaApplications,
  paginateListSipRules,
  type ChimeSDKVoiceClient,
  type SipRuleTargetApplication,
} from '@aws-sdk/client-chime-sdk-voice';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DIALECTS } from '../support/dialects';
import { importNumbers, usNumbers } from '../support/inventory';
import { startTestServer, type TestServer } from '../support/test-server';

const lambdaArn = (name: string, region = 'us-east-1') => `arn:aws:lambda:${region}:123456789012:function:${name}`;

async function createApplication(client: ChimeSDKVoiceClient, name: string, region = 'us-east-1'): Promise<string> {
  const { SipMediaApplication } = await client.send(
    new CreateSipMediaApplicationCommand({ AwsRegion: region, Name: name, Endpoints: [{ LambdaArn: lambdaArn(name, region) }] }),
  );
  return SipMediaApplication!.SipMediaApplicationId!;
}

const target = (SipMediaApplicationId: string, Priority = 1): SipRuleTargetApplication => ({ SipMediaApplicationId, Priority, AwsRegion: 'us-east-1' });

async function rejection(promise: Promise<unknown>): Promise<Error> {
  const error = await promise.then(
    () => undefined,
    (e: unknown) => e,
  );
  if (!(error instanceof Error)) throw new Error('expected the call to fail');
  return error;
}

for (const dialect of DIALECTS) {
  describe(`SIP media applications and SIP rules through ChimeSDKVoiceClient [${dialect}]`, () => {
    let server: TestServer;
    let voice: ChimeSDKVoiceClient;

    beforeAll(async () => {
      server = await startTestServer(dialect);
      voice = server.admin.voice;
    });
    afterAll(async () => server?.close());

    it('creates, gets, pages, updates and deletes SIP media applications', async () => {
      const created = await voice.send(
        new CreateSipMediaApplicationCommand({
          AwsRegion: 'us-east-1',
          Name: 'ivr',
          Endpoints: [{ LambdaArn: lambdaArn('ivr') }],
          Tags: [{ Key: 'env', Value: 'prod' }],
        }),
      );
      expect(created.$metadata.httpStatusCode).toBe(201);
      const id = created.SipMediaApplication!.SipMediaApplicationId!;
      expect(created.SipMediaApplication).toMatchObject({
        AwsRegion: 'us-east-1',
        Name: 'ivr',
        Endpoints: [{ LambdaArn: lambdaArn('ivr') }],
        SipMediaApplicationArn: `arn:aws:chime:us-east-1:${server.admin.organizationId}:sma/${id}`,
      });
      expect(created.SipMediaApplication!.CreatedTimestamp).toBeInstanceOf(Date);

      const others = [await createApplication(voice, 'a'), await createApplication(voice, 'b'), await createApplication(voice, 'c')];
      const seen: string[] = [];
      for await (const page of paginateListSipMediaApplications({ client: voice, pageSize: 2 }, {})) {
        expect(page.SipMediaApplications!.length).toBeLessThanOrEqual(2);
        seen.push(...page.SipMediaApplications!.map((a) => a.SipMediaApplicationId!));
      }
      expect(new Set(seen).size).toBe(seen.length);
      expect(seen.filter((seenId) => [id, ...others].includes(seenId))).toEqual([id, ...others]);

      const renamed = await voice.send(new UpdateSipMediaApplicationCommand({ SipMediaApplicationId: id, Name: 'ivr-2' }));
      expect(renamed.$metadata.httpStatusCode).toBe(200);
      expect(renamed.SipMediaApplication).toMatchObject({ Name: 'ivr-2', Endpoints: [{ LambdaArn: lambdaArn('ivr') }] });
      await voice.send(new UpdateSipMediaApplicationCommand({ SipMediaApplicationId: id, Endpoints: [{ LambdaArn: lambdaArn('ivr-v2') }] }));
      const read = await voice.send(new GetSipMediaApplicationCommand({ SipMediaApplicationId: id }));
      expect(read.SipMediaApplication).toMatchObject({ Name: 'ivr-2', Endpoints: [{ LambdaArn: lambdaArn('ivr-v2') }] });

      const deleted = await voice.send(new DeleteSipMediaApplicationCommand({ SipMediaApplicationId: id }));
      expect(deleted.$metadata.httpStatusCode).toBe(204);
      await expect(voice.send(new GetSipMediaApplicationCommand({ SipMediaApplicationId: id }))).rejects.toBeInstanceOf(NotFoundException);
      await expect(voice.send(new DeleteSipMediaApplicationCommand({ SipMediaApplicationId: id }))).rejects.toBeInstanceOf(NotFoundException);
    });

    it('refuses malformed SIP media applications with BadRequest and creates nothing', async () => {
      const before = await countApplications(voice);
      const base = { AwsRegion: 'us-east-1', Name: 'x', Endpoints: [{ LambdaArn: lambdaArn('x') }] };
      const bad = [
        { ...base, Name: '' },
        { ...base, Name: '   ' },
        { ...base, Name: 'n'.repeat(257) },
        { ...base, Endpoints: [] },
        { ...base, Endpoints: [{ LambdaArn: lambdaArn('x') }, { LambdaArn: lambdaArn('y') }] },
        { ...base, Endpoints: [{ LambdaArn: 'arn:aws:lambda:us-east-1:1234:function:x' }] },
        { ...base, Endpoints: [{ LambdaArn: 'arn:aws:s3:::bucket' }] },
        { ...base, AwsRegion: 'not a region' },
      ];
      for (const input of bad) {
        await expect(voice.send(new CreateSipMediaApplicationCommand(input)), JSON.stringify(input)).rejects.toBeInstanceOf(BadRequestException);
      }
      const otherRegion = await rejection(voice.send(new CreateSipMediaApplicationCommand({ ...base, Endpoints: [{ LambdaArn: lambdaArn('x', 'us-west-2') }] })));
      expect(otherRegion).toBeInstanceOf(BadRequestException);
      expect(otherRegion.message).toMatch(/us-west-2.*us-east-1/);
      expect(await countApplications(voice)).toBe(before);

      const id = await createApplication(voice, 'keep');
      await expect(voice.send(new UpdateSipMediaApplicationCommand({ SipMediaApplicationId: id, Name: '' }))).rejects.toBeInstanceOf(BadRequestException);
      await expect(
        voice.send(new UpdateSipMediaApplicationCommand({ SipMediaApplicationId: id, Endpoints: [{ LambdaArn: lambdaArn('x', 'eu-west-1') }] })),
      ).rejects.toBeInstanceOf(BadRequestException);
      expect((await voice.send(new GetSipMediaApplicationCommand({ SipMediaApplicationId: id }))).SipMediaApplication).toMatchObject({
        Name: 'keep',
        Endpoints: [{ LambdaArn: lambdaArn('keep') }],
      });
    });

    it('creating a ToPhoneNumber rule assigns the number; deleting it after disabling gives the number back', async () => {
      const [number] = usNumbers(1, 1000);
      await importNumbers(server, [number!], 'SipMediaApplicationDialIn');
      const first = await createApplication(voice, 'first');
      const second = await createApplication(voice, 'second');

      const created = await voice.send(
        new CreateSipRuleCommand({
          Name: 'main line',
          TriggerType: 'ToPhoneNumber',
          TriggerValue: number,
          TargetApplications: [target(second, 2), target(first, 1)],
        }),
      );
      expect(created.$metadata.httpStatusCode).toBe(201);
      const rule = created.SipRule!;
      expect(rule).toMatchObject({
        Name: 'main line',
        Disabled: false,
        TriggerType: 'ToPhoneNumber',
        TriggerValue: number,
        TargetApplications: [target(first, 1), target(second, 2)],
      });

      const assigned = (await voice.send(new GetPhoneNumberCommand({ PhoneNumberId: number }))).PhoneNumber!;
      expect(assigned.Status).toBe('Assigned');
      expect(assigned.Associations).toEqual([{ Name: 'SipRuleId', Value: rule.SipRuleId, AssociatedTimestamp: expect.any(Date) }]);
      const byRule = await voice.send(new ListPhoneNumbersCommand({ FilterName: 'SipRuleId', FilterValue: rule.SipRuleId }));
      expect(byRule.PhoneNumbers?.map((p) => p.E164PhoneNumber)).toEqual([number]);

      const refused = await rejection(voice.send(new DeleteSipRuleCommand({ SipRuleId: rule.SipRuleId })));
      expect(refused).toBeInstanceOf(ConflictException);
      expect(refused.message).toMatch(/disable/i);
      expect((await voice.send(new GetPhoneNumberCommand({ PhoneNumberId: number }))).PhoneNumber?.Status).toBe('Assigned');

      const disabled = await voice.send(new UpdateSipRuleCommand({ SipRuleId: rule.SipRuleId, Name: 'main line', Disabled: true }));
      expect(disabled.$metadata.httpStatusCode).toBe(202);
      expect(disabled.SipRule).toMatchObject({ Disabled: true, TargetApplications: [target(first, 1), target(second, 2)] });

      const deleted = await voice.send(new DeleteSipRuleCommand({ SipRuleId: rule.SipRuleId }));
      expect(deleted.$metadata.httpStatusCode).toBe(204);
      const released = (await voice.send(new GetPhoneNumberCommand({ PhoneNumberId: number }))).PhoneNumber!;
      expect(released).toMatchObject({ Status: 'Unassigned', Associations: [] });
      await expect(voice.send(new GetSipRuleCommand({ SipRuleId: rule.SipRuleId }))).rejects.toBeInstanceOf(NotFoundException);
      await expect(voice.send(new DeleteSipRuleCommand({ SipRuleId: rule.SipRuleId }))).rejects.toBeInstanceOf(NotFoundException);

      // The number is free again: a new rule can take it.
      const again = await voice.send(
        new CreateSipRuleCommand({ Name: 'again', TriggerType: 'ToPhoneNumber', TriggerValue: number, TargetApplications: [target(first)], Disabled: true }),
      );
      expect(again.SipRule?.Disabled).toBe(true);
      expect((await voice.send(new GetPhoneNumberCommand({ PhoneNumberId: number }))).PhoneNumber?.Associations?.[0]?.Value).toBe(again.SipRule?.SipRuleId);
    });

    it('updates name, switch and targets but never the trigger', async () => {
      const [number] = usNumbers(1, 1100);
      await importNumbers(server, [number!], 'SipMediaApplicationDialIn');
      const a = await createApplication(voice, 'upd-a');
      const b = await createApplication(voice, 'upd-b');
      const { SipRule: rule } = await voice.send(
        new CreateSipRuleCommand({ Name: 'r', TriggerType: 'ToPhoneNumber', TriggerValue: number, TargetApplications: [target(a)] }),
      );
      const updated = await voice.send(
        new UpdateSipRuleCommand({ SipRuleId: rule!.SipRuleId, Name: 'renamed', TargetApplications: [target(b, 1), target(a, 5)] }),
      );
      expect(updated.SipRule).toMatchObject({
        Name: 'renamed',
        Disabled: false,
        TriggerType: 'ToPhoneNumber',
        TriggerValue: number,
        TargetApplications: [target(b, 1), target(a, 5)],
      });
      const kept = await voice.send(new UpdateSipRuleCommand({ SipRuleId: rule!.SipRuleId, Name: 'renamed again' }));
      expect(kept.SipRule?.TargetApplications).toEqual([target(b, 1), target(a, 5)]);

      for (const bad of [
        { Name: '' },
        { Name: 'x', TargetApplications: [] },
        { Name: 'x', TargetApplications: [target(a, 1), target(b, 1)] },
        { Name: 'x', TargetApplications: [{ ...target(a), AwsRegion: 'us-west-2' }] },
      ]) {
        await expect(voice.send(new UpdateSipRuleCommand({ SipRuleId: rule!.SipRuleId, ...bad })), JSON.stringify(bad)).rejects.toBeInstanceOf(
          BadRequestException,
        );
      }
      await expect(
        voice.send(new UpdateSipRuleCommand({ SipRuleId: rule!.SipRuleId, Name: 'x', TargetApplications: [target('no-such-application')] })),
      ).rejects.toBeInstanceOf(NotFoundException);
      await expect(voice.send(new UpdateSipRuleCommand({ SipRuleId: 'no-such-rule', Name: 'x' }))).rejects.toBeInstanceOf(NotFoundException);
      const read = await voice.send(new GetSipRuleCommand({ SipRuleId: rule!.SipRuleId }));
      expect(read.SipRule).toMatchObject({ Name: 'renamed again', TargetApplications: [target(b, 1), target(a, 5)] });
    });

    it('refuses bad rules with typed errors, naming the problem, and changes nothing', async () => {
      const [free, voiceConnectorNumber, taken] = usNumbers(3, 1200);
      await importNumbers(server, [free!, taken!], 'SipMediaApplicationDialIn');
      await importNumbers(server, [voiceConnectorNumber!], 'VoiceConnector');
      const app = await createApplication(voice, 'errors');
      await voice.send(new CreateSipRuleCommand({ Name: 'holder', TriggerType: 'ToPhoneNumber', TriggerValue: taken, TargetApplications: [target(app)] }));
      const other = await server.newOrganization('Errors elsewhere');
      const theirs = await createApplication(other.voice, 'theirs');
      const rulesBefore = await countRules(voice);

      const base = { Name: 'bad', TriggerType: 'ToPhoneNumber' as const, TriggerValue: free, TargetApplications: [target(app)] };
      const cases: [string, Record<string, unknown>, new (...args: never[]) => Error, RegExp?][] = [
        ['empty name', { Name: '' }, BadRequestException],
        ['blank name', { Name: '  ' }, BadRequestException],
        ['too-long name', { Name: 'n'.repeat(257) }, BadRequestException],
        ['no targets', { TargetApplications: [] }, BadRequestException],
        ['26 targets', { TargetApplications: Array.from({ length: 26 }, (_, i) => target(app, i + 1)) }, BadRequestException],
        ['duplicate priorities', { TargetApplications: [target(app, 1), target(app, 1)] }, BadRequestException, /unique/],
        ['priority zero', { TargetApplications: [target(app, 0)] }, BadRequestException],
        ['unknown application', { TargetApplications: [target('no-such-application')] }, NotFoundException],
        ['another organization’s application', { TargetApplications: [target(theirs)] }, NotFoundException],
        ['wrong region', { TargetApplications: [{ ...target(app), AwsRegion: 'us-west-2' }] }, BadRequestException, /us-west-2/],
        ['malformed E.164', { TriggerValue: '2065551200' }, BadRequestException, /E\.164/],
        ['short US number', { TriggerValue: '+1206555120' }, BadRequestException],
        ['number not in the inventory', { TriggerValue: '+12065559876' }, NotFoundException],
        ['wrong product type', { TriggerValue: voiceConnectorNumber }, BadRequestException, /Voice Connector.*SIP Media Application Dial-In/],
        ['already assigned number', { TriggerValue: taken }, ConflictException, /already assigned/],
        ['bad trigger type', { TriggerType: 'FromPhoneNumber' }, BadRequestException],
        ['IP address as host name', { TriggerType: 'RequestUriHostname', TriggerValue: '10.0.0.1' }, BadRequestException],
        ['host name with a space', { TriggerType: 'RequestUriHostname', TriggerValue: 'bad host.example.com' }, BadRequestException],
      ];
      for (const [label, change, type, message] of cases) {
        const error = await rejection(voice.send(new CreateSipRuleCommand({ ...base, ...change } as never)));
        expect(error, label).toBeInstanceOf(type);
        if (message) expect(error.message, label).toMatch(message);
      }
      expect(await countRules(voice)).toBe(rulesBefore);
      expect((await voice.send(new GetPhoneNumberCommand({ PhoneNumberId: free }))).PhoneNumber).toMatchObject({ Status: 'Unassigned', Associations: [] });
    });

    it('keeps one rule per trigger in an organization', async () => {
      const app = await createApplication(voice, 'hosts');
      const host = 'abcdef1ghij2klmno3pqr4.voiceconnector.chime.aws';
      const created = await voice.send(
        new CreateSipRuleCommand({ Name: 'host', TriggerType: 'RequestUriHostname', TriggerValue: host.toUpperCase(), TargetApplications: [target(app)] }),
      );
      expect(created.SipRule?.TriggerValue).toBe(host);
      const duplicate = await rejection(
        voice.send(new CreateSipRuleCommand({ Name: 'host 2', TriggerType: 'RequestUriHostname', TriggerValue: host, TargetApplications: [target(app)] })),
      );
      expect(duplicate).toBeInstanceOf(ConflictException);
      expect(duplicate.message).toMatch(/trigger already exists/);

      // Another organization may use the same host name for its own rule.
      const other = await server.newOrganization('Hosts elsewhere');
      const theirApp = await createApplication(other.voice, 'their-host');
      const theirs = await other.voice.send(
        new CreateSipRuleCommand({ Name: 'host', TriggerType: 'RequestUriHostname', TriggerValue: host, TargetApplications: [target(theirApp)] }),
      );
      expect(theirs.SipRule?.SipRuleId).not.toBe(created.SipRule?.SipRuleId);
    });

    it('lets exactly one of two racing rule creations take a number', async () => {
      const [number] = usNumbers(1, 1300);
      await importNumbers(server, [number!], 'SipMediaApplicationDialIn');
      const app = await createApplication(voice, 'race');
      const attempt = (name: string) =>
        voice.send(new CreateSipRuleCommand({ Name: name, TriggerType: 'ToPhoneNumber', TriggerValue: number, TargetApplications: [target(app)] }));
      const results = await Promise.allSettled([attempt('one'), attempt('two'), attempt('three')]);
      const won = results.filter((r) => r.status === 'fulfilled');
      const lost = results.filter((r): r is PromiseRejectedResult => r.status === 'rejected');
      expect(won).toHaveLength(1);
      for (const loss of lost) expect(loss.reason).toBeInstanceOf(ConflictException);
      const winner = (won[0] as PromiseFulfilledResult<Awaited<ReturnType<typeof attempt>>>).value.SipRule!;
      const phoneNumber = (await voice.send(new GetPhoneNumberCommand({ PhoneNumberId: number }))).PhoneNumber!;
      expect(phoneNumber.Associations).toEqual([{ Name: 'SipRuleId', Value: winner.SipRuleId, AssociatedTimestamp: expect.any(Date) }]);
      const rules = await voice.send(new ListSipRulesCommand({ SipMediaApplicationId: app }));
      expect(rules.SipRules?.map((r) => r.SipRuleId)).toEqual([winner.SipRuleId]);
    });

    it('refuses to delete a SIP media application while a rule targets it', async () => {
      const [number] = usNumbers(1, 1400);
      await importNumbers(server, [number!], 'SipMediaApplicationDialIn');
      const used = await createApplication(voice, 'used');
      const { SipRule: rule } = await voice.send(
        new CreateSipRuleCommand({ Name: 'uses it', TriggerType: 'ToPhoneNumber', TriggerValue: number, TargetApplications: [target(used)], Disabled: true }),
      );
      const refused = await rejection(voice.send(new DeleteSipMediaApplicationCommand({ SipMediaApplicationId: used })));
      expect(refused).toBeInstanceOf(ConflictException);
      expect(refused.message).toContain(rule!.SipRuleId!);
      expect((await voice.send(new GetSipMediaApplicationCommand({ SipMediaApplicationId: used }))).SipMediaApplication?.Name).toBe('used');

      await voice.send(new DeleteSipRuleCommand({ SipRuleId: rule!.SipRuleId }));
      await voice.send(new DeleteSipMediaApplicationCommand({ SipMediaApplicationId: used }));
      await expect(voice.send(new GetSipMediaApplicationCommand({ SipMediaApplicationId: used }))).rejects.toBeInstanceOf(NotFoundException);
    });

    it('lists rules page by page and by SIP media application', async () => {
      const numbers = usNumbers(5, 1500);
      await importNumbers(server, numbers, 'SipMediaApplicationDialIn');
      const odd = await createApplication(voice, 'odd');
      const even = await createApplication(voice, 'even');
      const ids: string[] = [];
      for (const [i, number] of numbers.entries()) {
        const { SipRule } = await voice.send(
          new CreateSipRuleCommand({ Name: `rule ${i}`, TriggerType: 'ToPhoneNumber', TriggerValue: number, TargetApplications: [target(i % 2 ? odd : even)] }),
        );
        ids.push(SipRule!.SipRuleId!);
      }
      const paged: string[] = [];
      for await (const page of paginateListSipRules({ client: voice, pageSize: 2 }, { SipMediaApplicationId: even })) {
        expect(page.SipRules!.length).toBeLessThanOrEqual(2);
        paged.push(...page.SipRules!.map((r) => r.SipRuleId!));
      }
      expect(paged).toEqual([ids[0], ids[2], ids[4]]);
      const all = await voice.send(new ListSipRulesCommand({ MaxResults: 100 }));
      expect(all.SipRules?.map((r) => r.SipRuleId).filter((id) => ids.includes(id!))).toEqual(ids);
      expect(all.SipRules?.find((r) => r.SipRuleId === ids[1])?.TargetApplications).toEqual([target(odd)]);
      await expect(voice.send(new ListSipRulesCommand({ SipMediaApplicationId: 'no-such-application' }))).rejects.toBeInstanceOf(NotFoundException);
      await expect(voice.send(new ListSipRulesCommand({ NextToken: 'forged!' }))).rejects.toBeInstanceOf(BadRequestException);
    });

    it('never shows or changes another organization’s applications and rules', async () => {
      const [number] = usNumbers(1, 1600);
      await importNumbers(server, [number!], 'SipMediaApplicationDialIn');
      const app = await createApplication(voice, 'mine');
      const { SipRule: rule } = await voice.send(
        new CreateSipRuleCommand({ Name: 'mine', TriggerType: 'ToPhoneNumber', TriggerValue: number, TargetApplications: [target(app)], Disabled: true }),
      );
      const other = await server.newOrganization('Tenant');
      const id = { SipMediaApplicationId: app };
      await expect(other.voice.send(new GetSipMediaApplicationCommand(id))).rejects.toBeInstanceOf(NotFoundException);
      await expect(other.voice.send(new UpdateSipMediaApplicationCommand({ ...id, Name: 'stolen' }))).rejects.toBeInstanceOf(NotFoundException);
      await expect(other.voice.send(new DeleteSipMediaApplicationCommand(id))).rejects.toBeInstanceOf(NotFoundException);
      await expect(other.voice.send(new GetSipRuleCommand({ SipRuleId: rule!.SipRuleId }))).rejects.toBeInstanceOf(NotFoundException);
      await expect(other.voice.send(new UpdateSipRuleCommand({ SipRuleId: rule!.SipRuleId, Name: 'stolen' }))).rejects.toBeInstanceOf(NotFoundException);
      await expect(other.voice.send(new DeleteSipRuleCommand({ SipRuleId: rule!.SipRuleId }))).rejects.toBeInstanceOf(NotFoundException);
      await expect(other.voice.send(new ListSipRulesCommand({ SipMediaApplicationId: app }))).rejects.toBeInstanceOf(NotFoundException);
      expect((await other.voice.send(new ListSipRulesCommand({}))).SipRules).toEqual([]);
      const theirApp = await createApplication(other.voice, 'theirs');
      const notTheirs = await rejection(
        other.voice.send(new CreateSipRuleCommand({ Name: 'x', TriggerType: 'ToPhoneNumber', TriggerValue: number, TargetApplications: [target(theirApp)] })),
      );
      expect(notTheirs).toBeInstanceOf(NotFoundException);
      expect((await voice.send(new GetSipRuleCommand({ SipRuleId: rule!.SipRuleId }))).SipRule?.Name).toBe('mine');
      expect((await voice.send(new GetSipMediaApplicationCommand(id))).SipMediaApplication?.Name).toBe('mine');
    });
  });
}

async function countApplications(client: ChimeSDKVoiceClient): Promise<number> {
  let count = 0;
  for await (const page of paginateListSipMediaApplications({ client, pageSize: 100 }, {})) count += page.SipMediaApplications!.length;
  return count;
}

async function countRules(client: ChimeSDKVoiceClient): Promise<number> {
  let count = 0;
  for await (const page of paginateListSipRules({ client, pageSize: 100 }, {})) count += page.SipRules!.length;
  return count;
}
