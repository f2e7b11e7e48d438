import { ChimeSDKVoiceClient, ListPhoneNumbersCommand, ThrottledClientException } from '@aws-sdk/client-chime-sdk-voice';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ConfigError, loadConfig } from '../../src/config';
import { createRateLimiter } from '../../src/http/rate-limit';
import { DIALECTS } from '../support/dialects';
import { startTestServer, TEST_REGION, type TestOrganization, type TestServer } from '../support/test-server';

describe('rate limit settings and bucket', () => {
  it('defaults to 200 requests per second with bursts of 400, turns off at 0, and lists bad values', () => {
    expect(loadConfig({}).rateLimit).toEqual({ perSecond: 200, burst: 400 });
    expect(loadConfig({ NUMBERYARD_RATE_LIMIT_PER_SECOND: '50' }).rateLimit).toEqual({ perSecond: 50, burst: 100 });
    expect(loadConfig({ NUMBERYARD_RATE_LIMIT_PER_SECOND: '50', NUMBERYARD_RATE_LIMIT_BURST: '60' }).rateLimit).toEqual({ perSecond: 50, burst: 60 });
    expect(loadConfig({ NUMBERYARD_RATE_LIMIT_PER_SECOND: '0' }).rateLimit).toBeUndefined();
    expect(() => loadConfig({ NUMBERYARD_RATE_LIMIT_PER_SECOND: '-1', NUMBERYARD_RATE_LIMIT_BURST: 'lots' })).toThrow(ConfigError);
    try {
      loadConfig({ NUMBERYARD_RATE_LIMIT_PER_SECOND: '-1', NUMBERYARD_RATE_LIMIT_BURST: 'lots' });
    } catch (error) {
      expect((error as ConfigError).problems).toHaveLength(2);
    }
  });

  it('allows a burst, then refills at the configured rate, per key', () => {
    let now = 0;
    const limiter = createRateLimiter({ perSecond: 10, burst: 3 }, () => now);
    expect([limiter.take('A'), limiter.take('A'), limiter.take('A')]).toEqual([0, 0, 0]);
    expect(limiter.take('A')).toBeCloseTo(0.1);
    expect(limiter.take('B')).toBe(0);
    now += 100;
    expect(limiter.take('A')).toBe(0);
    expect(limiter.take('A')).toBeGreaterThan(0);
    now += 10_000;
    expect([limiter.take('A'), limiter.take('A'), limiter.take('A'), limiter.take('A')].filter((w) => w === 0)).toHaveLength(3);
  });
});

for (const dialect of DIALECTS) {
  describe(`request-rate limit per access key [${dialect}]`, () => {
    let server: TestServer;
    let org: TestOrganization;
    beforeAll(async () => {
      server = await startTestServer(dialect, { config: { rateLimit: { perSecond: 2, burst: 2 } } });
      org = await server.newOrganization();
    });
    afterAll(async () => server?.close());

    const client = (maxAttempts: number) =>
      new ChimeSDKVoiceClient({ endpoint: server.url, region: TEST_REGION, credentials: org.credentials, maxAttempts });
    const drain = async () => {
      // Wait for a full bucket, then spend it.
      await new Promise((resolve) => setTimeout(resolve, 1100));
      const once = client(1);
      for (let i = 0; i < 2; i += 1) await once.send(new ListPhoneNumbersCommand({}));
    };

    it('answers ThrottledClientException (429, Retry-After) once a key spends its burst, without touching other keys', async () => {
      await drain();
      const error = await client(1)
        .send(new ListPhoneNumbersCommand({}))
        .then(() => undefined, (e: unknown) => e);
      expect(error).toBeInstanceOf(ThrottledClientException);
      expect((error as ThrottledClientException).$metadata.httpStatusCode).toBe(429);
      expect(Number((error as ThrottledClientException).$response?.headers['retry-after'])).toBeGreaterThanOrEqual(1);
      // Another organization's key has its own bucket.
      await expect(server.admin.voice.send(new ListPhoneNumbersCommand({}))).resolves.toBeDefined();
    });

    it('lets an SDK client that retries (maxAttempts 3) succeed after being throttled', async () => {
      await drain();
      const result = await client(3).send(new ListPhoneNumbersCommand({}));
      expect(result.PhoneNumbers).toEqual([]);
      expect(result.$metadata.attempts).toBeGreaterThanOrEqual(2);
    });

    it('spends no tokens on requests that fail authentication', async () => {
      await new Promise((resolve) => setTimeout(resolve, 1100));
      const forged = new ChimeSDKVoiceClient({
        endpoint: server.url,
        region: TEST_REGION,
        credentials: { accessKeyId: org.credentials.accessKeyId, secretAccessKey: 'not-the-secret-not-the-secret' },
        maxAttempts: 1,
      });
      for (let i = 0; i < 5; i += 1) await expect(forged.send(new ListPhoneNumbersCommand({}))).rejects.toMatchObject({ name: 'ForbiddenException' });
      await expect(client(1).send(new ListPhoneNumbersCommand({}))).resolves.toBeDefined();
    });
  });
}
