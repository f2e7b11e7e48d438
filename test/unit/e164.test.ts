import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { E164_PATTERN } from '../../src/contract/limits';
import { e164Problem, isE164, parseE164 } from '../../src/domain/e164';
import { NumberyardError } from '../../src/domain/numberyard-error';

const e164Shape = new RegExp(E164_PATTERN);

/** The BadRequest NumberyardError that parseE164 throws for `input`, or fails the test. */
function refusal(input: string): NumberyardError {
  try {
    parseE164(input);
  } catch (error) {
    expect(error).toBeInstanceOf(NumberyardError);
    expect((error as NumberyardError).code).toBe('BadRequest');
    return error as NumberyardError;
  }
  throw new Error(`parseE164 accepted ${JSON.stringify(input)}`);
}

describe('parseE164', () => {
  it('tells the country, the type and the area code of NANP numbers', () => {
    expect(parseE164('+12065550100')).toEqual({ e164: '+12065550100', country: 'US', type: 'Local', areaCode: '206' });
    expect(parseE164('+16135550123')).toEqual({ e164: '+16135550123', country: 'CA', type: 'Local', areaCode: '613' });
    expect(parseE164('+18095550100')).toMatchObject({ country: 'DO', type: 'Local', areaCode: '809' });
  });

  it('reads US toll-free numbers as TollFree, with their prefix as area code', () => {
    for (const prefix of ['800', '833', '844', '855', '866', '877', '888']) {
      expect(parseE164(`+1${prefix}5550100`)).toEqual({ e164: `+1${prefix}5550100`, country: 'US', type: 'TollFree', areaCode: prefix });
    }
  });

  it('tells the country of numbers outside North America, without an area code', () => {
    expect(parseE164('+442079460000')).toEqual({ e164: '+442079460000', country: 'GB', type: 'Local', areaCode: null });
    expect(parseE164('+44800123456')).toEqual({ e164: '+44800123456', country: 'GB', type: 'TollFree', areaCode: null });
    expect(parseE164('+33123456789')).toMatchObject({ country: 'FR', type: 'Local', areaCode: null });
    expect(parseE164('+4930123456')).toMatchObject({ country: 'DE', type: 'Local' });
    expect(parseE164('+61212345678')).toMatchObject({ country: 'AU', type: 'Local' });
    // Italian numbers keep their leading zero in E.164.
    expect(parseE164('+390612345678')).toMatchObject({ e164: '+390612345678', country: 'IT' });
  });

  it.each([
    ['a space inside', '+1 2065550100', /E\.164 format/],
    ['a trailing space', '+12065550100 ', /E\.164 format/],
    ['a trailing newline', '+12065550100\n', /E\.164 format/],
    ['punctuation', '+1 (206) 555-0100', /E\.164 format/],
    ['dashes', '+1-206-555-0100', /E\.164 format/],
    ['no plus sign', '12065550100', /E\.164 format/],
    ['two plus signs', '++12065550100', /E\.164 format/],
    ['more than 15 digits', '+1206555010012345', /E\.164 format/],
    ['a leading zero', '+012065550100', /E\.164 format/],
    ['only a plus sign', '+', /E\.164 format/],
    ['nothing', '', /E\.164 format/],
    ['letters', '+1206555CALL', /E\.164 format/],
    ['non-ASCII digits', '+١٢٠٦٥٥٥٠١٠٠', /E\.164 format/],
    ['a digit too many for its country', '+120655501001', /not a valid phone number/],
    ['an unassigned NANP area code', '+10005550100', /not a valid phone number/],
    ['no single country (international freephone)', '+80012345678', /single country/],
    ['a national trunk prefix', '+4402079460000', /write it as \+442079460000/],
  ])('refuses %s with a BadRequest naming the input', (_what, input, reason) => {
    const error = refusal(input);
    expect(error.message).toContain(JSON.stringify(input));
    expect(error.message).toMatch(reason);
    expect(e164Problem(input)).toMatch(reason);
    expect(isE164(input)).toBe(false);
  });
});

describe('parseE164 properties', () => {
  // Digit strings shaped like E.164 reach libphonenumber; arbitrary text checks the shape test.
  const e164Like = fc.stringMatching(/^\+[1-9][0-9]{1,14}$/);
  const usLike = fc.stringMatching(/^\+1[2-9][0-9]{2}[2-9][0-9]{6}$/);
  const anyText = fc.oneof(fc.string(), fc.string({ unit: 'binary' }), fc.stringMatching(/^\+?[0-9 ()+-]{0,20}$/), e164Like);

  it('never throws anything but a BadRequest NumberyardError', () => {
    fc.assert(
      fc.property(anyText, (input) => {
        try {
          parseE164(input);
        } catch (error) {
          return error instanceof NumberyardError && error.code === 'BadRequest' && error.message.includes(JSON.stringify(input));
        }
        return true;
      }),
      { numRuns: 2000 },
    );
  });

  it('accepts a string only if it round-trips unchanged and matches the E.164 pattern', () => {
    let accepted = 0;
    fc.assert(
      fc.property(fc.oneof(e164Like, usLike, anyText), (input) => {
        if (!isE164(input)) return;
        accepted += 1;
        const parsed = parseE164(input);
        expect(parsed.e164).toBe(input);
        expect(parsed.e164).toMatch(e164Shape);
        expect(parseE164(parsed.e164)).toEqual(parsed);
        expect(parsed.country).toMatch(/^[A-Z]{2}$/);
      }),
      { numRuns: 2000 },
    );
    // Guards against a generator that never produces a valid number (a property that proves nothing).
    expect(accepted).toBeGreaterThan(100);
  });

  it('gives an area code exactly to the ten-digit NANP numbers, taken from the number itself', () => {
    fc.assert(
      fc.property(fc.oneof(usLike, e164Like), (input) => {
        if (!isE164(input)) return;
        const parsed = parseE164(input);
        if (input.startsWith('+1')) expect(parsed.areaCode).toBe(input.slice(2, 5));
        else expect(parsed.areaCode).toBeNull();
      }),
      { numRuns: 1000 },
    );
  });

  it('agrees with isE164 and e164Problem', () => {
    fc.assert(
      fc.property(anyText, (input) => {
        const problem = e164Problem(input);
        expect(isE164(input)).toBe(problem === null);
        if (problem === null) expect(() => parseE164(input)).not.toThrow();
        else expect(() => parseE164(input)).toThrow(problem);
      }),
      { numRuns: 1000 },
    );
  });
});
