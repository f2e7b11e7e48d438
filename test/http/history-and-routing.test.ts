import {
  CreateSipMediaApplicationCommand,
  CreateSipRuleCommand,
  DeleteSipRuleCommand,
  UpdatePhoneNumberCommand,
  UpdateSipRuleCommand,
  type ChimeSDKVoiceClient,
} from '@aws-sdk/client-chime-sdk-voice';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { signedFetch, type SignedResponse } from '../../src/client/signed-fetch';
import type { PhoneNumberHistoryResponse, RoutingLookupResponse } from '../../src/contract/extensions.schema';
import type { AssignmentTarget } from '../../src/domain/assignment-rules';
import { phoneNumberAssignmentRepository, phoneNumberRepository } from '../../src/storage/repositories/phone-number.repository';
import { DIALECTS } from '../support/dialects';
import { importNumbers, usNumbers } from '../support/inventory';
import { startTestServer, TEST_REGION, type TestOrganization, type TestServer } from '../support/test-server';

async function createApplication(client: ChimeSDKVoiceClient, name: string): Promise<string> {
  const { SipMediaApplication } = await client.send(
    new CreateSipMediaApplicationCommand({
      AwsRegion: 'us-east-1',
      Name: name,
      Endpoints: [{ LambdaArn: `arn:aws:lambda:us-east-1:123456789012:function:${name}` }],
    }),
  );
  return SipMediaApplication!.SipMediaApplicationId!;
}

const target = (SipMediaApplicationId: string, Priority = 1) => ({ SipMediaApplicationId, Priority, AwsRegion: 'us-east-1' });

