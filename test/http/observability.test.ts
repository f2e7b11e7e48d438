// Observability: the request log names each request's operation, organization, access key and id
// (and never a secret); GET /metrics reports requests, latency, inventory and job queues.
import * as Voice from '@aws-sdk/client-chime-sdk-voice';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { signedFetch } from '../../src/client/signed-fetch';
import { requestLoggerOptions } from '../../src/http/observability/request-logging';
import { DIALECTS } from '../support/dialects';
import { importAvailableNumbers, importNumbers, usNumbers } from '../support/inventory';
import { capturedLog, sdkClients, startTestServer, TEST_REGION, type Credentials, type TestServer } from '../support/test-server';

const MINUTE = 60_000;

async function failure(promise: Promise<unknown>): Promise<unknown> {
  return promise.then(
    () => undefined,
    (error: unknown) => error,
  );
}

/** The value of one sample of the Prometheus text, e.g. sample(text, 'numberyard_phone_numbers', { status: 'Assigned' }). */
function sample(text: string, name: string, labels: Record<string, string> = {}): number | undefined {
  for (const line of text.split('\n')) {
    const match = /^([a-zA-Z_:][\w:]*)(?:\{(.*)\})? (\S+)$/.exec(line);
    if (!match || match[1] !== name) continue;
    const found = Object.fromEntries([...(match[2] ?? '').matchAll(/(\w+)="([^"]*)"/g)].map((m) => [m[1], m[2]]));
    if (Object.entries(labels).every(([key, value]) => found[key] === value)) return Number(match[3]);
  }
  return undefined;
}

for (const dialect of DIALECTS) {
  describe(`the request log [${dialect}]`, () => {
    let server: TestServer;
    let credentials: Credentials;
    let organizationId: string;
    const log = capturedLog();

    beforeAll(async () => {
      server = await startTestServer(dialect, { logger: { ...requestLoggerOptions('info'), stream: log.stream } });
      credentials = server.admin.credentials;
      organizationId = server.admin.organizationId;
    });
    afterAll(async () => server?.close());

    const lines = () =>
      log
        .text()
        .trim()
        .split('\n')
        .map((line) => JSON.parse(line) as Record<string, unknown>);

    it('ends every request with one JSON line naming its id, operation, organization and access key, and no secret', async () => {
      const { voice } = sdkClients(server.url, credentials);
      const listed = await voice.send(new Voice.ListPhoneNumbersCommand({}));
      const missing = (await failure(voice.send(new Voice.AssociatePhoneNumbersWithVoiceConnectorCommand({ VoiceConnectorId: 'abcdefghijklmnopqrstuv', E164PhoneNumbers: ['+12065550100'] })))) as Voice.NotFoundException;
      expect(missing).toBeInstanceOf(Voice.NotFoundException);
      const wrongSecret = sdkClients(server.url, { ...credentials, secretAccessKey: 'z'.repeat(40) }).voice;
      expect(await failure(wrongSecret.send(new Voice.GetPhoneNumberCommand({ PhoneNumberId: '+12065550100' })))).toBeInstanceOf(Voice.ForbiddenException);

      const completed = lines().filter((line) => line.msg === 'request completed');
      const byRequest = new Map(completed.map((line) => [line.requestId, line]));
      expect(byRequest.get(listed.$metadata.requestId)).toMatchObject({
        level: 30,
        operation: 'ListPhoneNumbers',
        organizationId,
        accessKeyId: credentials.accessKeyId,
        res: { statusCode: 200 },
      });
      expect(byRequest.get(missing.$metadata.requestId)).toMatchObject({
        operation: 'AssociatePhoneNumbersWithVoiceConnector',
        organizationId,
        accessKeyId: credentials.accessKeyId,
        res: { statusCode: 404 },
      });
      // Refused before anyone was authenticated: the operation and id, but no organization.
      const refused = completed.find((line) => (line.res as { statusCode: number }).statusCode === 403);
      expect(refused).toMatchObject({ operation: 'GetPhoneNumber' });
      expect(refused).not.toHaveProperty('organizationId');
      // Each completion line shares its requestId with the request's "incoming request" line.
      const incoming = lines().filter((line) => line.msg === 'incoming request');
      expect(incoming.map((line) => line.requestId)).toEqual(expect.arrayContaining([listed.$metadata.requestId, missing.$metadata.requestId]));

      expect(log.text()).not.toContain(credentials.secretAccessKey);
      expect(log.text()).not.toContain('z'.repeat(40));
      expect(log.text().toLowerCase()).not.toContain('aws4-hmac-sha256');
      expect(log.text().toLowerCase()).not.toContain('signature=');
    });
  });

  describe(`GET /metrics [${dialect}]`, () => {
    let server: TestServer;
    beforeAll(async () => {
      server = await startTestServer(dialect);
    });
    afterAll(async () => {
      await server?.close();
    });

    it('answers unsigned in the Prometheus text format with requests, latency, inventory and queues', async () => {
      const voice = server.admin.voice;
      const numbers = usNumbers(5);
      await importNumbers(server, numbers, 'VoiceConnector');
      await importNumbers(server, usNumbers(2, 200), 'SipMediaApplicationDialIn');
      await voice.send(new Voice.GetPhoneNumberCommand({ PhoneNumberId: numbers[0] }));
      await voice.send(new Voice.GetPhoneNumberCommand({ PhoneNumberId: numbers[1] }));
      expect(await failure(voice.send(new Voice.GetPhoneNumberCommand({ PhoneNumberId: '+12065559999' })))).toBeInstanceOf(Voice.NotFoundException);
      await voice.send(new Voice.DeletePhoneNumberCommand({ PhoneNumberId: numbers[4] }));
      const pool = usNumbers(2, 300).map((n) => n.replace('+1206', '+1425'));
      await importAvailableNumbers(server, pool);
      await voice.send(new Voice.CreatePhoneNumberOrderCommand({ ProductType: 'VoiceConnector', E164PhoneNumbers: pool }));

      const response = await fetch(`${server.url}/metrics`);
      expect(response.status).toBe(200);
      expect(response.headers.get('content-type')).toMatch(/^text\/plain; version=0\.0\.4/);
      const text = await response.text();

      expect(sample(text, 'numberyard_http_requests_total', { operation: 'GetPhoneNumber', status_code: '200' })).toBe(2);
      expect(sample(text, 'numberyard_http_requests_total', { operation: 'GetPhoneNumber', status_code: '404' })).toBe(1);
      expect(sample(text, 'numberyard_http_requests_total', { operation: 'ImportPhoneNumbers', status_code: '200' })).toBe(2);
      expect(sample(text, 'numberyard_http_request_duration_seconds_count', { operation: 'GetPhoneNumber', status_code: '200' })).toBe(2);
      expect(sample(text, 'numberyard_http_request_duration_seconds_bucket', { operation: 'GetPhoneNumber', status_code: '200', le: '+Inf' })).toBe(2);
      // Labels are operations, never raw paths with numbers in them.
      expect(text).not.toContain(numbers[0]);
      expect(text).not.toContain(encodeURIComponent(numbers[0]!));

      expect(sample(text, 'numberyard_metrics_database_up')).toBe(1);
      expect(sample(text, 'numberyard_phone_numbers', { status: 'Unassigned', product_type: 'VoiceConnector' })).toBe(4);
      expect(sample(text, 'numberyard_phone_numbers', { status: 'Unassigned', product_type: 'SipMediaApplicationDialIn' })).toBe(2);
      expect(sample(text, 'numberyard_phone_numbers', { status: 'DeleteInProgress', product_type: 'VoiceConnector' })).toBe(1);
      expect(sample(text, 'numberyard_phone_numbers', { status: 'AcquireInProgress', product_type: 'VoiceConnector' })).toBe(2);
      expect(sample(text, 'numberyard_phone_numbers', { status: 'Assigned', product_type: 'BusinessCalling' })).toBe(0);
      expect(sample(text, 'numberyard_deletion_queue_numbers')).toBe(1);
      expect(sample(text, 'numberyard_processing_orders')).toBe(1);
      expect(sample(text, 'numberyard_undelivered_user_notifications')).toBe(0);
      expect(sample(text, 'process_resident_memory_bytes')).toBeGreaterThan(0);
    });

    it('counts requests that match no operation under one label', async () => {
      const signing = { endpoint: server.url, region: TEST_REGION, credentials: server.admin.credentials };
      expect((await signedFetch(signing, 'GET', '/no-such-thing/+12065550100')).status).toBe(404);
      expect((await signedFetch(signing, 'POST', '/phone-numbers?operation=no-such-operation', {})).status).toBe(404);
      const text = await (await fetch(`${server.url}/metrics`)).text();
      expect(sample(text, 'numberyard_http_requests_total', { operation: 'UnknownOperation', status_code: '404' })).toBe(2);
      expect(text).not.toContain('no-such-thing');
    });
  });

  describe(`GET /metrics turned off [${dialect}]`, () => {
    let server: TestServer;
    beforeAll(async () => {
      server = await startTestServer(dialect, { config: { metrics: false } });
    });
    afterAll(async () => {
      await server?.close();
    });

    it('is not served when NUMBERYARD_METRICS=off', async () => {
      // Signed, so that the answer is about the path rather than the missing signature.
      const response = await signedFetch({ endpoint: server.url, region: TEST_REGION, credentials: server.admin.credentials }, 'GET', '/metrics');
      expect(response.status).toBe(404);
      expect(response.headers.get('x-amzn-errortype')).toBe('NotFoundException');
    });
  });
}
