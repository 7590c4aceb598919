// chunkAddresses: Office.js getRanges takes address lists under 8,192 characters.
import fc from 'fast-check';
import { chunkAddresses } from '../../../src/hosts/officejs/address';

describe('chunkAddresses — getRanges takes fewer than 8,192 characters', () => {
  test('2,000 schools × 3 cells split into lists each < 8,192 characters, order kept', () => {
    const addresses = Array.from({ length: 6000 }, (_, i) => `${['H', 'AB', 'XFD'][i % 3]}${1000000 + i}`);
    const chunks = chunkAddresses(addresses);
    expect(chunks.length).toBeGreaterThan(1);
    for (const chunk of chunks) expect(chunk.length).toBeLessThan(8192);
    expect(chunks.join(',').split(',')).toEqual(addresses);
  });

  test('property: every chunk ≤ maxChars and the concatenation is the input', () => {
    fc.assert(
      fc.property(
        fc.array(fc.stringMatching(/^[A-Z]{1,3}[1-9][0-9]{0,6}$/), { maxLength: 400 }),
        fc.integer({ min: 12, max: 8191 }),
        (addresses, maxChars) => {
          const chunks = chunkAddresses(addresses, maxChars);
          for (const chunk of chunks) expect(chunk.length).toBeLessThanOrEqual(maxChars);
          expect(chunks.length === 0 ? [] : chunks.join(',').split(',')).toEqual(addresses);
        },
      ),
    );
  });

  test('a limit of 8,192 or more is a programmer error', () => {
    expect(() => chunkAddresses(['A1'], 8192)).toThrow(RangeError);
  });
});
