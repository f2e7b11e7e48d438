// The OpenAPI document at /openapi.json: valid OpenAPI 3.1, one named operation per route (Chime's
// names where Chime has the operation), SigV4 and the AWS error shape documented once; /docs browsable offline.
import * as Chime from '@aws-sdk/client-chime';
import * as Voice from '@aws-sdk/client-chime-sdk-voice';
import { Validator } from '@seriousme/openapi-schema-validator';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DIALECTS } from '../support/dialects';
import { startTestServer, type TestServer } from '../support/test-server';

interface Operation {
  operationId?: string;
  security?: unknown[];
  parameters?: { in: string; name: string; required?: boolean; schema?: { enum?: string[] } }[];
  responses: Record<string, { $ref?: string }>;
}
interface Document {
  openapi: string;
  paths: Record<string, Record<string, Operation>>;
  components: { securitySchemes: Record<string, { type: string; in: string; name: string; description: string }>; responses: Record<string, unknown>; schemas: Record<string, unknown> };
  security: unknown[];
}

// Operations numberyard has and Amazon Chime has not.
const NUMBERYARD_OPERATIONS = new Set([
  'GetHealth',
  'GetReadiness',
  'ImportPhoneNumbers',
  'ImportAvailableNumbers',
  'GetDoctorReport',
  'GetPhoneNumberHistory',
  'GetPhoneNumberRouting',
  'ListUserNotifications',
  'CreateConsoleSession',
  'GetConsoleSession',
  'DeleteConsoleSession',
]);
const isSdkCommand = (operationId: string) => `${operationId}Command` in Chime || `${operationId}Command` in Voice;

const operationsOf = (document: Document) =>
  Object.entries(document.paths).flatMap(([path, methods]) => Object.entries(methods).map(([method, operation]) => ({ path, method, operation })));

// The document does not depend on the database; one dialect is enough.
const dialect = DIALECTS[0]!;

describe(`GET /openapi.json [${dialect}]`, () => {
  let server: TestServer;
  let document: Document;
  beforeAll(async () => {
    server = await startTestServer(dialect);
    const response = await fetch(`${server.url}/openapi.json`);
    expect(response.status).toBe(200);
    document = (await response.json()) as Document;
  });
  afterAll(async () => {
    await server?.close();
  });

  it('is a valid OpenAPI 3.1 document', async () => {
    const result = await new Validator().validate(structuredClone(document) as unknown as Parameters<Validator['validate']>[0]);
    expect(result.errors ?? []).toEqual([]);
    expect(result.valid).toBe(true);
    expect(document.openapi).toBe('3.1.0');
  });

  it('names every operation once, with the Chime name wherever Chime has the operation', () => {
    const ids = operationsOf(document).map(({ operation }) => operation.operationId);
    expect(ids.every((id) => typeof id === 'string' && id.length > 0)).toBe(true);
    expect(new Set(ids).size).toBe(ids.length);
    expect(ids.filter((id) => !isSdkCommand(id!) && !NUMBERYARD_OPERATIONS.has(id!))).toEqual([]);
    expect(ids).toEqual(expect.arrayContaining(['ListPhoneNumbers', 'AssociatePhoneNumbersWithVoiceConnector', 'BatchUpdatePhoneNumber', 'ImportPhoneNumbers', 'GetPhoneNumberHistory']));
    expect(ids.length).toBeGreaterThanOrEqual(60);
  });

  it('gives operations that share a method and path their own `?operation=` path key with a required parameter', () => {
    const batchUpdate = document.paths['/phone-numbers?operation=batch-update']?.post;
    expect(batchUpdate?.operationId).toBe('BatchUpdatePhoneNumber');
    expect(batchUpdate?.parameters).toContainEqual(expect.objectContaining({ in: 'query', name: 'operation', required: true, schema: expect.objectContaining({ enum: ['batch-update'] }) }));
    expect(document.paths['/phone-numbers?operation=batch-delete']?.post?.operationId).toBe('BatchDeletePhoneNumber');
    expect(document.paths['/voice-connectors/{VoiceConnectorId}?operation=associate-phone-numbers']?.post?.operationId).toBe('AssociatePhoneNumbersWithVoiceConnector');
    expect(document.paths['/phone-numbers/{PhoneNumberId}']?.post?.operationId).toBe('UpdatePhoneNumber');
    // Every {placeholder} of a path is a declared path parameter.
    for (const { path, operation } of operationsOf(document)) {
      const placeholders = [...path.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();
      const declared = (operation.parameters ?? []).filter((p) => p.in === 'path').map((p) => p.name).sort();
      expect({ path, declared }).toEqual({ path, declared: placeholders });
    }
  });

  it('documents SigV4 and the AWS error shape once, referenced by every operation; public routes need no signature', () => {
    expect(document.components.securitySchemes.SigV4).toMatchObject({ type: 'apiKey', in: 'header', name: 'Authorization' });
    expect(document.components.securitySchemes.SigV4?.description).toMatch(/Signature Version 4/);
    expect(document.security).toEqual([{ SigV4: [] }]);
    expect(document.components.schemas.AwsError).toMatchObject({ required: ['Code', 'Message'] });
    for (const { operation } of operationsOf(document)) {
      expect(operation.responses['4XX']).toEqual({ $ref: '#/components/responses/AwsError' });
      expect(operation.responses['5XX']).toEqual({ $ref: '#/components/responses/AwsError' });
    }
    expect(document.paths['/health']?.get?.security).toEqual([]);
    expect(document.paths['/console/api/session']?.post?.security).toEqual([]);
    expect(document.paths['/phone-numbers']?.get?.security).toBeUndefined();
    // Not API operations: left out.
    expect(Object.keys(document.paths).filter((path) => /^\/(metrics|docs|openapi|console\/?$|console\/\*|$)/.test(path))).toEqual([]);
  });

  it('serves a browsable docs page that loads nothing from another origin', async () => {
    const page = await fetch(`${server.url}/docs`, { redirect: 'follow' });
    expect(page.status).toBe(200);
    const html = await page.text();
    expect(html).toMatch(/swagger-ui/i);
    expect(html).not.toMatch(/(src|href)="(https?:)?\/\//i);
    expect(page.headers.get('content-security-policy')).toMatch(/default-src 'self'/);
    const initializer = await fetch(`${server.url}/docs/static/swagger-initializer.js`);
    expect(initializer.status).toBe(200);
    const script = await initializer.text();
    // The document comes from this server, and no online validator is asked about it.
    expect(script).toContain("url: resolveUrl('./json')");
    expect(script).toContain('"validatorUrl":null');
    const bundle = await fetch(`${server.url}/docs/static/swagger-ui-bundle.js`);
    expect(bundle.status).toBe(200);
    expect(bundle.headers.get('content-type')).toMatch(/javascript/);
    expect((await bundle.arrayBuffer()).byteLength).toBeGreaterThan(100_000);
  });
});
