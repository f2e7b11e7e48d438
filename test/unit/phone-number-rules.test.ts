import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { PHONE_NUMBER_STATUSES, PHONE_NUMBER_TYPES, PRODUCT_TYPES, type ProductType } from '../../src/contract/enums';
import { CALLING_NAME_PATTERN } from '../../src/contract/limits';
import { NumberyardError } from '../../src/domain/numberyard-error';
import {
  allowedProductTypes,
  assertCallingName,
  assertProductTypeAllowed,
  assertProductTypeChangeable,
  capabilitiesOf,
  productTypeLabel,
  productTypeProblem,
  singleChange,
  type NumberIdentity,
  type PhoneNumberChange,
} from '../../src/domain/phone-number-rules';

const usLocal: NumberIdentity = { e164: '+12065550100', country: 'US', type: 'Local' };
const usTollFree: NumberIdentity = { e164: '+18005550100', country: 'US', type: 'TollFree' };
const gbLocal: NumberIdentity = { e164: '+442079460000', country: 'GB', type: 'Local' };
const gbTollFree: NumberIdentity = { e164: '+44800123456', country: 'GB', type: 'TollFree' };

/** The catalog error `fn` throws, or fails the test when it does not throw one. */
function thrown(fn: () => unknown): NumberyardError {
  try {
    fn();
  } catch (error) {
    expect(error).toBeInstanceOf(NumberyardError);
    return error as NumberyardError;
  }
  throw new Error('expected a NumberyardError');
}

const productType = fc.constantFrom(...PRODUCT_TYPES);
const identity = fc.record({
  e164: fc.constant('+10000000000'),
  country: fc.oneof(fc.constant('US'), fc.constantFrom('CA', 'GB', 'DE', 'FR', 'JP', 'AU', 'DO'), fc.stringMatching(/^[A-Z]{2}$/)),
  type: fc.constantFrom(...PHONE_NUMBER_TYPES),
});

describe('product types', () => {
  it('labels product types as the console does', () => {
    expect(PRODUCT_TYPES.map(productTypeLabel)).toEqual(['Business Calling', 'Voice Connector', 'SIP Media Application Dial-In']);
  });

  it('lets a US local number have every product type', () => {
    expect(allowedProductTypes(usLocal)).toEqual(['BusinessCalling', 'VoiceConnector', 'SipMediaApplicationDialIn']);
    for (const type of PRODUCT_TYPES) expect(() => assertProductTypeAllowed(usLocal, type)).not.toThrow();
  });

  it('refuses Business Calling for a toll-free number, saying why', () => {
    expect(allowedProductTypes(usTollFree)).toEqual(['VoiceConnector', 'SipMediaApplicationDialIn']);
    const error = thrown(() => assertProductTypeAllowed(usTollFree, 'BusinessCalling'));
    expect(error.code).toBe('BadRequest');
    expect(error.message).toMatch(/\+18005550100 is a toll-free number/);
  });

  it('allows only SIP Media Application Dial-In for a non-US number, naming its country', () => {
    expect(allowedProductTypes(gbLocal)).toEqual(['SipMediaApplicationDialIn']);
    expect(allowedProductTypes(gbTollFree)).toEqual(['SipMediaApplicationDialIn']);
    for (const type of ['BusinessCalling', 'VoiceConnector'] as const) {
      const error = thrown(() => assertProductTypeAllowed(gbLocal, type));
      expect(error.code).toBe('BadRequest');
      expect(error.message).toMatch(/non-US number \(GB\)/);
      expect(error.message).toContain(productTypeLabel(type));
    }
    expect(() => assertProductTypeAllowed(gbLocal, 'SipMediaApplicationDialIn')).not.toThrow();
  });

  it('treats Canada, which shares +1, as non-US', () => {
    expect(allowedProductTypes({ e164: '+16135550123', country: 'CA', type: 'Local' })).toEqual(['SipMediaApplicationDialIn']);
  });

  it('always allows SIP Media Application Dial-In, and Business Calling never for toll-free or non-US numbers', () => {
    fc.assert(
      fc.property(identity, (number) => {
        const allowed = allowedProductTypes(number);
        expect(allowed).toContain('SipMediaApplicationDialIn');
        if (number.type === 'TollFree' || number.country !== 'US') expect(allowed).not.toContain('BusinessCalling');
        if (number.country !== 'US') expect(allowed).toEqual(['SipMediaApplicationDialIn']);
        if (number.country === 'US' && number.type === 'Local') expect(allowed).toEqual([...PRODUCT_TYPES]);
      }),
    );
  });

  it('allowedProductTypes, productTypeProblem and assertProductTypeAllowed agree', () => {
    fc.assert(
      fc.property(identity, productType, (number, type) => {
        const allowed = allowedProductTypes(number).includes(type);
        expect(productTypeProblem(number, type) === null).toBe(allowed);
        if (allowed) expect(() => assertProductTypeAllowed(number, type)).not.toThrow();
        else expect(thrown(() => assertProductTypeAllowed(number, type)).code).toBe('BadRequest');
      }),
    );
  });
});

