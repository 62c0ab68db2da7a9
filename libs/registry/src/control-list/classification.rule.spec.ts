import { classify } from './classification.rule';
import type { EntryInForce } from './control-list.state';

// A test list of one entry; its code and wording are test data, not the reference data.
const dysprosiumOxide: EntryInForce = {
  entry: { controlCode: '1C902', description: 'Dysprosium oxide', elements: ['Dy'], productForms: ['separated-oxide'], referenceHsCodes: ['2846901500'] },
  source: { number: 'Test announcement A', effectiveOn: '2025-04-04', textUrl: 'https://example.test/a' },
};
const watchListOwned = {
  kind: 'restricted-end-user',
  partyId: 'p-1',
  partyName: 'Listed Holdings',
  listName: 'Watch List',
  chain: ['Magnet Works GmbH', 'Listed Holdings'],
} as const;

describe('classify', () => {
  it('a listed item needs a licence, citing the entry and its announcement', () => {
    const result = classify([dysprosiumOxide], { element: 'Dy', productForm: 'separated-oxide', hsCode: '2846.90' }, '2026-01-15');
    expect(result).toMatchObject({ on: '2026-01-15', controlled: true, controlCode: '1C902', licenceRequired: true, hsCodeMatches: true, catchAll: [] });
    expect(result.entries).toEqual([
      { controlCode: '1C902', description: 'Dysprosium oxide', announcement: 'Test announcement A', effectiveOn: '2025-04-04', textUrl: 'https://example.test/a' },
    ]);
    expect(result.reasons).toEqual(['Listed under 1C902 (Dysprosium oxide) by Test announcement A, in force since 2025-04-04']);
  });

  it('an unlisted item needs no licence when no catch-all ground applies', () => {
    const result = classify([dysprosiumOxide], { element: 'Ce', productForm: 'separated-oxide', hsCode: '2846.10' }, '2026-01-15');
    expect(result).toMatchObject({ controlled: false, controlCode: null, licenceRequired: false, entries: [] });
    expect(result.reasons[0]).toMatch(/^Not on the control list in force on 2026-01-15/);
  });

  it('an unlisted item needs a licence on each catch-all ground, each given as a reason', () => {
    const result = classify([dysprosiumOxide], { element: 'Ce', productForm: 'separated-oxide', hsCode: '2846.10' }, '2026-01-15', [
      watchListOwned,
      { kind: 'military-end-use' },
      { kind: 'officer-notice', reason: 'diversion risk', notifiedBy: 'officer-1' },
    ]);
    expect(result).toMatchObject({ controlled: false, licenceRequired: true });
    expect(result.reasons).toEqual([
      'Catch-all: the end user Magnet Works GmbH is owned 50 % or more by Listed Holdings (Watch List) through Magnet Works GmbH ← Listed Holdings',
      'Catch-all: the end-use declaration does not exclude military use',
      'Catch-all: a licensing officer notified the exporter that a licence is required (diversion risk)',
    ]);
  });

  it('a listed item declared under a code its entries do not name is controlled with a mismatch', () => {
    const result = classify([dysprosiumOxide], { element: 'Dy', productForm: 'separated-oxide', hsCode: '8505.11' }, '2026-01-15');
    expect(result).toMatchObject({ controlled: true, licenceRequired: true, hsCodeMatches: false });
  });
});
