import { describe, expect, it } from 'vitest';
import { redactUrl } from '../../src/http/request-log-serializer';

describe('request log', () => {
  it('blanks query-string signatures and credentials but keeps the rest of the URL', () => {
    const url = '/phone-numbers?X-Amz-Algorithm=AWS4-HMAC-SHA256&X-Amz-Credential=NYAKABC%2F20260101%2Fus-east-1&X-Amz-Signature=deadbeef&status=Assigned';
    const logged = redactUrl(url);
    expect(logged).not.toContain('deadbeef');
    expect(logged).not.toContain('NYAKABC');
    expect(logged).toBe('/phone-numbers?X-Amz-Algorithm=AWS4-HMAC-SHA256&X-Amz-Credential=[redacted]&X-Amz-Signature=[redacted]&status=Assigned');
  });

  it('leaves ordinary URLs alone', () => {
    expect(redactUrl('/phone-numbers/%2B12065550100?operation=restore')).toBe('/phone-numbers/%2B12065550100?operation=restore');
  });
});
