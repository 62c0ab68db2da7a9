import { classifyByList, hsCodeAmong } from './classification.rule';
import { type ControlAnnouncement, type ControlEntry, controlListOn } from './control-list.state';

// Test announcements shaped after the 2025 ones (an addition in April, one in November suspended
// the day before it took effect, until 10 November 2026); their codes and wording are test data,
// not the reference data, which cites the published texts.
const dysprosiumOxide: ControlEntry = {
  controlCode: '1C902',
  description: 'Dysprosium oxide',
  elements: ['Dy'],
  productForms: ['separated-oxide'],
  referenceHsCodes: ['2846901500'],
};
const holmiumOxide: ControlEntry = {
  controlCode: '1C911',
  description: 'Holmium oxide',
  elements: ['Ho'],
  productForms: ['separated-oxide'],
  referenceHsCodes: ['2846909100'],
};
const april: ControlAnnouncement = {
  number: 'Test announcement A',
  issuer: 'MOFCOM, GACC',
  publishedOn: '2025-04-04',
  effectiveOn: '2025-04-04',
  textUrl: 'https://example.test/a',
  changes: [{ kind: 'add', entry: dysprosiumOxide }],
};
const november: ControlAnnouncement = {
  number: 'Test announcement B',
  issuer: 'MOFCOM',
  publishedOn: '2025-10-09',
  effectiveOn: '2025-11-08',
  textUrl: 'https://example.test/b',
  changes: [{ kind: 'add', entry: holmiumOxide }],
};
const suspension: ControlAnnouncement = {
  number: 'Test announcement C',
  issuer: 'MOFCOM',
  publishedOn: '2025-11-07',
  effectiveOn: '2025-11-07',
  textUrl: 'https://example.test/c',
  changes: [{ kind: 'suspend', target: { announcement: november.number }, from: '2025-11-07', until: '2026-11-10' }],
};
const announcements = [suspension, november, april];

const codesOn = (day: string, list = announcements) => controlListOn(list, day).map(({ entry }) => entry.controlCode);

describe('controlListOn', () => {
  it.each([
    ['2025-04-03', []],
    ['2025-04-04', ['1C902']],
    ['2025-11-07', ['1C902']],
    ['2025-11-08', ['1C902']],
    ['2026-01-15', ['1C902']],
    ['2026-11-10', ['1C902']],
    ['2026-11-11', ['1C902', '1C911']],
    ['2026-11-15', ['1C902', '1C911']],
  ])('on %s lists %j: an addition from its effective day, a suspension to the day, both ends included', (day, codes) => {
    expect(codesOn(day)).toEqual(codes);
  });

  it('names the announcement behind each entry', () => {
    expect(controlListOn(announcements, '2026-11-11').map(({ source }) => source.number)).toEqual([april.number, november.number]);
  });

  it('leaves the earlier wording in force while an amendment is suspended, and drops a removed entry', () => {
    const amendment: ControlAnnouncement = {
      ...april,
      number: 'Test amendment',
      publishedOn: '2025-06-01',
      effectiveOn: '2025-06-01',
      changes: [{ kind: 'amend', entry: { ...dysprosiumOxide, productForms: ['separated-oxide', 'metal'] } }],
    };
    const pause: ControlAnnouncement = {
      ...suspension,
      number: 'Test pause',
      changes: [{ kind: 'suspend', target: { announcement: amendment.number }, from: '2025-07-01', until: '2025-07-31' }],
      effectiveOn: '2025-06-15',
      publishedOn: '2025-06-15',
    };
    const removal: ControlAnnouncement = { ...april, number: 'Test removal', publishedOn: '2025-09-01', effectiveOn: '2025-09-01', changes: [{ kind: 'remove', controlCode: '1C902' }] };
    const list = [april, amendment, pause, removal];
    const formsOn = (day: string) => controlListOn(list, day).map(({ entry, source }) => [entry.productForms, source.number]);
    expect(formsOn('2025-06-30')).toEqual([[['separated-oxide', 'metal'], amendment.number]]);
    expect(formsOn('2025-07-15')).toEqual([[['separated-oxide'], april.number]]);
    expect(formsOn('2025-08-01')).toEqual([[['separated-oxide', 'metal'], amendment.number]]);
    expect(formsOn('2025-09-01')).toEqual([]);
  });

  it('ends a suspension early from the day a lift takes effect, and suspends one control code alone', () => {
    const lift: ControlAnnouncement = {
      ...suspension,
      number: 'Test lift',
      publishedOn: '2026-03-01',
      effectiveOn: '2026-03-01',
      changes: [{ kind: 'lift', target: { announcement: november.number }, on: '2026-03-01' }],
    };
    expect(codesOn('2026-02-28', [...announcements, lift])).toEqual(['1C902']);
    expect(codesOn('2026-03-01', [...announcements, lift])).toEqual(['1C902', '1C911']);
    const codePause: ControlAnnouncement = { ...suspension, number: 'Test code pause', changes: [{ kind: 'suspend', target: { controlCode: '1C902' }, from: '2026-12-01', until: '2026-12-31' }] };
    expect(codesOn('2026-12-15', [...announcements, codePause])).toEqual(['1C911']);
    expect(codesOn('2027-01-01', [...announcements, codePause])).toEqual(['1C902', '1C911']);
  });
});

describe('classifyByList', () => {
  const onDay = (day: string) => controlListOn(announcements, day);

  it('controls an item an entry names by element and form, and no other', () => {
    expect(classifyByList(onDay('2025-05-01'), { element: 'Dy', productForm: 'separated-oxide', hsCode: '2846.90' })).toMatchObject({
      controlled: true,
      controlCode: '1C902',
      hsCodeMatches: true,
    });
    expect(classifyByList(onDay('2025-05-01'), { element: 'Dy', productForm: 'metal', hsCode: '2805.30' })).toMatchObject({ controlled: false, controlCode: null, entries: [] });
    expect(classifyByList(onDay('2025-05-01'), { element: 'Ce', productForm: 'separated-oxide', hsCode: '2846.10' }).controlled).toBe(false);
  });

  it('honours a suspension to the day: holmium oxide free on 15 January 2026, controlled on 15 November 2026', () => {
    const holmium = { element: 'Ho', productForm: 'separated-oxide', hsCode: '2846.90' } as const;
    expect(classifyByList(onDay('2026-01-15'), holmium).controlled).toBe(false);
    expect(classifyByList(onDay('2026-11-15'), holmium)).toMatchObject({ controlled: true, controlCode: '1C911' });
  });

  it('tells a declared HS code that none of the matching entries names (HS_CODE_MISMATCH)', () => {
    expect(classifyByList(onDay('2025-05-01'), { element: 'Dy', productForm: 'separated-oxide', hsCode: '8505.11' })).toMatchObject({ controlled: true, hsCodeMatches: false });
  });
});

describe('hsCodeAmong', () => {
  it.each([
    ['2846.90', ['2846901500'], true],
    ['2846901500', ['2846.90'], true],
    ['2846.10', ['2846901500'], false],
    ['8505.11', ['8505111000'], true],
    ['', ['2846901500'], false],
  ])('%s among %j: %s', (declared, references, expected) => {
    expect(hsCodeAmong(declared, references)).toBe(expected);
  });
});
