// Every existing route answers bad input with a typed 4xx in the AWS error shape and changes nothing:
// the inventory, the pool of available numbers and the audit log read the same before and after.
import * as Chime from '@aws-sdk/client-chime';
import * as Voice from '@aws-sdk/client-chime-sdk-voice';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ERROR_CATALOG } from '../../src/contract/errors';
import { BATCH_MAX_ITEMS, BODY_LIMIT_BYTES } from '../../src/contract/limits';
import { DIALECTS } from '../support/dialects';
import { importNumbers, usNumbers } from '../support/inventory';
import { rawSignedRequest, type RawRequest, type RawResponse } from '../support/raw-signed-request';
import { startTestServer, type TestOrganization, type TestServer } from '../support/test-server';

const NUMBER = '+12065550100';
const TOLL_FREE = '+18005550100';
const DELETED = '+12065550102';
const UNKNOWN = '+12065559999';
const path = (e164: string, query = '') => `/phone-numbers/${encodeURIComponent(e164)}${query}`;

interface BadCase {
  name: string;
  request: RawRequest;
  status: number;
  type: string;
  message?: RegExp;
}

const json = (value: unknown) => JSON.stringify(value);
const badRequest = (name: string, request: RawRequest, message?: RegExp): BadCase => ({ name, request, status: 400, type: 'BadRequestException', message });
const notFound = (name: string, request: RawRequest, message?: RegExp): BadCase => ({ name, request, status: 404, type: 'NotFoundException', message });

/** The same malformed or wrongly typed bodies, sent to every route that reads a body. */
function malformedBodies(route: string, method: string, routePath: string): BadCase[] {
  const bodies: [string, string, RegExp][] = [
    ['malformed JSON', '{"ProductType": "VoiceConnector"', /not valid JSON/],
    ['JSON with a trailing comma', '{"Name": "x",}', /not valid JSON/],
    ['an empty body', '', /body must be object/],
    ['a JSON array', '[]', /body must be object/],
    ['a JSON string', '"VoiceConnector"', /body must be object/],
    ['a JSON number', '42', /body must be object/],
    ['JSON null', 'null', /body must be object/],
    ['JSON true', 'true', /body must be object/],
  ];
  return [
    ...bodies.map(([what, body, message]) => badRequest(`${route}: ${what}`, { method, path: routePath, body }, message)),
    badRequest(`${route}: a body over 1 MiB`, { method, path: routePath, body: json({ Name: 'x'.repeat(BODY_LIMIT_BYTES) }) }, /too large/),
    badRequest(`${route}: a body that is not JSON`, { method, path: routePath, body: 'Name=x', headers: { 'content-type': 'application/x-www-form-urlencoded' } }, /must be JSON/),
  ];
}