for (const dialect of DIALECTS) {
  describe(`number history and routing lookup [${dialect}]`, () => {
    let server: TestServer;

    beforeAll(async () => {
      server = await startTestServer(dialect);
    });
    afterAll(async () => server?.close());

    function get<T>(as: TestOrganization, pathAndQuery: string): Promise<SignedResponse<T>> {
      return signedFetch<T>({ endpoint: server.url, region: TEST_REGION, credentials: as.credentials }, 'GET', pathAndQuery);
    }
    const historyPath = (e164: string, query = '') => `/phone-numbers/${encodeURIComponent(e164)}/history${query}`;
    const routingOf = (e164: string) => `/routing?phone-number=${encodeURIComponent(e164)}`;

    it('shows every change of a number, oldest first, with who made it', async () => {
      const tenant = await server.newOrganization('History');
      const [number] = usNumbers(1, 2000);
      await importNumbers(server, [number!], 'SipMediaApplicationDialIn', tenant);
      await tenant.voice.send(new UpdatePhoneNumberCommand({ PhoneNumberId: number, Name: 'front desk' }));
      const app = await createApplication(tenant.voice, 'history');
      const { SipRule: rule } = await tenant.voice.send(
        new CreateSipRuleCommand({ Name: 'history', TriggerType: 'ToPhoneNumber', TriggerValue: number, TargetApplications: [target(app)] }),
      );
      await tenant.voice.send(new UpdateSipRuleCommand({ SipRuleId: rule!.SipRuleId, Name: 'history', Disabled: true }));
      await tenant.voice.send(new DeleteSipRuleCommand({ SipRuleId: rule!.SipRuleId }));

      const response = await get<PhoneNumberHistoryResponse>(tenant, historyPath(number!));
      expect(response.status).toBe(200);
      const events = response.body.Events;
      const admin = server.admin.credentials.accessKeyId;
      const owner = tenant.credentials.accessKeyId;
      expect(events.map((e) => [e.Operation, e.Actor])).toEqual([
        ['ImportPhoneNumber', admin],
        ['UpdatePhoneNumber', owner],
        ['CreateSipRule', owner],
        ['DeleteSipRule', owner],
      ]);
      expect(response.body.NextToken).toBeUndefined();
      const ids = events.map((e) => Number(e.EventId));
      expect(ids).toEqual([...ids].sort((a, b) => a - b));
      expect(new Set(ids).size).toBe(ids.length);
      for (const event of events) expect(new Date(event.Timestamp).toISOString()).toBe(event.Timestamp);
      expect(events[1]!.Before).not.toHaveProperty('Name');
      expect(events[1]!.After).toMatchObject({ Name: 'front desk' });
      expect(events[2]).toMatchObject({
        Before: { Status: 'Unassigned', Associations: [] },
        After: { Status: 'Assigned', Associations: [{ Name: 'SipRuleId', Value: rule!.SipRuleId }] },
      });
      expect(events[3]).toMatchObject({ Before: { Status: 'Assigned' }, After: { Status: 'Unassigned', Associations: [] } });

      // Page by page, following NextToken, gives the same sequence.
      const paged: string[] = [];
      let token: string | undefined;
      do {
        const page = await get<PhoneNumberHistoryResponse>(tenant, historyPath(number!, `?max-results=1${token ? `&next-token=${token}` : ''}`));
        expect(page.status).toBe(200);
        expect(page.body.Events.length).toBeLessThanOrEqual(1);
        paged.push(...page.body.Events.map((e) => e.EventId));
        token = page.body.NextToken;
      } while (token);
      expect(paged).toEqual(events.map((e) => e.EventId));

      // Another organization's number looks exactly like a missing one.
      const foreign = await get(server.admin, historyPath(number!));
      expect(foreign.status).toBe(404);
      expect(foreign.headers.get('x-amzn-errortype')).toBe('NotFoundException');
      expect((await get(tenant, historyPath('+12065559999'))).status).toBe(404);
      expect((await get(tenant, historyPath(number!, '?next-token=forged!'))).status).toBe(400);
      expect((await get(tenant, historyPath(number!, '?max-results=0'))).status).toBe(400);
    });

    it('routes a number through its enabled rule to the applications in priority order', async () => {
      const voice = server.admin.voice;
      const [number, unassigned] = usNumbers(2, 2100);
      await importNumbers(server, [number!, unassigned!], 'SipMediaApplicationDialIn');
      const first = await createApplication(voice, 'first');
      const second = await createApplication(voice, 'second');
      const { SipRule: rule } = await voice.send(
        new CreateSipRuleCommand({
          Name: 'routed',
          TriggerType: 'ToPhoneNumber',
          TriggerValue: number,
          TargetApplications: [target(second, 7), target(first, 3)],
        }),
      );
      const routes = [
        { TargetType: 'SipMediaApplication', TargetId: first, Priority: 3, ViaSipRuleId: rule!.SipRuleId },
        { TargetType: 'SipMediaApplication', TargetId: second, Priority: 7, ViaSipRuleId: rule!.SipRuleId },
      ];
      const enabled = await get<RoutingLookupResponse>(server.admin, routingOf(number!));
      expect(enabled.status).toBe(200);
      expect(enabled.body).toEqual({ PhoneNumber: number, Routes: routes });

      await voice.send(new UpdateSipRuleCommand({ SipRuleId: rule!.SipRuleId, Name: 'routed', Disabled: true }));
      expect((await get<RoutingLookupResponse>(server.admin, routingOf(number!))).body).toEqual({ PhoneNumber: number, Routes: [] });
      await voice.send(new UpdateSipRuleCommand({ SipRuleId: rule!.SipRuleId, Name: 'routed', Disabled: false }));
      expect((await get<RoutingLookupResponse>(server.admin, routingOf(number!))).body.Routes).toEqual(routes);

      expect((await get<RoutingLookupResponse>(server.admin, routingOf(unassigned!))).body).toEqual({ PhoneNumber: unassigned, Routes: [] });
      expect((await get(server.admin, routingOf('+12065559999'))).status).toBe(404);
      const tenant = await server.newOrganization('Routing elsewhere');
      expect((await get(tenant, routingOf(number!))).status).toBe(404);
    });

    it('routes a Request-URI host name through its enabled rule', async () => {
      const voice = server.admin.voice;
      const app = await createApplication(voice, 'by-host');
      const host = 'pbx.example.com';
      const { SipRule: rule } = await voice.send(
        new CreateSipRuleCommand({ Name: 'host', TriggerType: 'RequestUriHostname', TriggerValue: host, TargetApplications: [target(app, 1)] }),
      );
      const found = await get<RoutingLookupResponse>(server.admin, '/routing?request-uri-hostname=PBX.Example.com');
      expect(found.status).toBe(200);
      expect(found.body).toEqual({
        RequestUriHostname: host,
        Routes: [{ TargetType: 'SipMediaApplication', TargetId: app, Priority: 1, ViaSipRuleId: rule!.SipRuleId }],
      });
      await voice.send(new UpdateSipRuleCommand({ SipRuleId: rule!.SipRuleId, Name: 'host', Disabled: true }));
      expect((await get<RoutingLookupResponse>(server.admin, `/routing?request-uri-hostname=${host}`)).body.Routes).toEqual([]);
      expect((await get<RoutingLookupResponse>(server.admin, '/routing?request-uri-hostname=other.example.com')).body.Routes).toEqual([]);
    });

    it('routes numbers held by a voice connector, a group (in priority order) and a user', async () => {
      // Rows made straight in the database, so that this test needs no other resource's routes.
      const { db } = server.server.database;
      const organizationId = server.admin.organizationId;
      const now = new Date().toISOString();
      const stamps = { created_at: now, updated_at: now, version: 1 };
      const connector = (id: string) => ({
        id,
        organization_id: organizationId,
        name: id,
        aws_region: 'us-east-1',
        require_encryption: 1 as const,
        outbound_host_name: `${id}.voiceconnector.example`,
        integration_type: null,
        network_type: null,
        ...stamps,
      });
      await db.insertInto('voice_connectors').values([connector('vc-routing-a'), connector('vc-routing-b')]).execute();
      await db.insertInto('voice_connector_groups').values({ id: 'vcg-routing', organization_id: organizationId, name: 'g', call_distribution_type: null, ...stamps }).execute();
      await db
        .insertInto('voice_connector_group_items')
        .values([
          { group_id: 'vcg-routing', voice_connector_id: 'vc-routing-a', priority: 2 },
          { group_id: 'vcg-routing', voice_connector_id: 'vc-routing-b', priority: 1 },
        ])
        .execute();
      await db
        .insertInto('accounts')
        .values({ id: 'acct-routing', organization_id: organizationId, name: 'a', account_type: 'Team', default_license: 'Pro', status: 'Active', ...stamps })
        .execute();
      await db
        .insertInto('users')
        .values({
          id: 'user-routing',
          organization_id: organizationId,
          account_id: 'acct-routing',
          primary_email: 'routing@example.com',
          display_name: null,
          license_type: 'Pro',
          user_type: 'PrivateUser',
          registration_status: 'Registered',
          invitation_status: null,
          invited_at: null,
          registered_at: null,
          inbound_calling: 1,
          outbound_calling: 1,
          sms: 1,
          sign_in_required_at: null,
          ...stamps,
        })
        .execute();
      const [onConnector, onGroup, onUser] = usNumbers(3, 2200);
      await importNumbers(server, [onConnector!, onGroup!], 'VoiceConnector');
      await importNumbers(server, [onUser!], 'BusinessCalling');
      const targets: [string, AssignmentTarget][] = [
        [onConnector!, { kind: 'voiceConnector', voiceConnectorId: 'vc-routing-a' }],
        [onGroup!, { kind: 'voiceConnectorGroup', voiceConnectorGroupId: 'vcg-routing' }],
        [onUser!, { kind: 'user', userId: 'user-routing', accountId: 'acct-routing' }],
      ];
      for (const [e164, assignment] of targets) {
        const row = await phoneNumberRepository.getInOrganization(db, organizationId, e164);
        expect(await phoneNumberAssignmentRepository.assign(db, row!, assignment, now)).toBeDefined();
      }

      expect((await get<RoutingLookupResponse>(server.admin, routingOf(onConnector!))).body.Routes).toEqual([
        { TargetType: 'VoiceConnector', TargetId: 'vc-routing-a', Priority: 1 },
      ]);
      expect((await get<RoutingLookupResponse>(server.admin, routingOf(onGroup!))).body.Routes).toEqual([
        { TargetType: 'VoiceConnector', TargetId: 'vc-routing-b', Priority: 1, ViaVoiceConnectorGroupId: 'vcg-routing' },
        { TargetType: 'VoiceConnector', TargetId: 'vc-routing-a', Priority: 2, ViaVoiceConnectorGroupId: 'vcg-routing' },
      ]);
      expect((await get<RoutingLookupResponse>(server.admin, routingOf(onUser!))).body.Routes).toEqual([
        { TargetType: 'User', TargetId: 'user-routing', Priority: 1 },
      ]);
    });

    it('refuses a lookup that does not say exactly one thing to look up', async () => {
      for (const query of [
        '/routing',
        `/routing?phone-number=%2B12065552100&request-uri-hostname=pbx.example.com`,
        '/routing?phone-number=12065552100',
        '/routing?request-uri-hostname=not%20a%20host',
      ]) {
        const response = await get<{ Code: string; Message: string }>(server.admin, query);
        expect(response.status, query).toBe(400);
        expect(response.headers.get('x-amzn-errortype'), query).toBe('BadRequestException');
        expect(response.body.Message, query).not.toBe('');
      }
    });
  });
}