describe('changing the product type', () => {
  it('is possible only while the number is Unassigned', () => {
    expect(() => assertProductTypeChangeable('+12065550100', 'Unassigned')).not.toThrow();
  });

  it('is refused for an assigned number with PhoneNumberAssociationsExist', () => {
    const error = thrown(() => assertProductTypeChangeable('+12065550100', 'Assigned'));
    expect(error.code).toBe('PhoneNumberAssociationsExist');
    expect(error.message).toMatch(/only be changed while it is Unassigned; it is Assigned/);
  });

  it('is refused in every other status with Conflict', () => {
    for (const status of PHONE_NUMBER_STATUSES.filter((s) => s !== 'Unassigned' && s !== 'Assigned')) {
      const error = thrown(() => assertProductTypeChangeable('+12065550100', status));
      expect(error.code).toBe('Conflict');
      expect(error.message).toContain(status);
    }
  });
});

describe('calling names', () => {
  const callingNameShape = new RegExp(CALLING_NAME_PATTERN);

  it.each(['', 'ab', 'Example Corp', 'ACME 24', '123456789012345', '  '])('accepts %j', (name) => {
    expect(() => assertCallingName(name)).not.toThrow();
  });

  it.each(['a', '1234567890123456', 'No_underscores!', 'Café', 'tab\there', 'new\nline', 'O’Brien', 'a-b'])('refuses %j with BadRequest', (name) => {
    const error = thrown(() => assertCallingName(name));
    expect(error.code).toBe('BadRequest');
    expect(error.message).toContain(JSON.stringify(name));
  });

  it('accepts exactly the empty string and ^[a-zA-Z0-9 ]{2,15}$', () => {
    const names = fc.oneof(fc.string({ maxLength: 20 }), fc.string({ unit: 'binary', maxLength: 20 }), fc.stringMatching(/^[a-zA-Z0-9 ]{0,17}$/));
    fc.assert(
      fc.property(names, (name) => {
        const valid = name === '' || callingNameShape.test(name);
        if (valid) expect(() => assertCallingName(name)).not.toThrow();
        else expect(thrown(() => assertCallingName(name)).code).toBe('BadRequest');
      }),
      { numRuns: 2000 },
    );
  });
});

describe('one detail per update', () => {
  it('returns the one attribute that is set', () => {
    expect(singleChange({ ProductType: 'VoiceConnector' })).toEqual({ attribute: 'ProductType', value: 'VoiceConnector' });
    expect(singleChange({ CallingName: 'Example Corp' })).toEqual({ attribute: 'CallingName', value: 'Example Corp' });
    expect(singleChange({ CallingName: '' })).toEqual({ attribute: 'CallingName', value: '' });
    expect(singleChange({ Name: '' })).toEqual({ attribute: 'Name', value: '' });
    expect(singleChange({ Name: 'front desk', CallingName: undefined })).toEqual({ attribute: 'Name', value: 'front desk' });
  });

  it('refuses an update of nothing', () => {
    const error = thrown(() => singleChange({}));
    expect(error.code).toBe('BadRequest');
    expect(error.message).toMatch(/Specify one of ProductType, CallingName or Name/);
  });

  it('refuses an update of two details, naming them', () => {
    const error = thrown(() => singleChange({ ProductType: 'VoiceConnector', Name: 'x' }));
    expect(error.code).toBe('BadRequest');
    expect(error.message).toMatch(/one phone number detail.*ProductType, Name/);
  });

  it('checks the calling name it accepts', () => {
    expect(thrown(() => singleChange({ CallingName: 'x' })).code).toBe('BadRequest');
  });

  it('accepts exactly the objects with one defined key', () => {
    // Each key is left out, set to undefined, or given a valid value.
    const slot = <T>(value: fc.Arbitrary<T>) => fc.option(fc.option(value, { nil: undefined }), { nil: null });
    const change = fc.record({
      ProductType: slot(productType as fc.Arbitrary<ProductType>),
      CallingName: slot(fc.oneof(fc.constant(''), fc.stringMatching(/^[a-zA-Z0-9 ]{2,15}$/))),
      Name: slot(fc.string({ maxLength: 30 })),
    });
    fc.assert(
      fc.property(change, (slots) => {
        const input: PhoneNumberChange = {};
        for (const [key, value] of Object.entries(slots)) if (value !== null) Object.assign(input, { [key]: value });
        const defined = Object.entries(input).filter(([, value]) => value !== undefined);
        if (defined.length === 1) {
          const [key, value] = defined[0]!;
          expect(singleChange(input)).toEqual({ attribute: key, value });
        } else {
          expect(thrown(() => singleChange(input)).code).toBe('BadRequest');
        }
      }),
      { numRuns: 1000 },
    );
  });
});

describe('capabilities', () => {
  it('lets only US local Business Calling numbers send and receive texts', () => {
    expect(capabilitiesOf(usLocal, 'BusinessCalling')).toEqual({
      InboundCall: true,
      OutboundCall: true,
      InboundSMS: true,
      OutboundSMS: true,
      InboundMMS: true,
      OutboundMMS: true,
    });
    expect(capabilitiesOf(usLocal, 'VoiceConnector')).toEqual({
      InboundCall: true,
      OutboundCall: true,
      InboundSMS: false,
      OutboundSMS: false,
      InboundMMS: false,
      OutboundMMS: false,
    });
  });

  it('always allows calls, and texts exactly for US local Business Calling numbers', () => {
    fc.assert(
      fc.property(identity, productType, (number, type) => {
        const capabilities = capabilitiesOf(number, type);
        expect(capabilities.InboundCall && capabilities.OutboundCall).toBe(true);
        const texts = type === 'BusinessCalling' && number.country === 'US' && number.type === 'Local';
        for (const key of ['InboundSMS', 'OutboundSMS', 'InboundMMS', 'OutboundMMS'] as const) expect(capabilities[key]).toBe(texts);
      }),
    );
  });
});
