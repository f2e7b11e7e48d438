// Secret access keys must be readable by the server (SigV4 needs the secret itself to check a
// signature), so they cannot be hashed: they are sealed with AES-256-GCM under a master key that
// lives outside the database. A database dump alone then reveals no usable secret.
import { createCipheriv, createDecipheriv, randomBytes } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';

/** Stored values start with a version, so that a later key rotation or algorithm can tell old rows apart. */
const V1_PREFIX = 'v1:';
const IV_BYTES = 12;
const TAG_BYTES = 16;
export const MASTER_KEY_BYTES = 32;
export const MASTER_KEY_FILE = 'master.key';

export interface SecretBox {
  /** `context` (the access key id) is bound as associated data: a sealed secret copied onto another row does not open. */
  seal(plaintext: string, context: string): string;
  /** Throws when the value was sealed under another master key, for another context, or was altered. */
  open(stored: string, context: string): string;
  isSealed(stored: string): boolean;
}

export function createSecretBox(masterKey: Buffer): SecretBox {
  if (masterKey.length !== MASTER_KEY_BYTES) throw new Error(`The master key must be ${MASTER_KEY_BYTES} bytes`);
  return {
    seal(plaintext, context) {
      const iv = randomBytes(IV_BYTES);
      const cipher = createCipheriv('aes-256-gcm', masterKey, iv);
      cipher.setAAD(Buffer.from(context, 'utf8'));
      const ciphertext = Buffer.concat([cipher.update(plaintext, 'utf8'), cipher.final()]);
      return V1_PREFIX + Buffer.concat([iv, cipher.getAuthTag(), ciphertext]).toString('base64');
    },
    open(stored, context) {
      if (!stored.startsWith(V1_PREFIX)) throw new Error('The stored secret is not sealed');
      const raw = Buffer.from(stored.slice(V1_PREFIX.length), 'base64');
      const decipher = createDecipheriv('aes-256-gcm', masterKey, raw.subarray(0, IV_BYTES));
      decipher.setAAD(Buffer.from(context, 'utf8'));
      decipher.setAuthTag(raw.subarray(IV_BYTES, IV_BYTES + TAG_BYTES));
      return Buffer.concat([decipher.update(raw.subarray(IV_BYTES + TAG_BYTES)), decipher.final()]).toString('utf8');
    },
    isSealed(stored) {
      // Generated secrets are base64 without ':'; bootstrap secrets are refused when they start with 'v1:'.
      return stored.startsWith(V1_PREFIX);
    },
  };
}

/** The decoded NUMBERYARD_MASTER_KEY, or a reason it is not usable. */
export function parseMasterKey(base64: string): Buffer | string {
  if (!/^[A-Za-z0-9+/]+={0,2}$/.test(base64)) return 'is not base64';
  const key = Buffer.from(base64, 'base64');
  return key.length === MASTER_KEY_BYTES ? key : `decodes to ${key.length} bytes; it must be ${MASTER_KEY_BYTES} (e.g. \`openssl rand -base64 32\`)`;
}

/**
 * Without NUMBERYARD_MASTER_KEY, a single node keeps its master key in the data directory, created
 * on first start readable by the owner only. Several nodes on one PostgreSQL must share
 * NUMBERYARD_MASTER_KEY instead (each would otherwise make its own file).
 */
export function loadOrCreateMasterKeyFile(dataDir: string): Buffer {
  const file = path.join(dataDir, MASTER_KEY_FILE);
  fs.mkdirSync(dataDir, { recursive: true });
  try {
    // 'wx' fails when the file exists, so two processes starting together never overwrite each other's key.
    fs.writeFileSync(file, `${randomBytes(MASTER_KEY_BYTES).toString('base64')}\n`, { mode: 0o600, flag: 'wx' });
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
  }
  const key = parseMasterKey(fs.readFileSync(file, 'utf8').trim());
  if (typeof key === 'string') throw new Error(`The master key file ${file} ${key}`);
  return key;
}