function cases(otherOrganizationsNumber: string): BadCase[] {
  const update = path(NUMBER);
  const batchUpdate = '/phone-numbers?operation=batch-update';
  const batchDelete = '/phone-numbers?operation=batch-delete';
  const importOwned = '/admin/phone-numbers?operation=import';
  const importAvailable = '/admin/available-numbers?operation=import';
  const tooMany = usNumbers(BATCH_MAX_ITEMS + 1, 1000);
  return [
    // ListPhoneNumbers
    ...['Bogus', 'unassigned', ''].map((status) => badRequest(`ListPhoneNumbers: status ${JSON.stringify(status)}`, { method: 'GET', path: `/phone-numbers?status=${status}` })),
    badRequest('ListPhoneNumbers: product-type Foo', { method: 'GET', path: '/phone-numbers?product-type=Foo' }, /product-type/),
    badRequest('ListPhoneNumbers: filter-name Bogus', { method: 'GET', path: '/phone-numbers?filter-name=Bogus&filter-value=x' }, /filter-name/),
    badRequest('ListPhoneNumbers: filter-name without filter-value', { method: 'GET', path: '/phone-numbers?filter-name=VoiceConnectorId' }, /together/),
    badRequest('ListPhoneNumbers: status given twice', { method: 'GET', path: '/phone-numbers?status=Assigned&status=Unassigned' }),
    ...['0', '101', 'abc', '1.5', '-1', ''].map((value) =>
      badRequest(`ListPhoneNumbers: max-results ${JSON.stringify(value)}`, { method: 'GET', path: `/phone-numbers?max-results=${value}` }, /max-results/),
    ),
    ...[
      ['not base64url', 'not-a-token!'],
      ['JSON without a position', Buffer.from('{"b":"x"}').toString('base64url')],
      ['a position that is not a string', Buffer.from('{"a":1}').toString('base64url')],
      ['not JSON', Buffer.from('nope').toString('base64url')],
      ['empty', ''],
      ['too long', 'A'.repeat(600)],
    ].map(([what, token]) => badRequest(`ListPhoneNumbers: NextToken ${what}`, { method: 'GET', path: `/phone-numbers?next-token=${token}` }, /(NextToken|next-token)/i)),
    notFound('ListPhoneNumbers: an unknown operation', { method: 'GET', path: '/phone-numbers?operation=export' }),

    // GetPhoneNumber
    notFound('GetPhoneNumber: an unknown number', { method: 'GET', path: path(UNKNOWN) }, /\+12065559999 not found/),
    notFound('GetPhoneNumber: another organization’s number', { method: 'GET', path: path(otherOrganizationsNumber) }, /not found/),
    notFound('GetPhoneNumber: an id that is not E.164', { method: 'GET', path: path('abc') }),
    notFound('GetPhoneNumber: an E.164 number with a space', { method: 'GET', path: path('+1 2065550100') }),
    badRequest('GetPhoneNumber: an empty id', { method: 'GET', path: '/phone-numbers/' }),
    badRequest('GetPhoneNumber: a path that is not percent-encoded correctly', { method: 'GET', path: '/phone-numbers/%ZZ' }, /percent-encoded/),
    badRequest('GetPhoneNumber: an id of 300 characters', { method: 'GET', path: path('1'.repeat(300)) }, /too long/),

    // UpdatePhoneNumber
    ...malformedBodies('UpdatePhoneNumber', 'POST', update),
    badRequest('UpdatePhoneNumber: ProductType Foo', { method: 'POST', path: update, body: json({ ProductType: 'Foo' }) }, /ProductType/),
    badRequest('UpdatePhoneNumber: ProductType in lower case', { method: 'POST', path: update, body: json({ ProductType: 'voiceconnector' }) }, /ProductType/),
    badRequest('UpdatePhoneNumber: ProductType a number', { method: 'POST', path: update, body: json({ ProductType: 1 }) }, /ProductType/),
    badRequest('UpdatePhoneNumber: CallingName a number', { method: 'POST', path: update, body: json({ CallingName: 12345 }) }, /CallingName must be string/),
    badRequest('UpdatePhoneNumber: Name a boolean', { method: 'POST', path: update, body: json({ Name: true }) }, /Name must be string/),
    badRequest('UpdatePhoneNumber: Name an array', { method: 'POST', path: update, body: json({ Name: ['x'] }) }, /Name must be string/),
    badRequest('UpdatePhoneNumber: Name null', { method: 'POST', path: update, body: json({ Name: null }) }, /Name must be string/),
    badRequest('UpdatePhoneNumber: Name over 256 characters', { method: 'POST', path: update, body: json({ Name: 'x'.repeat(257) }) }, /Name/),
    badRequest('UpdatePhoneNumber: CallingName with punctuation', { method: 'POST', path: update, body: json({ CallingName: 'No_underscores!' }) }, /CallingName/),
    badRequest('UpdatePhoneNumber: CallingName of one letter', { method: 'POST', path: update, body: json({ CallingName: 'x' }) }, /CallingName/),
    badRequest('UpdatePhoneNumber: CallingName of 16 characters', { method: 'POST', path: update, body: json({ CallingName: 'Sixteen chars 16' }) }, /CallingName/),
    badRequest('UpdatePhoneNumber: nothing to update', { method: 'POST', path: update, body: json({}) }, /Specify one of/),
    badRequest('UpdatePhoneNumber: two details at once', { method: 'POST', path: update, body: json({ ProductType: 'SipMediaApplicationDialIn', Name: 'x' }) }, /one phone number detail/),
    badRequest('UpdatePhoneNumber: toll-free as Business Calling', { method: 'POST', path: path(TOLL_FREE), body: json({ ProductType: 'BusinessCalling' }) }, /toll-free/),
    notFound('UpdatePhoneNumber: an unknown number', { method: 'POST', path: path(UNKNOWN), body: json({ Name: 'x' }) }),
    notFound('UpdatePhoneNumber: another organization’s number', { method: 'POST', path: path(otherOrganizationsNumber), body: json({ Name: 'x' }) }),
    notFound('UpdatePhoneNumber: an id that is not E.164', { method: 'POST', path: path('12065550100'), body: json({ Name: 'x' }) }),
    notFound('UpdatePhoneNumber: an unknown operation', { method: 'POST', path: path(NUMBER, '?operation=frobnicate'), body: json({ Name: 'x' }) }),

    // RestorePhoneNumber
    badRequest('RestorePhoneNumber: a number that is not deleted', { method: 'POST', path: path(NUMBER, '?operation=restore') }, /only deleted numbers/),
    badRequest('RestorePhoneNumber: malformed JSON', { method: 'POST', path: path(DELETED, '?operation=restore'), body: '{bad' }, /not valid JSON/),
    notFound('RestorePhoneNumber: an unknown number', { method: 'POST', path: path(UNKNOWN, '?operation=restore') }),
    notFound('RestorePhoneNumber: another organization’s number', { method: 'POST', path: path(otherOrganizationsNumber, '?operation=restore') }),

    // DeletePhoneNumber
    notFound('DeletePhoneNumber: an unknown number', { method: 'DELETE', path: path(UNKNOWN) }),
    notFound('DeletePhoneNumber: another organization’s number', { method: 'DELETE', path: path(otherOrganizationsNumber) }),
    notFound('DeletePhoneNumber: an id that is not E.164', { method: 'DELETE', path: path('not a number') }),
    { name: 'DeletePhoneNumber: a number already deleted', request: { method: 'DELETE', path: path(DELETED) }, status: 409, type: 'ConflictException', message: /DeleteInProgress/ },
    badRequest('DeletePhoneNumber: with a malformed JSON body', { method: 'DELETE', path: path(NUMBER), body: '{bad' }, /not valid JSON/),

    // BatchUpdatePhoneNumber
    ...malformedBodies('BatchUpdatePhoneNumber', 'POST', batchUpdate),
    badRequest('BatchUpdatePhoneNumber: no items', { method: 'POST', path: batchUpdate, body: json({ UpdatePhoneNumberRequestItems: [] }) }, /fewer than 1/),
    badRequest('BatchUpdatePhoneNumber: items missing', { method: 'POST', path: batchUpdate, body: json({}) }, /UpdatePhoneNumberRequestItems/),
    badRequest(
      'BatchUpdatePhoneNumber: 1001 items',
      { method: 'POST', path: batchUpdate, body: json({ UpdatePhoneNumberRequestItems: tooMany.map((PhoneNumberId) => ({ PhoneNumberId, Name: 'x' })) }) },
      /more than 1000/,
    ),
    badRequest(
      'BatchUpdatePhoneNumber: items an object instead of a list',
      { method: 'POST', path: batchUpdate, body: json({ UpdatePhoneNumberRequestItems: { PhoneNumberId: NUMBER, Name: 'x' } }) },
      /must be array/,
    ),
    badRequest('BatchUpdatePhoneNumber: an item that is a string', { method: 'POST', path: batchUpdate, body: json({ UpdatePhoneNumberRequestItems: [NUMBER] }) }, /must be object/),
    badRequest('BatchUpdatePhoneNumber: an item without PhoneNumberId', { method: 'POST', path: batchUpdate, body: json({ UpdatePhoneNumberRequestItems: [{ Name: 'x' }] }) }, /PhoneNumberId/),
    badRequest(
      'BatchUpdatePhoneNumber: PhoneNumberId a number',
      { method: 'POST', path: batchUpdate, body: json({ UpdatePhoneNumberRequestItems: [{ PhoneNumberId: 12065550100, Name: 'x' }] }) },
      /PhoneNumberId must be string/,
    ),
    badRequest(
      'BatchUpdatePhoneNumber: ProductType Foo',
      { method: 'POST', path: batchUpdate, body: json({ UpdatePhoneNumberRequestItems: [{ PhoneNumberId: NUMBER, ProductType: 'Foo' }] }) },
      /ProductType/,
    ),
    badRequest(
      'BatchUpdatePhoneNumber: the same number twice',
      {
        method: 'POST',
        path: batchUpdate,
        body: json({ UpdatePhoneNumberRequestItems: [{ PhoneNumberId: NUMBER, Name: 'a' }, { PhoneNumberId: NUMBER, Name: 'b' }] }),
      },
      /more than once/,
    ),
    notFound('BatchUpdatePhoneNumber: an unknown operation', { method: 'POST', path: '/phone-numbers?operation=batch-upsert', body: json({ UpdatePhoneNumberRequestItems: [{ PhoneNumberId: NUMBER, Name: 'x' }] }) }),
    notFound('BatchUpdatePhoneNumber: no operation', { method: 'POST', path: '/phone-numbers', body: json({ UpdatePhoneNumberRequestItems: [{ PhoneNumberId: NUMBER, Name: 'x' }] }) }),

    // BatchDeletePhoneNumber
    ...malformedBodies('BatchDeletePhoneNumber', 'POST', batchDelete),
    badRequest('BatchDeletePhoneNumber: no ids', { method: 'POST', path: batchDelete, body: json({ PhoneNumberIds: [] }) }, /fewer than 1/),
    badRequest('BatchDeletePhoneNumber: 1001 ids', { method: 'POST', path: batchDelete, body: json({ PhoneNumberIds: tooMany }) }, /more than 1000/),
    badRequest('BatchDeletePhoneNumber: ids a string instead of a list', { method: 'POST', path: batchDelete, body: json({ PhoneNumberIds: NUMBER }) }, /must be array/),
    badRequest('BatchDeletePhoneNumber: an id that is a number', { method: 'POST', path: batchDelete, body: json({ PhoneNumberIds: [12065550100] }) }, /must be string/),
    badRequest('BatchDeletePhoneNumber: an empty id', { method: 'POST', path: batchDelete, body: json({ PhoneNumberIds: [''] }) }),
    badRequest('BatchDeletePhoneNumber: the same number twice', { method: 'POST', path: batchDelete, body: json({ PhoneNumberIds: [NUMBER, NUMBER] }) }, /more than once/),

    // Admin: load owned numbers
    ...malformedBodies('ImportPhoneNumbers', 'POST', importOwned),
    badRequest('ImportPhoneNumbers: no numbers', { method: 'POST', path: importOwned, body: json({ PhoneNumbers: [] }) }, /fewer than 1/),
    badRequest(
      'ImportPhoneNumbers: 1001 numbers',
      { method: 'POST', path: importOwned, body: json({ PhoneNumbers: tooMany.map((E164PhoneNumber) => ({ E164PhoneNumber, ProductType: 'VoiceConnector' })) }) },
      /more than 1000/,
    ),
    badRequest(
      'ImportPhoneNumbers: ProductType Foo',
      { method: 'POST', path: importOwned, body: json({ PhoneNumbers: [{ E164PhoneNumber: '+12065550180', ProductType: 'Foo' }] }) },
      /ProductType/,
    ),
    badRequest(
      'ImportPhoneNumbers: E164PhoneNumber a number',
      { method: 'POST', path: importOwned, body: json({ PhoneNumbers: [{ E164PhoneNumber: 12065550180, ProductType: 'VoiceConnector' }] }) },
      /E164PhoneNumber must be string/,
    ),
    badRequest(
      'ImportPhoneNumbers: OrganizationId a number',
      { method: 'POST', path: importOwned, body: json({ OrganizationId: 7, PhoneNumbers: [{ E164PhoneNumber: '+12065550180', ProductType: 'VoiceConnector' }] }) },
      /OrganizationId must be string/,
    ),
    notFound(
      'ImportPhoneNumbers: an unknown organization',
      { method: 'POST', path: importOwned, body: json({ OrganizationId: 'no-such-org', PhoneNumbers: [{ E164PhoneNumber: '+12065550180', ProductType: 'VoiceConnector' }] }) },
      /Organization no-such-org not found/,
    ),
    notFound('ImportPhoneNumbers: an unknown operation', { method: 'POST', path: '/admin/phone-numbers?operation=export', body: json({ PhoneNumbers: [] }) }),

    // Admin: load numbers for sale
    ...malformedBodies('ImportAvailableNumbers', 'POST', importAvailable),
    badRequest('ImportAvailableNumbers: no numbers', { method: 'POST', path: importAvailable, body: json({ PhoneNumbers: [] }) }, /fewer than 1/),
    badRequest(
      'ImportAvailableNumbers: 1001 numbers',
      { method: 'POST', path: importAvailable, body: json({ PhoneNumbers: tooMany.map((E164PhoneNumber) => ({ E164PhoneNumber })) }) },
      /more than 1000/,
    ),
    badRequest(
      'ImportAvailableNumbers: State in lower case',
      { method: 'POST', path: importAvailable, body: json({ PhoneNumbers: [{ E164PhoneNumber: '+12065550181', State: 'wa' }] }) },
      /State/,
    ),
    badRequest(
      'ImportAvailableNumbers: City a number',
      { method: 'POST', path: importAvailable, body: json({ PhoneNumbers: [{ E164PhoneNumber: '+12065550181', City: 5 }] }) },
      /City must be string/,
    ),

    // Health probes take no input: any other method is an unknown operation.
    notFound('health: POST', { method: 'POST', path: '/health', body: json({}) }),
    notFound('ready: DELETE', { method: 'DELETE', path: '/ready' }),
  ];
}

