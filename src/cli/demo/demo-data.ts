// The sample organization `numberyard demo` loads: fictional 555-01XX US numbers, toll-free numbers
// and a few non-US ones (the UK drama range and other example numbers), so every console page has
// something to show. Pure data.
import type { ProductType } from '../../contract/enums';

export const DEMO_ACCOUNTS = [
  { name: 'Example Corp Sales', users: [['Alice Moreno', 'alice.moreno@example.com'], ['Bilal Chaudhry', 'bilal.chaudhry@example.com'], ['Chen Wei', 'chen.wei@example.com']] },
  { name: 'Example Corp Support', users: [['Dana Okafor', 'dana.okafor@example.com'], ['Emil Lindqvist', 'emil.lindqvist@example.com']] },
] as const;

export const DEMO_VOICE_CONNECTORS = [
  { name: 'Seattle PBX', awsRegion: 'us-west-2' },
  { name: 'Frankfurt PBX', awsRegion: 'eu-central-1' },
] as const;

export const DEMO_GROUP_NAME = 'Primary trunks';
export const DEMO_SIP_MEDIA_APPLICATION = { name: 'Main IVR', awsRegion: 'us-east-1', lambdaArn: 'arn:aws:lambda:us-east-1:123456789012:function:demo-ivr' };
export const DEMO_SIP_RULE_NAME = 'Main IVR dial-in';

function range(prefix: string, first: number, count: number, digits = 4): string[] {
  return Array.from({ length: count }, (_, i) => `${prefix}${String(first + i).padStart(digits, '0')}`);
}

export interface DemoNumber {
  e164: string;
  productType: ProductType;
  name?: string;
}

const tagged = (numbers: string[], productType: ProductType, name?: string): DemoNumber[] => numbers.map((e164) => ({ e164, productType, ...(name ? { name } : {}) }));

/** The inventory: 300 numbers; the demo assigns some of each kind. */
export const DEMO_INVENTORY: DemoNumber[] = [
  ...tagged(range('+1206555', 100, 60), 'BusinessCalling', 'Seattle office'),
  ...tagged(range('+1415555', 100, 40), 'BusinessCalling', 'San Francisco office'),
  ...tagged(range('+1312555', 100, 70), 'VoiceConnector', 'Chicago trunk'),
  ...tagged(range('+1617555', 100, 30), 'VoiceConnector'),
  ...tagged(range('+1844555', 100, 20), 'VoiceConnector', 'Toll-free support line'),
  ...tagged(range('+1212555', 100, 30), 'SipMediaApplicationDialIn', 'IVR dial-in'),
  ...tagged(range('+1888555', 100, 10), 'SipMediaApplicationDialIn', 'Toll-free IVR'),
  ...tagged(range('+44207946', 0, 20), 'SipMediaApplicationDialIn', 'London dial-in'),
  ...tagged(range('+4930123456', 10, 10, 2), 'SipMediaApplicationDialIn', 'Berlin dial-in'),
  ...tagged(range('+6129123456', 0, 10, 1), 'SipMediaApplicationDialIn', 'Sydney dial-in'),
];

/** One per demo user, in DEMO_ACCOUNTS order. */
export const DEMO_USER_NUMBERS = ['+12065550100', '+12065550101', '+12065550102', '+14155550100', '+14155550101'];
export const DEMO_CONNECTOR_NUMBERS = range('+1312555', 100, 20);
export const DEMO_GROUP_NUMBERS = range('+1617555', 100, 10);
export const DEMO_SIP_RULE_NUMBER = '+12125550100';

export interface DemoPoolNumber {
  e164: string;
  city?: string;
  state?: string;
}

/** The available pool: 200 numbers to search and order. */
export const DEMO_POOL: DemoPoolNumber[] = [
  ...range('+1206555', 160, 40).map((e164) => ({ e164, city: 'Seattle', state: 'WA' })),
  ...range('+1503555', 100, 40).map((e164) => ({ e164, city: 'Portland', state: 'OR' })),
  ...range('+1305555', 100, 40).map((e164) => ({ e164, city: 'Miami', state: 'FL' })),
  ...range('+1202555', 100, 30).map((e164) => ({ e164, city: 'Washington', state: 'DC' })),
  ...range('+1800555', 100, 20).map((e164) => ({ e164 })),
  ...range('+1833555', 100, 10).map((e164) => ({ e164 })),
  ...range('+44207946', 100, 20).map((e164) => ({ e164 })),
];
