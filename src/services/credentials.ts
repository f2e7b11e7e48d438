import { randomBytes, randomInt } from 'node:crypto';

const KEY_ID_ALPHABET = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ234567';

/** An access key id shaped like AWS's (20 upper-case characters), prefixed so it is recognisable. */
export function newAccessKeyId(): string {
  let id = 'NYAK';
  for (let i = 0; i < 16; i += 1) id += KEY_ID_ALPHABET[randomInt(KEY_ID_ALPHABET.length)];
  return id;
}

/** 40 characters of base64, like an AWS secret access key. */
export function newSecretAccessKey(): string {
  return randomBytes(30).toString('base64');
}

export function isValidAccessKeyId(value: string): boolean {
  return /^[A-Z0-9]{16,128}$/.test(value);
}

export function isValidSecretAccessKey(value: string): boolean {
  return value.length >= 16 && value.length <= 128 && !/\s/.test(value);
}
