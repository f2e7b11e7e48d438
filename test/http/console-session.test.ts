import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DIALECTS } from '../support/dialects';
import { importNumbers, usNumbers } from '../support/inventory';
import { startTestServer, type TestServer } from '../support/test-server';

function sessionCookie(response: Response): string {
  const setCookie = response.headers.getSetCookie().find((c) => c.startsWith('numberyard_session='));
  if (!setCookie) throw new Error('no session cookie set');
  expect(setCookie).toMatch(/HttpOnly/i);
  expect(setCookie).toMatch(/SameSite=Strict/i);
  return setCookie.split(';')[0]!;
}

for (const dialect of DIALECTS) {
  describe(`console sessions [${dialect}]`, () => {
    let server: TestServer;
    beforeAll(async () => {
      server = await startTestServer(dialect);
    });
    afterAll(async () => server?.close());

    const signIn = (AccessKeyId: string, SecretAccessKey: string) =>
      fetch(`${server.url}/console/api/session`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ AccessKeyId, SecretAccessKey }) });

    it('refuses a wrong secret without setting a cookie', async () => {
      const response = await signIn(server.admin.credentials.accessKeyId, 'wrong-secret-wrong-secret');
      expect(response.status).toBe(401);
      expect(response.headers.get('x-amzn-errortype')).toBe('UnauthorizedClientException');
      expect(response.headers.getSetCookie()).toEqual([]);
    });

    it('signs in, reads the inventory with the cookie, needs the CSRF token to change it, and signs out', async () => {
      const [number] = usNumbers(1, 700);
      await importNumbers(server, [number!], 'VoiceConnector');
      const response = await signIn(server.admin.credentials.accessKeyId, server.admin.credentials.secretAccessKey);
      expect(response.status).toBe(200);
      const session = (await response.json()) as { CsrfToken: string; OrganizationId: string };
      expect(session.OrganizationId).toBe(server.admin.organizationId);
      expect(JSON.stringify(session)).not.toContain(server.admin.credentials.secretAccessKey);
      const cookie = sessionCookie(response);

      const list = await fetch(`${server.url}/phone-numbers`, { headers: { cookie } });
      expect(list.status).toBe(200);
      expect(((await list.json()) as { PhoneNumbers: { E164PhoneNumber: string }[] }).PhoneNumbers.map((p) => p.E164PhoneNumber)).toContain(number);

      const url = `${server.url}/phone-numbers/${encodeURIComponent(number!)}`;
      const body = JSON.stringify({ ProductType: 'SipMediaApplicationDialIn' });
      const withoutCsrf = await fetch(url, { method: 'POST', headers: { cookie, 'content-type': 'application/json' }, body });
      expect(withoutCsrf.status).toBe(403);
      const unchanged = (await (await fetch(url, { headers: { cookie } })).json()) as { PhoneNumber: { ProductType: string } };
      expect(unchanged.PhoneNumber.ProductType).toBe('VoiceConnector');

      const withCsrf = await fetch(url, { method: 'POST', headers: { cookie, 'content-type': 'application/json', 'x-csrf-token': session.CsrfToken }, body });
      expect(withCsrf.status).toBe(200);
      expect(((await withCsrf.json()) as { PhoneNumber: { ProductType: string } }).PhoneNumber.ProductType).toBe('SipMediaApplicationDialIn');

      const again = await fetch(`${server.url}/console/api/session`, { headers: { cookie } });
      expect(((await again.json()) as { CsrfToken: string }).CsrfToken).toBe(session.CsrfToken);

      expect((await fetch(`${server.url}/console/api/session`, { method: 'DELETE', headers: { cookie } })).status).toBe(204);
      expect((await fetch(`${server.url}/phone-numbers`, { headers: { cookie } })).status).toBe(401);
    });

    it('ends the sessions of a revoked key', async () => {
      const other = await server.newOrganization();
      const response = await signIn(other.credentials.accessKeyId, other.credentials.secretAccessKey);
      const cookie = sessionCookie(response);
      expect((await fetch(`${server.url}/phone-numbers`, { headers: { cookie } })).status).toBe(200);
      await server.server.services.organizations.revokeAccessKey(other.credentials.accessKeyId);
      expect((await fetch(`${server.url}/phone-numbers`, { headers: { cookie } })).status).toBe(401);
    });
  });
}

describe('console sessions behind HTTPS (NUMBERYARD_SECURE_COOKIES=on)', () => {
  it('marks the session cookie Secure only when told to', async () => {
    const { loadConfig } = await import('../../src/config');
    expect(loadConfig({ NUMBERYARD_SECURE_COOKIES: 'on' }).secureCookies).toBe(true);
    expect(loadConfig({}).secureCookies).toBe(false);
    expect(() => loadConfig({ NUMBERYARD_SECURE_COOKIES: 'yes' })).toThrow(/NUMBERYARD_SECURE_COOKIES must be on or off/);

    for (const secureCookies of [true, false]) {
      const server = await startTestServer('sqlite', { config: { secureCookies } });
      try {
        const { accessKeyId, secretAccessKey } = server.admin.credentials;
        const response = await fetch(`${server.url}/console/api/session`, {
          method: 'POST',
          headers: { 'content-type': 'application/json' },
          body: JSON.stringify({ AccessKeyId: accessKeyId, SecretAccessKey: secretAccessKey }),
        });
        const setCookie = response.headers.getSetCookie().find((c) => c.startsWith('numberyard_session='))!;
        expect(/;\s*Secure/i.test(setCookie), setCookie).toBe(secureCookies);
      } finally {
        await server.close();
      }
    }
  });
});

describe('sign-in attempts from one address', () => {
  it('are cut off with 429 and Retry-After past a burst, whatever usernames they try', async () => {
    const server = await startTestServer('sqlite');
    try {
      // New usernames each time: the per-name throttle never sees two failures for one name.
      const attempts = await Promise.all(
        Array.from({ length: 80 }, (_, i) =>
          fetch(`${server.url}/console/api/session`, {
            method: 'POST',
            headers: { 'content-type': 'application/json' },
            body: JSON.stringify({ Username: `guess-${i}`, Password: 'not the password' }),
          }),
        ),
      );
      const throttled = attempts.filter((response) => response.status === 429);
      expect(attempts.filter((response) => response.status === 401).length).toBeGreaterThan(0);
      expect(throttled.length).toBeGreaterThanOrEqual(20);
      expect(throttled.every((response) => Number(response.headers.get('retry-after')) >= 1)).toBe(true);
      expect(throttled[0]!.headers.get('x-amzn-errortype')).toBe('ThrottledClientException');
    } finally {
      await server.close();
    }
  });
});
