// SigV4 authentication: who is refused with which typed error, that every signed part of a request
// is covered by the signature, and that neither secrets nor signatures reach the server's log.
import http from 'node:http';
import * as Chime from '@aws-sdk/client-chime';
import * as Voice from '@aws-sdk/client-chime-sdk-voice';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DIALECTS } from '../support/dialects';
import { importNumbers } from '../support/inventory';
import { rawSignedRequest, sendPrepared, signRaw, unsignedRequest, type PreparedRequest, type RawRequest, type RawResponse, type Signing } from '../support/raw-signed-request';
import { capturedLog, sdkClients, startTestServer, TEST_REGION, type Credentials, type TestServer } from '../support/test-server';

const NUMBER = '+12065550100';
const MINUTE = 60_000;
const listNumbers: RawRequest = { method: 'GET', path: '/phone-numbers?status=Unassigned' };
const renameNumber = (name: string): RawRequest => ({ method: 'POST', path: `/phone-numbers/${encodeURIComponent(NUMBER)}`, body: JSON.stringify({ Name: name }) });

function expectError(response: RawResponse, status: number, type: string, message?: RegExp): void {
  expect({ status: response.status, type: response.headers.get('x-amzn-errortype') }).toEqual({ status, type });
  const body = response.json as { Code: string; Message: string };
  expect(Object.keys(body).sort()).toEqual(['Code', 'Message']);
  if (message) expect(body.Message).toMatch(message);
}

/** The signature an SDK client put on each request it sent, read after signing. */
function recordSignatures(client: Voice.ChimeSDKVoiceClient | Chime.ChimeClient, into: string[]): void {
  client.middlewareStack.add(
    (next) => async (args) => {
      const authorization = (args.request as { headers?: Record<string, string> }).headers?.authorization;
      if (authorization) into.push(authorization);
      return next(args);
    },
    { step: 'deserialize', name: 'recordSignature' },
  );
}

/** Sends `prepared` with `rawPath` byte for byte (fetch and URL would resolve '.' and '..' segments first). */
function sendRawPath(prepared: PreparedRequest, rawPath: string): Promise<RawResponse> {
  return new Promise((resolve, reject) => {
    const request = http.request({ host: prepared.url.hostname, port: prepared.url.port, method: prepared.method, path: rawPath, headers: prepared.headers }, (response) => {
      let text = '';
      response.setEncoding('utf8');
      response.on('data', (chunk: string) => (text += chunk));
      response.on('end', () =>
        resolve({ status: response.statusCode ?? 0, headers: new Headers(response.headers as Record<string, string>), text, json: text ? JSON.parse(text) : undefined }),
      );
    });
    request.on('error', reject);
    request.end(prepared.body);
  });
}

async function failure(promise: Promise<unknown>): Promise<unknown> {
  return promise.then(
    () => {
      throw new Error('the request succeeded');
    },
    (error: unknown) => error,
  );
}

