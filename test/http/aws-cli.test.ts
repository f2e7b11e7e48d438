// The AWS CLI against numberyard: the scripts telephony administrators already have (`aws chime …`,
// `aws chime-sdk-voice …`) with only --endpoint-url added. The CLI is built on botocore, an
// implementation of SigV4 and restJson1 independent of the JavaScript SDK's: it signs other headers
// (no x-amz-content-sha256), encodes paths and queries its own way, and parses errors from the
// x-amzn-ErrorType header and the body. CI installs it (Debian's awscli) when the machine has none.
// Only members that every CLI release since 2023 knows are used (UpdatePhoneNumber's Name is newer).
import { execFile } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DIALECTS } from '../support/dialects';
import { importNumbers, usNumbers } from '../support/inventory';
import { TEST_REGION, startTestServer, type Credentials, type TestServer } from '../support/test-server';

interface AwsCliResult {
  exitCode: number;
  /** The parsed JSON output; undefined when the CLI printed nothing (an operation without output). */
  output: unknown;
  stderr: string;
}

// Nothing of the machine's own AWS set-up (profiles, session tokens, a pager) may reach the CLI.
const isolatedConfigDir = fs.mkdtempSync(path.join(os.tmpdir(), 'numberyard-aws-cli-'));
afterAll(() => fs.rmSync(isolatedConfigDir, { recursive: true, force: true }));
const inheritedEnv = Object.fromEntries(Object.entries(process.env).filter(([name]) => !name.startsWith('AWS_')));

function aws(server: TestServer, credentials: Credentials, args: readonly string[]): Promise<AwsCliResult> {
  const env = {
    ...inheritedEnv,
    AWS_ACCESS_KEY_ID: credentials.accessKeyId,
    AWS_SECRET_ACCESS_KEY: credentials.secretAccessKey,
    AWS_DEFAULT_REGION: TEST_REGION,
    AWS_CONFIG_FILE: path.join(isolatedConfigDir, 'config'),
    AWS_SHARED_CREDENTIALS_FILE: path.join(isolatedConfigDir, 'credentials'),
    AWS_PAGER: '',
    // A refusal must show as the first answer, not after retries.
    AWS_MAX_ATTEMPTS: '1',
    AWS_EC2_METADATA_DISABLED: 'true',
  };
  return new Promise((resolve, reject) => {
    execFile('aws', [...args, '--endpoint-url', server.url, '--output', 'json'], { env, timeout: 30_000 }, (error, stdout, stderr) => {
      if (error && typeof error.code !== 'number') {
        reject(error);
        return;
      }
      resolve({ exitCode: error ? Number(error.code) : 0, output: stdout.trim() ? JSON.parse(stdout) : undefined, stderr });
    });
  });
}

/** The stderr of a refused call: the CLI names the exception type it parsed from the response. */
async function refusal(result: Promise<AwsCliResult>): Promise<string> {
  const { exitCode, stderr } = await result;
  expect(exitCode).not.toBe(0);
  return stderr;
}

interface WirePhoneNumber {
  E164PhoneNumber: string;
  ProductType: string;
  Status: string;
  CallingName?: string;
  Associations: { Name: string; Value: string }[];
}

