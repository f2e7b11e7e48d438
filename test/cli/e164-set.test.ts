import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { E164Set } from '../../src/cli/import/e164-set';

describe("the import's set of numbers seen", () => {
  it('answers like a Map from number to first line, through every growth', () => {
    // Random numbers, and a few that repeat often.
    const e164 = fc.oneof(fc.stringMatching(/^\+[1-9][0-9]{1,14}$/), fc.constantFrom('+12065550100', '+442079460000', '+19', '+999999999999999'));
    fc.assert(
      fc.property(fc.array(e164, { maxLength: 3000 }), (numbers) => {
        const set = new E164Set(true);
        const untracked = new E164Set(false);
        const model = new Map<string, number>();
        numbers.forEach((number, line) => {
          expect(set.addOrGetLine(number, line + 1)).toBe(model.get(number));
          expect(untracked.addOrGetLine(number, line + 1)).toBe(model.has(number) ? 0 : undefined);
          if (!model.has(number)) model.set(number, line + 1);
        });
        expect(set.size).toBe(model.size);
        expect(untracked.size).toBe(model.size);
      }),
      { numRuns: 50 },
    );
  });
});
