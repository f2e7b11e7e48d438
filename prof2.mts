import { signedFetch } from './src/client/signed-fetch';
const opts = { endpoint: 'http://127.0.0.1:18080', region: 'us-east-1', credentials: { accessKeyId: process.env.AWS_ACCESS_KEY_ID!, secretAccessKey: process.env.AWS_SECRET_ACCESS_KEY! } };
const AREA = ['206','212','305','312','415','503','617','702','808','919'];
const PT = ['BusinessCalling','VoiceConnector','SipMediaApplicationDialIn'] as const;
const num = (i: number) => `+1${AREA[Math.floor(i / 100000) % 10]}${200 + Math.floor((i % 100000) / 1000)}${String(i % 1000).padStart(4, '0')}`;
for (let c = 100; c < 110; c++) {
  const items = Array.from({ length: 1000 }, (_, k) => ({ E164PhoneNumber: num(c * 1000 + k), ProductType: PT[k % 3] }));
  const s = Date.now();
  const r = await signedFetch(opts, 'POST', '/admin/phone-numbers?operation=import', { PhoneNumbers: items });
  console.log('chunk', c, r.status, Date.now() - s, 'ms');
}