for (const dialect of DIALECTS) {
  describe(`the AWS CLI with --endpoint-url [${dialect}]`, () => {
    let server: TestServer;
    const voiceNumbers = usNumbers(4, 100);
    const businessNumbers = usNumbers(2, 200);

    beforeAll(async () => {
      server = await startTestServer(dialect);
      await importNumbers(server, voiceNumbers, 'VoiceConnector');
      await importNumbers(server, businessNumbers, 'BusinessCalling');
    });
    afterAll(async () => server?.close());

    const admin = (...args: string[]) => aws(server, server.admin.credentials, args);
    const phoneNumber = async (e164: string) =>
      ((await admin('chime-sdk-voice', 'get-phone-number', '--phone-number-id', e164)).output as { PhoneNumber: WirePhoneNumber }).PhoneNumber;

    it('lists the inventory with filters, reads a number and edits it', async () => {
      const listed = await admin('chime-sdk-voice', 'list-phone-numbers', '--status', 'Unassigned', '--product-type', 'BusinessCalling');
      expect(listed.exitCode).toBe(0);
      expect((listed.output as { PhoneNumbers: WirePhoneNumber[] }).PhoneNumbers.map((n) => n.E164PhoneNumber)).toEqual(businessNumbers);

      const firstPage = await admin('chime-sdk-voice', 'list-phone-numbers', '--max-results', '3');
      const { PhoneNumbers, NextToken } = firstPage.output as { PhoneNumbers: WirePhoneNumber[]; NextToken: string };
      expect(PhoneNumbers.map((n) => n.E164PhoneNumber)).toEqual(voiceNumbers.slice(0, 3));
      const secondPage = await admin('chime-sdk-voice', 'list-phone-numbers', '--max-results', '3', '--next-token', NextToken);
      expect((secondPage.output as { PhoneNumbers: WirePhoneNumber[] }).PhoneNumbers.map((n) => n.E164PhoneNumber)).toEqual([
        voiceNumbers[3],
        ...businessNumbers,
      ]);

      // A JSON body that botocore signs without an x-amz-content-sha256 header.
      const updated = await admin('chime-sdk-voice', 'update-phone-number', '--phone-number-id', businessNumbers[0]!, '--calling-name', 'Acme Sales');
      expect(updated.exitCode).toBe(0);
      expect((updated.output as { PhoneNumber: WirePhoneNumber }).PhoneNumber.CallingName).toBe('Acme Sales');
      expect((await phoneNumber(businessNumbers[0]!)).CallingName).toBe('Acme Sales');

      // The legacy client, for the console procedure "Edit product type" of an unassigned number.
      const switched = await admin('chime', 'update-phone-number', '--phone-number-id', businessNumbers[1]!, '--product-type', 'SipMediaApplicationDialIn');
      expect(switched.exitCode).toBe(0);
      expect((await phoneNumber(businessNumbers[1]!)).ProductType).toBe('SipMediaApplicationDialIn');

      const batch = await admin(
        'chime-sdk-voice',
        'batch-update-phone-number',
        '--update-phone-number-request-items',
        JSON.stringify([
          { PhoneNumberId: voiceNumbers[0], CallingName: 'Front desk' },
          { PhoneNumberId: '+19995550100', CallingName: 'Nobody' },
        ]),
      );
      expect(batch.output).toEqual({ PhoneNumberErrors: [{ PhoneNumberId: '+19995550100', ErrorCode: 'NotFound', ErrorMessage: expect.any(String) }] });
      expect((await phoneNumber(voiceNumbers[0]!)).CallingName).toBe('Front desk');
    });

    it('assigns Voice Connector numbers to a connector and unassigns them', async () => {
      const created = await admin('chime-sdk-voice', 'create-voice-connector', '--name', 'Edge Seattle', '--require-encryption');
      expect(created.exitCode).toBe(0);
      const connectorId = (created.output as { VoiceConnector: { VoiceConnectorId: string } }).VoiceConnector.VoiceConnectorId;

      const numbers = voiceNumbers.slice(2, 4);
      const associated = await admin(
        'chime-sdk-voice',
        'associate-phone-numbers-with-voice-connector',
        '--voice-connector-id',
        connectorId,
        '--e164-phone-numbers',
        ...numbers,
      );
      expect(associated.output).toEqual({ PhoneNumberErrors: [] });
      for (const e164 of numbers) {
        const number = await phoneNumber(e164);
        expect(number.Status).toBe('Assigned');
        expect(number.Associations.map(({ Name, Value }) => ({ Name, Value }))).toEqual([{ Name: 'VoiceConnectorId', Value: connectorId }]);
      }

      const inUse = await refusal(admin('chime-sdk-voice', 'delete-voice-connector', '--voice-connector-id', connectorId));
      expect(inUse).toContain('(ConflictException)');

      const disassociated = await admin(
        'chime-sdk-voice',
        'disassociate-phone-numbers-from-voice-connector',
        '--voice-connector-id',
        connectorId,
        '--e164-phone-numbers',
        ...numbers,
      );
      expect(disassociated.output).toEqual({ PhoneNumberErrors: [] });
      expect((await phoneNumber(numbers[0]!)).Status).toBe('Unassigned');
      expect(await admin('chime-sdk-voice', 'delete-voice-connector', '--voice-connector-id', connectorId)).toMatchObject({ exitCode: 0, output: undefined });
    });

    it('deletes a number into the restore window and restores it', async () => {
      const e164 = voiceNumbers[1]!;
      expect(await admin('chime', 'delete-phone-number', '--phone-number-id', e164)).toMatchObject({ exitCode: 0, output: undefined });
      expect((await phoneNumber(e164)).Status).toBe('DeleteInProgress');
      // POST ?operation=restore with no body at all.
      const restored = await admin('chime', 'restore-phone-number', '--phone-number-id', e164);
      expect((restored.output as { PhoneNumber: WirePhoneNumber }).PhoneNumber.Status).toBe('Unassigned');
    });

    it("reports refusals as the AWS error types and never shows one organization another's numbers", async () => {
      const e164 = voiceNumbers[0]!;
      const before = await phoneNumber(e164);

      expect(await refusal(admin('chime-sdk-voice', 'get-phone-number', '--phone-number-id', '+19995550100'))).toContain('(NotFoundException)');
      expect(await refusal(admin('chime-sdk-voice', 'update-phone-number', '--phone-number-id', e164, '--calling-name', 'x'))).toContain('(BadRequestException)');
      expect(await refusal(admin('chime-sdk-voice', 'list-phone-numbers', '--max-results', '101'))).toContain('(BadRequestException)');

      const forged = { ...server.admin.credentials, secretAccessKey: `${server.admin.credentials.secretAccessKey}x` };
      expect(await refusal(aws(server, forged, ['chime-sdk-voice', 'update-phone-number', '--phone-number-id', e164, '--calling-name', 'Forged']))).toContain(
        '(ForbiddenException)',
      );
      const unknownKey = { accessKeyId: 'AKIANOSUCHKEY0000000', secretAccessKey: 'nothing' };
      expect(await refusal(aws(server, unknownKey, ['chime-sdk-voice', 'get-phone-number', '--phone-number-id', e164]))).toContain(
        '(UnauthorizedClientException)',
      );

      const other = await server.newOrganization();
      expect(await refusal(aws(server, other.credentials, ['chime', 'get-phone-number', '--phone-number-id', e164]))).toContain('(NotFoundException)');
      const theirs = await aws(server, other.credentials, ['chime-sdk-voice', 'list-phone-numbers']);
      expect(theirs.output).toEqual({ PhoneNumbers: [] });

      expect(await phoneNumber(e164)).toEqual(before);
    });
  });
}
