import { randomBytes } from 'node:crypto';
import type { Clock } from './service-context';

// A UUID version 7 (RFC 9562): 48 bits of Unix milliseconds, then a 12-bit counter, then random bits.
// Ids sort as text in creation order, so a keyset page "after id X" lists resources oldest first
// without a second sort column. Node 20 has no randomUUID v7, hence these few lines.

let lastMs = -1;
let counter = 0;

export function newTimeOrderedId(clock: Clock): string {
  const bytes = randomBytes(16);
  let ms = clock.now().getTime();
  // Within one millisecond the counter keeps ids of this process increasing; if it would overflow,
  // borrow the next millisecond rather than go backwards.
  if (ms <= lastMs) {
    counter += 1;
    if (counter > 0xfff) {
      lastMs += 1;
      counter = 0;
    }
    ms = lastMs;
  } else {
    lastMs = ms;
    counter = 0;
  }
  bytes.writeUIntBE(ms, 0, 6);
  bytes[6] = 0x70 | (counter >> 8);
  bytes[7] = counter & 0xff;
  bytes[8] = 0x80 | (bytes[8]! & 0x3f);
  const hex = bytes.toString('hex');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}
