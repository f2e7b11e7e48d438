import fs from 'node:fs';
import { startServer } from './src/server';
import { loadConfig } from './src/config';
fs.rmSync('/tmp/prof1', { recursive: true, force: true });
const config = loadConfig({ NUMBERYARD_DATA_DIR: '/tmp/prof1', NUMBERYARD_PORT: '0' });
const server = await startServer(config, { logger: false });
const key = await server.services.organizations.bootstrapAdministrator();
const caller = { organizationId: key!.OrganizationId, accessKeyId: key!.AccessKeyId, isAdmin: true };
const AREA = ['206','212','305','312','415','503','617','702','808','919'];
const PT = ['BusinessCalling','VoiceConnector','SipMediaApplicationDialIn'] as const;
const num = (i: number) => `+1${AREA[Math.floor(i / 100000) % 10]}${200 + Math.floor((i % 100000) / 1000)}${String(i % 1000).padStart(4, '0')}`;
const t = Date.now();
for (let c = 0; c < 20; c++) {
  const items = Array.from({ length: 1000 }, (_, k) => ({ E164PhoneNumber: num(c * 1000 + k), ProductType: PT[k % 3] }));
  const s = Date.now();
  await server.services.inventoryImport.importOwnedNumbers(caller, { PhoneNumbers: items });
  if (c % 5 === 0) console.log('chunk', c, Date.now() - s, 'ms');
}
console.log('20k total', Date.now() - t);
await server.close();