for (const dialect of DIALECTS) {
  describe(`bad input gets a typed 4xx and changes nothing [${dialect}]`, () => {
    let server: TestServer;
    const otherOrganizationsNumber = '+12065550190';

    /** What a user could observe: every row of the inventory and the pool, the admin's list, and the audit log's length. */
    async function snapshot() {
      const { db } = server.server.database;
      const listed: Voice.PhoneNumber[] = [];
      for await (const page of Voice.paginateListPhoneNumbers({ client: server.admin.voice }, {})) listed.push(...(page.PhoneNumbers ?? []));
      return {
        listed,
        phoneNumbers: await db.selectFrom('phone_numbers').selectAll().orderBy('e164').execute(),
        availableNumbers: await db.selectFrom('available_numbers').selectAll().orderBy('e164').execute(),
        auditEvents: Number((await db.selectFrom('audit_events').select((eb) => eb.fn.countAll().as('n')).executeTakeFirstOrThrow()).n),
      };
    }

    function expectTypedError(response: RawResponse, status: number, type: string, message?: RegExp): void {
      expect({ status: response.status, type: response.headers.get('x-amzn-errortype') }).toEqual({ status, type });
      const body = response.json as { Code: keyof typeof ERROR_CATALOG; Message: string };
      expect(Object.keys(body).sort()).toEqual(['Code', 'Message']);
      expect(ERROR_CATALOG[body.Code]).toMatchObject({ status, type });
      expect(body.Message.length).toBeGreaterThan(0);
      if (message) expect(body.Message).toMatch(message);
    }

    beforeAll(async () => {
      server = await startTestServer(dialect);
      await importNumbers(server, [NUMBER, TOLL_FREE, DELETED], 'VoiceConnector');
      await server.admin.voice.send(new Voice.UpdatePhoneNumberCommand({ PhoneNumberId: NUMBER, CallingName: 'Example Corp' }));
      await server.admin.voice.send(new Voice.DeletePhoneNumberCommand({ PhoneNumberId: DELETED }));
      await importNumbers(server, [otherOrganizationsNumber], 'VoiceConnector', await server.newOrganization());
    });
    afterAll(async () => server?.close());

    it('starts from a known inventory', async () => {
      const { listed, auditEvents } = await snapshot();
      expect(listed.map((n) => [n.E164PhoneNumber, n.Status])).toEqual([
        [NUMBER, 'Unassigned'],
        [DELETED, 'DeleteInProgress'],
        [TOLL_FREE, 'Unassigned'],
      ]);
      expect(auditEvents).toBeGreaterThan(0);
    });

    describe('signed raw requests', () => {
      for (const { name, request, status, type, message } of cases(otherOrganizationsNumber)) {
        it(name, async () => {
          const before = await snapshot();
          const response = await rawSignedRequest(server.url, request, { credentials: server.admin.credentials });
          expectTypedError(response, status, type, message);
          expect(await snapshot()).toEqual(before);
        });
      }
    });

    describe('batch items that are not E.164 or unknown', () => {
      it('are reported one by one by BatchUpdatePhoneNumber, and nothing changes', async () => {
        const before = await snapshot();
        const { PhoneNumberErrors } = await server.admin.chime.send(
          new Chime.BatchUpdatePhoneNumberCommand({
            UpdatePhoneNumberRequestItems: [
              { PhoneNumberId: 'abc', CallingName: 'Example' },
              { PhoneNumberId: UNKNOWN, CallingName: 'Example' },
              { PhoneNumberId: otherOrganizationsNumber, CallingName: 'Example' },
              { PhoneNumberId: NUMBER, CallingName: 'bad_name' },
              { PhoneNumberId: TOLL_FREE, ProductType: 'BusinessCalling' },
            ],
          }),
        );
        expect(PhoneNumberErrors?.map((e) => [e.PhoneNumberId, e.ErrorCode])).toEqual([
          ['abc', 'NotFound'],
          [UNKNOWN, 'NotFound'],
          [otherOrganizationsNumber, 'NotFound'],
          [NUMBER, 'BadRequest'],
          [TOLL_FREE, 'BadRequest'],
        ]);
        expect(await snapshot()).toEqual(before);
      });

      it('are reported one by one by BatchDeletePhoneNumber, and nothing changes', async () => {
        const before = await snapshot();
        const { PhoneNumberErrors } = await server.admin.chime.send(
          new Chime.BatchDeletePhoneNumberCommand({ PhoneNumberIds: ['abc', UNKNOWN, otherOrganizationsNumber, DELETED] }),
        );
        expect(PhoneNumberErrors?.map((e) => [e.PhoneNumberId, e.ErrorCode])).toEqual([
          ['abc', 'NotFound'],
          [UNKNOWN, 'NotFound'],
          [otherOrganizationsNumber, 'NotFound'],
          [DELETED, 'Conflict'],
        ]);
        expect(await snapshot()).toEqual(before);
      });

      it('are reported one by one when loading numbers, and nothing is loaded', async () => {
        const before = await snapshot();
        const response = await rawSignedRequest(
          server.url,
          {
            method: 'POST',
            path: '/admin/phone-numbers?operation=import',
            body: json({
              PhoneNumbers: [
                { E164PhoneNumber: '12065550180', ProductType: 'VoiceConnector' },
                { E164PhoneNumber: '+1 2065550180', ProductType: 'VoiceConnector' },
                { E164PhoneNumber: '+4402079460000', ProductType: 'SipMediaApplicationDialIn' },
                { E164PhoneNumber: '+442079460000', ProductType: 'VoiceConnector' },
                { E164PhoneNumber: '+18005550199', ProductType: 'BusinessCalling' },
              ],
            }),
          },
          { credentials: server.admin.credentials },
        );
        expect(response.status).toBe(200);
        expect((response.json as { PhoneNumberErrors: { ErrorCode: string }[] }).PhoneNumberErrors.map((e) => e.ErrorCode)).toEqual(
          Array(5).fill('BadRequest'),
        );
        expect(response.json).toMatchObject({ Imported: [], AlreadyPresent: [] });
        expect(await snapshot()).toEqual(before);
      });
    });

    describe('through the AWS SDK clients', () => {
      // Each case: what is sent, the exception class of that client it must throw, and the status.
      const sdkCases: [string, (org: TestOrganization) => Promise<unknown>, abstract new (...args: never[]) => Error, number][] = [
        ['voice ListPhoneNumbers with Status Bogus', (o) => o.voice.send(new Voice.ListPhoneNumbersCommand({ Status: 'Bogus' })), Voice.BadRequestException, 400],
        [
          'legacy ListPhoneNumbers with ProductType Foo',
          (o) => o.chime.send(new Chime.ListPhoneNumbersCommand({ ProductType: 'Foo' as Chime.PhoneNumberProductType })),
          Chime.BadRequestException,
          400,
        ],
        ['voice ListPhoneNumbers with MaxResults 0', (o) => o.voice.send(new Voice.ListPhoneNumbersCommand({ MaxResults: 0 })), Voice.BadRequestException, 400],
        ['legacy ListPhoneNumbers with MaxResults 101', (o) => o.chime.send(new Chime.ListPhoneNumbersCommand({ MaxResults: 101 })), Chime.BadRequestException, 400],
        ['voice ListPhoneNumbers with a forged NextToken', (o) => o.voice.send(new Voice.ListPhoneNumbersCommand({ NextToken: 'eyJhIjoxfQ' })), Voice.BadRequestException, 400],
        [
          'voice UpdatePhoneNumber with ProductType Foo',
          (o) => o.voice.send(new Voice.UpdatePhoneNumberCommand({ PhoneNumberId: NUMBER, ProductType: 'Foo' as Voice.PhoneNumberProductType })),
          Voice.BadRequestException,
          400,
        ],
        ['legacy UpdatePhoneNumber with nothing to update', (o) => o.chime.send(new Chime.UpdatePhoneNumberCommand({ PhoneNumberId: NUMBER })), Chime.BadRequestException, 400],
        [
          'legacy UpdatePhoneNumber with a bad calling name',
          (o) => o.chime.send(new Chime.UpdatePhoneNumberCommand({ PhoneNumberId: NUMBER, CallingName: 'Ünïcode' })),
          Chime.BadRequestException,
          400,
        ],
        ['voice BatchUpdatePhoneNumber with no items', (o) => o.voice.send(new Voice.BatchUpdatePhoneNumberCommand({ UpdatePhoneNumberRequestItems: [] })), Voice.BadRequestException, 400],
        [
          'legacy BatchUpdatePhoneNumber with 1001 items',
          (o) =>
            o.chime.send(
              new Chime.BatchUpdatePhoneNumberCommand({ UpdatePhoneNumberRequestItems: usNumbers(1001, 1000).map((PhoneNumberId) => ({ PhoneNumberId, CallingName: 'Bulk' })) }),
            ),
          Chime.BadRequestException,
          400,
        ],
        ['voice BatchDeletePhoneNumber with no ids', (o) => o.voice.send(new Voice.BatchDeletePhoneNumberCommand({ PhoneNumberIds: [] })), Voice.BadRequestException, 400],
        ['legacy BatchDeletePhoneNumber with 1001 ids', (o) => o.chime.send(new Chime.BatchDeletePhoneNumberCommand({ PhoneNumberIds: usNumbers(1001, 1000) })), Chime.BadRequestException, 400],
        ['voice GetPhoneNumber of a number that is not E.164', (o) => o.voice.send(new Voice.GetPhoneNumberCommand({ PhoneNumberId: 'abc' })), Voice.NotFoundException, 404],
        ['legacy DeletePhoneNumber of an unknown number', (o) => o.chime.send(new Chime.DeletePhoneNumberCommand({ PhoneNumberId: UNKNOWN })), Chime.NotFoundException, 404],
        ['voice RestorePhoneNumber of an unknown number', (o) => o.voice.send(new Voice.RestorePhoneNumberCommand({ PhoneNumberId: UNKNOWN })), Voice.NotFoundException, 404],
      ];

      it.each(sdkCases)('%s throws the typed exception', async (_name, send, exceptionClass, status) => {
        const before = await snapshot();
        const error = await send(server.admin).then(
          () => undefined,
          (e: unknown) => e,
        );
        expect(error).toBeInstanceOf(exceptionClass);
        expect((error as Voice.ChimeSDKVoiceServiceException).$metadata.httpStatusCode).toBe(status);
        expect(await snapshot()).toEqual(before);
      });
    });
  });
}
