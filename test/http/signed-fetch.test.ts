import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { signedFetch } from '../../src/client/signed-fetch';
import { DIALECTS } from '../support/dialects';
import { startTestServer, TEST_REGION, type TestServer } from '../support/test-server';

// The CLI and the extension routes' callers sign with signedFetch: what it sends must be what it signed.
for (const dialect of DIALECTS.slice(0, 1)) {
  describe(`signedFetch [${dialect}]`, () => {
    let server: TestServer;
    beforeAll(async () => {
      server = await startTestServer(dialect);
    });
    afterAll(async () => server?.close());

    it('signs query values with spaces and reserved characters the way the server checks them', async () => {
      const options = { endpoint: server.url, region: TEST_REGION, credentials: server.admin.credentials };
      // A token with a space is not one numberyard issued: the answer must be about the token (400), not the signature (403).
      const response = await signedFetch<{ Message: string }>(options, 'GET', `/phone-numbers?next-token=${encodeURIComponent("not a token!'()*")}`);
      expect(response.status).toBe(400);
      expect(response.headers.get('x-amzn-errortype')).toBe('BadRequestException');
      expect(response.body.Message).toMatch(/NextToken/);
    });
  });
}
