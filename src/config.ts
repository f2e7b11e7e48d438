import { isIP } from 'node:net';
import path from 'node:path';
import { parseMasterKey } from './services/secret-box';

export interface Config {
  host: string;
  port: number;
  dataDir: string;
  /** postgres://... switches storage to PostgreSQL; otherwise SQLite at <dataDir>/numberyard.db. */
  databaseUrl: string | undefined;
  logLevel: 'fatal' | 'error' | 'warn' | 'info' | 'debug' | 'trace' | 'silent';
  region: string;
  bootstrapAccessKeyId: string | undefined;
  bootstrapSecretAccessKey: string | undefined;
  deletionRestoreWindowMs: number;
  jobIntervalMs: number;
  /** NUMBERYARD_MASTER_KEY, which seals secret access keys; unset: a key file in dataDir (one node only). */
  masterKey?: Buffer;
  /** Requests per second and burst allowed per access key on each node; unset: no limit. */
  rateLimit?: { perSecond: number; burst: number };
  /** NUMBERYARD_METRICS=off removes the unsigned GET /metrics; unset: served. */
  metrics?: boolean;
  /** NUMBERYARD_SECURE_COOKIES=on marks the console's session cookie Secure (served over HTTPS, e.g. behind a TLS proxy). */
  secureCookies?: boolean;
}

export class ConfigError extends Error {
  constructor(readonly problems: string[]) {
    super(`numberyard cannot start; fix these settings:\n${problems.map((p) => `  - ${p}`).join('\n')}`);
    this.name = 'ConfigError';
  }
}

const LOG_LEVELS = ['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'] as const;
const DAY_MS = 24 * 60 * 60 * 1000;

/** A DNS host name (RFC 1123): dot-separated labels of letters, digits and inner hyphens. */
function isHostName(value: string): boolean {
  return value.length <= 253 && value.replace(/\.$/, '').split('.').every((label) => /^[a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?$/i.test(label));
}

/** Reads every setting from the environment once; lists all bad settings together rather than the first. */
export function loadConfig(env: NodeJS.ProcessEnv = process.env): Config {
  const problems: string[] = [];

  function integer(name: string, fallback: number, min: number, max: number): number {
    const raw = env[name];
    if (raw === undefined || raw === '') return fallback;
    const value = Number(raw);
    if (!Number.isInteger(value) || value < min || value > max) {
      problems.push(`${name}=${JSON.stringify(raw)} must be a whole number from ${min} to ${max}`);
      return fallback;
    }
    return value;
  }

  const port = integer('NUMBERYARD_PORT', 8080, 0, 65535);
  const restoreDays = integer('NUMBERYARD_DELETION_RESTORE_DAYS', 7, 0, 365);
  const jobIntervalMs = integer('NUMBERYARD_JOB_INTERVAL_MS', 10_000, 10, 3_600_000);

  const host = env.NUMBERYARD_HOST || '127.0.0.1';
  if (!isIP(host) && !isHostName(host)) {
    problems.push(`NUMBERYARD_HOST=${JSON.stringify(host)} must be an IP address (such as 127.0.0.1, 0.0.0.0 or ::) or a host name`);
  }
  const dataDir = path.resolve(env.NUMBERYARD_DATA_DIR || 'data');

  const databaseUrl = env.DATABASE_URL || undefined;
  if (databaseUrl !== undefined && !/^postgres(ql)?:\/\//.test(databaseUrl)) {
    problems.push('DATABASE_URL must be a postgres:// or postgresql:// URL (leave it unset for the embedded SQLite database)');
  }

  const logLevel = (env.NUMBERYARD_LOG_LEVEL || 'info') as Config['logLevel'];
  if (!LOG_LEVELS.includes(logLevel)) problems.push(`NUMBERYARD_LOG_LEVEL must be one of ${LOG_LEVELS.join(', ')}`);

  const region = env.NUMBERYARD_REGION || 'us-east-1';
  if (!/^[a-z]{2}(-[a-z]+)+-\d$/.test(region)) problems.push(`NUMBERYARD_REGION=${JSON.stringify(region)} is not a region name such as us-east-1`);

  const bootstrapAccessKeyId = env.NUMBERYARD_ACCESS_KEY_ID || undefined;
  const bootstrapSecretAccessKey = env.NUMBERYARD_SECRET_ACCESS_KEY || undefined;
  if ((bootstrapAccessKeyId === undefined) !== (bootstrapSecretAccessKey === undefined)) {
    problems.push('NUMBERYARD_ACCESS_KEY_ID and NUMBERYARD_SECRET_ACCESS_KEY must be set together');
  }
  if (bootstrapAccessKeyId !== undefined && !/^[A-Z0-9]{16,128}$/.test(bootstrapAccessKeyId)) {
    problems.push('NUMBERYARD_ACCESS_KEY_ID must be 16 to 128 upper-case letters or digits');
  }
  if (bootstrapSecretAccessKey !== undefined && (bootstrapSecretAccessKey.length < 16 || /\s/.test(bootstrapSecretAccessKey))) {
    problems.push('NUMBERYARD_SECRET_ACCESS_KEY must be at least 16 characters without spaces');
  }

  let masterKey: Buffer | undefined;
  if (env.NUMBERYARD_MASTER_KEY) {
    const parsed = parseMasterKey(env.NUMBERYARD_MASTER_KEY.trim());
    if (typeof parsed === 'string') problems.push(`NUMBERYARD_MASTER_KEY ${parsed}`);
    else masterKey = parsed;
  }

  const ratePerSecond = integer('NUMBERYARD_RATE_LIMIT_PER_SECOND', 200, 0, 1_000_000);
  const rateBurst = integer('NUMBERYARD_RATE_LIMIT_BURST', Math.max(ratePerSecond * 2, 1), 1, 10_000_000);

  const metrics = env.NUMBERYARD_METRICS || 'on';
  if (metrics !== 'on' && metrics !== 'off') problems.push('NUMBERYARD_METRICS must be on or off');
  const secureCookies = env.NUMBERYARD_SECURE_COOKIES || 'off';
  if (secureCookies !== 'on' && secureCookies !== 'off') problems.push('NUMBERYARD_SECURE_COOKIES must be on or off');

  if (problems.length > 0) throw new ConfigError(problems);
  return {
    host,
    port,
    dataDir,
    databaseUrl,
    logLevel,
    region,
    bootstrapAccessKeyId,
    bootstrapSecretAccessKey,
    deletionRestoreWindowMs: restoreDays * DAY_MS,
    jobIntervalMs,
    ...(masterKey ? { masterKey } : {}),
    ...(ratePerSecond > 0 ? { rateLimit: { perSecond: ratePerSecond, burst: rateBurst } } : {}),
    metrics: metrics === 'on',
    secureCookies: secureCookies === 'on',
  };
}
