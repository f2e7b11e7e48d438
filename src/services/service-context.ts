import type { DatabaseHandle } from '../storage/database';
import type { SecretBox } from './secret-box';

export interface Clock {
  now(): Date;
}

export const systemClock: Clock = { now: () => new Date() };

/** Who makes a request: an access key of one organization. Every service call is scoped by it. */
export interface Caller {
  organizationId: string;
  accessKeyId: string;
  isAdmin: boolean;
}

export interface ServiceSettings {
  /** Region shown in ARNs and accepted in SigV4 credential scopes. */
  region: string;
  /** How long a deleted number can be restored before the purge job removes it. */
  deletionRestoreWindowMs: number;
}

export interface ServiceContext {
  database: DatabaseHandle;
  clock: Clock;
  settings: ServiceSettings;
  /** Seals secret access keys at rest; services refuse to create or check keys without it. */
  secretBox?: SecretBox;
}

export function isoNow(clock: Clock): string {
  return clock.now().toISOString();
}