for (const dialect of DIALECTS) {
  describe(`SigV4 authentication [${dialect}]`, () => {
    let server: TestServer;
    let admin: Signing;

    async function nameOfNumber(): Promise<string | undefined> {
      return (await server.admin.voice.send(new Voice.GetPhoneNumberCommand({ PhoneNumberId: NUMBER }))).PhoneNumber?.Name;
    }

    beforeAll(async () => {
      server = await startTestServer(dialect);
      admin = { credentials: server.admin.credentials };
      await importNumbers(server, [NUMBER], 'VoiceConnector');
    });
    afterAll(async () => server?.close());

    it('accepts a correctly signed request', async () => {
      const response = await rawSignedRequest(server.url, listNumbers, admin);
      expect(response.status).toBe(200);
      expect(response.json).toMatchObject({ PhoneNumbers: [{ E164PhoneNumber: NUMBER }] });
    });

    describe('unauthenticated callers get UnauthorizedClientException 401', () => {
      it('without a signature', async () => {
        expectError(await unsignedRequest(server.url, listNumbers), 401, 'UnauthorizedClientException', /Missing Authentication Token/);
      });

      it('without a signature, even when the body is malformed: nothing is parsed for them', async () => {
        expectError(await unsignedRequest(server.url, { ...renameNumber('x'), body: '{bad' }), 401, 'UnauthorizedClientException');
      });

      it('with an Authorization header that is not SigV4', async () => {
        for (const authorization of ['Bearer abc', 'AWS4-HMAC-SHA256 Credential=x', 'Basic dXNlcjpwYXNz']) {
          expectError(await unsignedRequest(server.url, { ...listNumbers, headers: { authorization } }), 401, 'UnauthorizedClientException');
        }
      });

      it('with an unknown access key', async () => {
        const stranger = { accessKeyId: 'NYAKUNKNOWNUNKNOWN00', secretAccessKey: server.admin.credentials.secretAccessKey };
        expectError(await rawSignedRequest(server.url, listNumbers, { credentials: stranger }), 401, 'UnauthorizedClientException', /unknown access key/);
      });

      it('with a revoked key, which worked before', async () => {
        const key = await server.server.services.organizations.createAccessKey(server.admin.organizationId, { isAdmin: false });
        const credentials = { accessKeyId: key.AccessKeyId, secretAccessKey: key.SecretAccessKey };
        expect((await rawSignedRequest(server.url, listNumbers, { credentials })).status).toBe(200);
        await server.server.services.organizations.revokeAccessKey(key.AccessKeyId);
        expectError(await rawSignedRequest(server.url, listNumbers, { credentials }), 401, 'UnauthorizedClientException');
        const { voice, chime } = server.clients(credentials);
        expect(await failure(voice.send(new Voice.ListPhoneNumbersCommand({})))).toBeInstanceOf(Voice.UnauthorizedClientException);
        expect(await failure(chime.send(new Chime.ListPhoneNumbersCommand({})))).toBeInstanceOf(Chime.UnauthorizedClientException);
      });
    });

    describe('bad signatures get ForbiddenException 403', () => {
      it('signed with the wrong secret', async () => {
        const credentials = { ...server.admin.credentials, secretAccessKey: `${server.admin.credentials.secretAccessKey}x` };
        expectError(await rawSignedRequest(server.url, listNumbers, { credentials }), 403, 'ForbiddenException', /signature we calculated does not match/);
      });

      it('scoped to another service', async () => {
        for (const service of ['s3', 'chime-sdk-voice', 'execute-api']) {
          expectError(await rawSignedRequest(server.url, listNumbers, { ...admin, service }), 403, 'ForbiddenException', /correct service: 'chime'/);
        }
      });

      it('scoped to another region', async () => {
        expectError(await rawSignedRequest(server.url, listNumbers, { ...admin, region: 'eu-west-1' }), 403, 'ForbiddenException', /valid region/);
      });

      it('signed more than 15 minutes in the past or the future, but not within', async () => {
        for (const offset of [-16 * MINUTE, 16 * MINUTE, -24 * 60 * MINUTE]) {
          const response = await rawSignedRequest(server.url, listNumbers, { ...admin, signingDate: new Date(Date.now() + offset) });
          expectError(response, 403, 'ForbiddenException', /Signature expired/);
        }
        for (const offset of [-14 * MINUTE, 14 * MINUTE]) {
          expect((await rawSignedRequest(server.url, listNumbers, { ...admin, signingDate: new Date(Date.now() + offset) })).status).toBe(200);
        }
      });

      it('replayed with another body, and the number is not changed', async () => {
        const signed = await signRaw(server.url, renameNumber('signed'), admin);
        expectError(await sendPrepared(signed, { body: JSON.stringify({ Name: 'tampered' }) }), 403, 'ForbiddenException');
        // Without the body hash header, the signature itself no longer matches.
        const withoutHash = { ...signed, headers: { ...signed.headers } };
        delete withoutHash.headers['x-amz-content-sha256'];
        expectError(await sendPrepared(withoutHash, { body: JSON.stringify({ Name: 'tampered' }) }), 403, 'ForbiddenException');
        expect(await nameOfNumber()).toBeUndefined();
        // The untouched request still works: only the change was refused.
        expect((await sendPrepared(signed)).status).toBe(200);
        expect(await nameOfNumber()).toBe('signed');
      });

      it('replayed with another query string, operation or path', async () => {
        const list = await signRaw(server.url, listNumbers, admin);
        expectError(await sendPrepared(list, { path: '/phone-numbers?status=Assigned' }), 403, 'ForbiddenException');
        expectError(await sendPrepared(list, { path: '/phone-numbers?status=Unassigned&max-results=1' }), 403, 'ForbiddenException');

        const body = JSON.stringify({ UpdatePhoneNumberRequestItems: [{ PhoneNumberId: NUMBER, Name: 'batch' }] });
        const batchUpdate = await signRaw(server.url, { method: 'POST', path: '/phone-numbers?operation=batch-update', body }, admin);
        expectError(await sendPrepared(batchUpdate, { path: '/phone-numbers?operation=batch-delete' }), 403, 'ForbiddenException');

        const remove = await signRaw(server.url, { method: 'DELETE', path: `/phone-numbers/${encodeURIComponent('+12065550199')}` }, admin);
        expectError(await sendPrepared(remove, { path: `/phone-numbers/${encodeURIComponent(NUMBER)}` }), 403, 'ForbiddenException');
        const { PhoneNumber } = await server.admin.voice.send(new Voice.GetPhoneNumberCommand({ PhoneNumberId: NUMBER }));
        expect(PhoneNumber).toMatchObject({ Status: 'Unassigned', Name: 'signed' });
      });

      it('at a path that only normalizes to the signed one, or with a + where %2B was signed', async () => {
        // SigV4 signs the path with '.', '..' and empty segments resolved; the router would run the path as sent.
        const list = await signRaw(server.url, { method: 'GET', path: '/voice-connectors' }, admin);
        for (const rawPath of ['/voice-connectors/.', '/voice-connectors/x/..', '/voice-connectors/../voice-connectors', '//voice-connectors']) {
          expectError(await sendRawPath(list, rawPath), 403, 'ForbiddenException', /must not contain/);
        }
        // A %2B signs a '+'; a raw '+' means a space to the router, so it no longer matches the signature.
        const prefix = await signRaw(server.url, { method: 'GET', path: '/phone-numbers?number-prefix=%2B1206' }, admin);
        expect((await sendPrepared(prefix)).status).toBe(200);
        expectError(await sendRawPath(prefix, '/phone-numbers?number-prefix=+1206'), 403, 'ForbiddenException');
      });

      it('signed with a session token, as temporary credentials are', async () => {
        const withToken = await signRaw(server.url, listNumbers, { credentials: { ...server.admin.credentials, sessionToken: 'FAKE' } as Credentials });
        expect(withToken.headers['x-amz-security-token']).toBe('FAKE');
        expectError(await sendPrepared(withToken), 401, 'UnauthorizedClientException', /session token/);
      });

      it('with a signed header changed after signing', async () => {
        const signed = await signRaw(server.url, listNumbers, admin);
        const later = new Date(Date.now() + 1000).toISOString().replace(/[-:]|\.\d{3}/g, '');
        expectError(await sendPrepared({ ...signed, headers: { ...signed.headers, 'x-amz-date': later } }), 403, 'ForbiddenException');
      });
    });

    it('refuses an ordinary key on the admin import route with AccessDeniedException 403, loading nothing', async () => {
      const other = await server.newOrganization();
      const response = await rawSignedRequest(
        server.url,
        { method: 'POST', path: '/admin/phone-numbers?operation=import', body: JSON.stringify({ PhoneNumbers: [{ E164PhoneNumber: '+12065550150', ProductType: 'VoiceConnector' }] }) },
        { credentials: other.credentials },
      );
      expectError(response, 403, 'AccessDeniedException', /administrator/);
      const available = await rawSignedRequest(
        server.url,
        { method: 'POST', path: '/admin/available-numbers?operation=import', body: JSON.stringify({ PhoneNumbers: [{ E164PhoneNumber: '+12065550151' }] }) },
        { credentials: other.credentials },
      );
      expectError(available, 403, 'AccessDeniedException');
      expect((await other.voice.send(new Voice.ListPhoneNumbersCommand({}))).PhoneNumbers).toEqual([]);
      const { db } = server.server.database;
      expect(await db.selectFrom('phone_numbers').select('e164').where('e164', 'in', ['+12065550150', '+12065550151']).execute()).toEqual([]);
      expect(await db.selectFrom('available_numbers').select('e164').where('e164', '=', '+12065550151').execute()).toEqual([]);
    });

    it('gives both SDK clients their typed exception classes', async () => {
      const unknown = sdkClients(server.url, { accessKeyId: 'NYAKUNKNOWNUNKNOWN00', secretAccessKey: 'x'.repeat(40) });
      expect(await failure(unknown.voice.send(new Voice.ListPhoneNumbersCommand({})))).toBeInstanceOf(Voice.UnauthorizedClientException);
      expect(await failure(unknown.chime.send(new Chime.ListPhoneNumbersCommand({})))).toBeInstanceOf(Chime.UnauthorizedClientException);

      const wrongSecret = sdkClients(server.url, { ...server.admin.credentials, secretAccessKey: 'y'.repeat(40) });
      const voiceForbidden = await failure(wrongSecret.voice.send(new Voice.GetPhoneNumberCommand({ PhoneNumberId: NUMBER })));
      expect(voiceForbidden).toBeInstanceOf(Voice.ForbiddenException);
      expect((voiceForbidden as Voice.ForbiddenException).$metadata.httpStatusCode).toBe(403);
      expect(await failure(wrongSecret.chime.send(new Chime.GetPhoneNumberCommand({ PhoneNumberId: NUMBER })))).toBeInstanceOf(Chime.ForbiddenException);

      const common = { endpoint: server.url, credentials: server.admin.credentials, maxAttempts: 1 };
      const otherRegion = { region: 'eu-west-1', ...common };
      expect(await failure(new Voice.ChimeSDKVoiceClient(otherRegion).send(new Voice.ListPhoneNumbersCommand({})))).toBeInstanceOf(Voice.ForbiddenException);
      expect(await failure(new Chime.ChimeClient(otherRegion).send(new Chime.ListPhoneNumbersCommand({})))).toBeInstanceOf(Chime.ForbiddenException);

      // A client whose clock is 20 minutes slow signs requests the server must refuse.
      const slowClock = { region: TEST_REGION, systemClockOffset: -20 * MINUTE, ...common };
      expect(await failure(new Voice.ChimeSDKVoiceClient(slowClock).send(new Voice.ListPhoneNumbersCommand({})))).toBeInstanceOf(Voice.ForbiddenException);
      expect(await failure(new Chime.ChimeClient(slowClock).send(new Chime.ListPhoneNumbersCommand({})))).toBeInstanceOf(Chime.ForbiddenException);
    });
  });

  describe(`the server log at trace level [${dialect}]`, () => {
    let server: TestServer;
    let credentials: Credentials;
    const log = capturedLog();

    beforeAll(async () => {
      server = await startTestServer(dialect, { logger: { level: 'trace', stream: log.stream } });
      credentials = server.admin.credentials;
    });
    afterAll(async () => server?.close());

    it('never contains a secret access key or a request signature, for good and bad requests alike', async () => {
      const signatures: string[] = [];
      const { voice, chime } = sdkClients(server.url, credentials);
      recordSignatures(voice, signatures);
      recordSignatures(chime, signatures);
      const wrong = sdkClients(server.url, { ...credentials, secretAccessKey: 'z'.repeat(40) });
      recordSignatures(wrong.voice, signatures);

      const sign = async (request: RawRequest, signing: Signing) => {
        const prepared = await signRaw(server.url, request, signing);
        signatures.push(prepared.headers.authorization!);
        return prepared;
      };
      const importBody = JSON.stringify({ PhoneNumbers: [{ E164PhoneNumber: NUMBER, ProductType: 'VoiceConnector' }] });
      expect((await sendPrepared(await sign({ method: 'POST', path: '/admin/phone-numbers?operation=import', body: importBody }, { credentials }))).status).toBe(200);
      await voice.send(new Voice.UpdatePhoneNumberCommand({ PhoneNumberId: NUMBER, CallingName: 'Example Corp' }));
      await chime.send(new Chime.ListPhoneNumbersCommand({}));
      await failure(voice.send(new Voice.GetPhoneNumberCommand({ PhoneNumberId: '+12065559999' })));
      await failure(chime.send(new Chime.UpdatePhoneNumberCommand({ PhoneNumberId: NUMBER, CallingName: 'bad_name!' })));
      await failure(wrong.voice.send(new Voice.ListPhoneNumbersCommand({})));
      expect((await sendPrepared(await sign(listNumbers, { credentials, signingDate: new Date(Date.now() - 30 * MINUTE) }))).status).toBe(403);
      expect((await sendPrepared(await sign(renameNumber('a'), { credentials }), { body: '{"Name":"b"}' })).status).toBe(403);
      expect((await sendPrepared(await sign({ ...renameNumber('a'), body: '{bad' }, { credentials }))).status).toBe(400);
      expect((await sendPrepared(await sign(listNumbers, { credentials, region: 'eu-west-1' }))).status).toBe(403);

      expect(signatures).toHaveLength(10);
      // The log was written (and at trace level), so its silence about secrets means something.
      expect(log.text()).toMatch(/incoming request/);
      expect(log.text()).toContain('"statusCode":403');
      expect(log.text()).toContain('"statusCode":400');
      expect(log.text()).not.toContain(credentials.secretAccessKey);
      expect(log.text()).not.toContain('z'.repeat(40));
      for (const authorization of signatures) {
        const signature = /Signature=([0-9a-f]{64})/.exec(authorization)![1]!;
        expect(log.text()).not.toContain(signature);
      }
      expect(log.text().toLowerCase()).not.toContain('aws4-hmac-sha256');
    });
  });
}
