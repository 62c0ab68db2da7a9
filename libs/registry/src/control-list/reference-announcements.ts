import type { ProductElement } from '@ree/shared-kernel';
import type { ControlAnnouncement, ControlChange, ControlEntry } from './control-list.state';

/**
 * The published announcements the registry takes in on first start (libs/registry/README.md,
 * "Reference data"; docs/decisions.md 44). They are the published texts, transcribed: each carries
 * the page its text was read on (`textUrl`) and a `citation` saying what was read there and what
 * could not be, and `note` says in words what the entries cannot.
 *
 * Reference HS codes: as the text prints them (ten-digit customs commodity codes, or an
 * eight-digit tariff line), where it was read. Where the line of one element's item could not be
 * read, the entry names the six-digit subheading that the items read of the same announcement
 * are all under (2805.30 for metals, 2846.90 for oxides and compounds) and the citation says so;
 * no code is made up. The classification compares codes by prefix (`hsCodeAmong`), so a declared
 * `2846.90` matches `2846901940` and the other way round. Magnet materials have no reference code
 * in the texts read: a magnet declared under 8505.11 is listed, and flagged HS_CODE_MISMATCH.
 */
export interface ReferenceAnnouncement {
  readonly announcement: ControlAnnouncement;
  readonly note: string | null;
  readonly citation: string;
}

/** Who takes the reference data in (the events' actor, the proposer and the adopter). */
export const REFERENCE_DATA_ACTOR = { sub: 'registry.reference-data', role: 'system' } as const;

export const NO_18 = 'MOFCOM/GACC Announcement No. 18 of 2025';
export const NO_57 = 'MOFCOM/GACC Announcement No. 57 of 2025';
export const NO_61 = 'MOFCOM Announcement No. 61 of 2025';
export const NO_62 = 'MOFCOM Announcement No. 62 of 2025';
export const NO_70 = 'MOFCOM/GACC Announcement No. 70 of 2025';

const add = (entry: ControlEntry): ControlChange => ({ kind: 'add', entry });

interface ElementItems {
  readonly element: ProductElement;
  readonly name: string;
  readonly code: string;
  /** Whether the `.a` item names magnet materials (SmCo; NdFeB containing Tb or Dy; Ho-containing permanent magnets). */
  readonly magnets: string | null;
  readonly metalHs: readonly string[];
  readonly oxideHs: readonly string[];
  readonly compoundHs: readonly string[];
}

/** The three items of each element, as both announcements word them: `.a` metal, alloys and related products; `.b` oxide; `.c` compounds. */
const itemsOf = ({ element, name, code, magnets, metalHs, oxideHs, compoundHs }: ElementItems): ControlChange[] => [
  add({
    controlCode: `${code}.a`,
    description: `${name} metal, ${name.toLowerCase()}-containing alloys and related products (targets${magnets ? `, ${magnets}` : ''})`,
    elements: [element],
    productForms: magnets ? ['metal', 'alloy', 'magnet'] : ['metal', 'alloy'],
    referenceHsCodes: metalHs,
  }),
  add({
    controlCode: `${code}.b`,
    description: `${name} oxide and its mixtures`,
    elements: [element],
    productForms: ['separated-oxide', 'mixed-oxide'],
    referenceHsCodes: oxideHs,
  }),
  add({
    controlCode: `${code}.c`,
    description: `${name}-containing compounds and their mixtures`,
    elements: [element],
    productForms: ['mixed-carbonate', 'other'],
    referenceHsCodes: compoundHs,
  }),
];

/** 1C902.b and 1C903.b as printed; 2846901993 is the tariff line of oxide mixtures containing Sm, Gd, Tb, Dy, Lu, Sc or Y. */
const SM_GD_COMPOUNDS = ['2846902810', '2846902910', '2846903910', '2846904820', '2846904910', '2846909920', '3824999922'];

const NO_18_ITEMS: ElementItems[] = [
  { element: 'Sm', name: 'Samarium', code: '1C902', magnets: 'samarium-cobalt permanent magnet materials', metalHs: ['2805301910', '3824999922', '8486909110'], oxideHs: ['2846901940', '2846901993', '3824999922'], compoundHs: SM_GD_COMPOUNDS },
  { element: 'Gd', name: 'Gadolinium', code: '1C903', magnets: null, metalHs: ['2805301910'], oxideHs: ['2846901930', '2846901993', '3824999922'], compoundHs: SM_GD_COMPOUNDS },
  { element: 'Tb', name: 'Terbium', code: '1C904', magnets: 'NdFeB permanent magnet materials containing terbium', metalHs: ['2805.30'], oxideHs: ['2846.90'], compoundHs: ['2846.90'] },
  { element: 'Dy', name: 'Dysprosium', code: '1C905', magnets: 'NdFeB permanent magnet materials containing dysprosium', metalHs: ['2805.30'], oxideHs: ['2846.90'], compoundHs: ['2846.90'] },
  { element: 'Lu', name: 'Lutetium', code: '1C906', magnets: null, metalHs: ['2805.30'], oxideHs: ['2846.90'], compoundHs: ['2846.90'] },
  { element: 'Sc', name: 'Scandium', code: '1C907', magnets: null, metalHs: ['2805.30'], oxideHs: ['2846.90'], compoundHs: ['2846.90'] },
  { element: 'Y', name: 'Yttrium', code: '1C908', magnets: null, metalHs: ['2805.30'], oxideHs: ['2846.90'], compoundHs: ['2846.90'] },
];

const NO_57_ITEMS: ElementItems[] = [
  { element: 'Ho', name: 'Holmium', code: '1C909', magnets: 'holmium-containing permanent magnet materials', metalHs: ['28053019'], oxideHs: ['2846.90'], compoundHs: ['2846.90'] },
  { element: 'Er', name: 'Erbium', code: '1C910', magnets: null, metalHs: ['28053019'], oxideHs: ['2846.90'], compoundHs: ['2846.90'] },
  { element: 'Tm', name: 'Thulium', code: '1C911', magnets: null, metalHs: ['28053019'], oxideHs: ['2846.90'], compoundHs: ['2846.90'] },
  { element: 'Eu', name: 'Europium', code: '1C912', magnets: null, metalHs: ['28053019'], oxideHs: ['2846.90'], compoundHs: ['2846.90'] },
  { element: 'Yb', name: 'Ytterbium', code: '1C913', magnets: null, metalHs: ['2805.30'], oxideHs: ['2846.90'], compoundHs: ['2846.90'] },
];

const SUSPENDED_BY_NO_70 = [
  'MOFCOM/GACC Announcement No. 55 of 2025',
  'MOFCOM/GACC Announcement No. 56 of 2025',
  NO_57,
  'MOFCOM/GACC Announcement No. 58 of 2025',
  NO_61,
  NO_62,
];

export const REFERENCE_ANNOUNCEMENTS: readonly ReferenceAnnouncement[] = [
  {
    announcement: {
      number: NO_18,
      issuer: 'Ministry of Commerce (MOFCOM) and General Administration of Customs (GACC)',
      publishedOn: '2025-04-04',
      effectiveOn: '2025-04-04',
      textUrl: 'https://osencmagnet.com/export-controls-on-rare-earth-elements/',
      changes: NO_18_ITEMS.flatMap(itemsOf),
    },
    note:
      'In effect from the day of publication. Declarations must state in their remarks whether the item is controlled. ' +
      'Items: samarium, gadolinium, terbium, dysprosium, lutetium, scandium and yttrium metals, alloys, targets, oxides and compounds; ' +
      'samarium-cobalt magnet materials; NdFeB magnet materials containing terbium or dysprosium.',
    citation:
      'Read: the English translation at the text URL, the same text in Chinese as published by MOFCOM (Security and Control Bureau, 2025-04-04) through a ' +
      'web snapshot, and hymagnetics.com/news_detail/24.html. Read in full: sections I-III (1C902 Sm, 1C903 Gd, 1C904 Tb with its codes as printed, ' +
      'except the Tb codes, blank in the copy read); 1C904.a names NdFeB containing Tb, and a Dy section names NdFeB containing Dy. ' +
      'Not read line by line: sections IV-VII; their codes 1C905 Dy, 1C906 Lu, 1C907 Sc, 1C908 Y follow the order of the sections (Sm, Gd, Tb, Dy, Lu, Sc, Y) ' +
      'and their reference HS codes are given as the six-digit subheadings of the items read (2805.30 metals, 2846.90 oxides and compounds).',
  },
  {
    announcement: {
      number: NO_57,
      issuer: 'Ministry of Commerce (MOFCOM) and General Administration of Customs (GACC)',
      publishedOn: '2025-10-09',
      effectiveOn: '2025-11-08',
      textUrl: 'https://gubaposthk.eastmoney.com/news,cjpl,1608530642.html',
      changes: NO_57_ITEMS.flatMap(itemsOf),
    },
    note: 'Holmium, erbium, thulium, europium and ytterbium items, in effect from 8 November 2025; suspended by No. 70 of 2025 until 10 November 2026.',
    citation:
      'Read: the Chinese text at the text URL (sections 1C909 Ho, 1C910 Er, 1C911 Tm, 1C912 Eu with the metal tariff line 28053019; ' +
      'oxides and compounds are printed without a reference code, so their entries give 2846.90 as No. 18 does). Section five (ytterbium) was cut off ' +
      'in the copy read: its code 1C913 follows the order. Dates: siliconexpert.com (9 October 2025, in effect 8 November 2025).',
  },
  {
    announcement: {
      number: NO_61,
      issuer: 'Ministry of Commerce (MOFCOM)',
      publishedOn: '2025-10-09',
      effectiveOn: '2025-10-09',
      textUrl: 'http://www.sscollege.cn/en/news/44800.html',
      changes: [],
    },
    note:
      'Foreign-made items listed in Part 2 of its Annex 1 that contain, integrate or are mixed with Chinese-origin items of Part 1 worth 0.1 % or more of ' +
      'their value need a MOFCOM licence (from 1 December 2025), as do items made abroad with Chinese rare-earth technologies. Exports to military end ' +
      'users, and to importers and end users on the Control List or the Watch List (including subsidiaries and affiliates they own 50 % or more), are ' +
      'in principle refused. It binds foreign exporters: its entries are none the product classifies by, so it adds no entry here; the refusals for ' +
      'listed end users are the catch-all of the consignment classification. Suspended by No. 70 of 2025 until 10 November 2026.',
    citation:
      'Read: the English translation at the text URL (sections I and II) and chemradar.com (effective dates). Annex 1 (the item list) was not read.',
  },
  {
    announcement: {
      number: NO_62,
      issuer: 'Ministry of Commerce (MOFCOM)',
      publishedOn: '2025-10-09',
      effectiveOn: '2025-10-09',
      textUrl: 'http://www.sscollege.cn/en/news/44809.html',
      changes: [
        add({
          controlCode: '1E902.a',
          description: 'Technologies and their carriers for rare-earth mining, smelting and separation, metal smelting, magnetic material manufacturing and secondary-resource recycling',
          elements: [],
          productForms: [],
          referenceHsCodes: [],
        }),
        add({
          controlCode: '1E902.b',
          description: 'Technologies for the assembly, commissioning, maintenance, repair and upgrading of such production lines',
          elements: [],
          productForms: [],
          referenceHsCodes: [],
        }),
      ],
    },
    note: 'Technologies, not goods: its entries name no element or product form, so no consignment classifies under them. Suspended by No. 70 of 2025 until 10 November 2026.',
    citation: 'Read: the English translation at the text URL (section I, control codes 1E902.a and 1E902.b; issued 9 October 2025).',
  },
  {
    announcement: {
      number: NO_70,
      issuer: 'Ministry of Commerce (MOFCOM) and General Administration of Customs (GACC)',
      publishedOn: '2025-11-07',
      effectiveOn: '2025-11-07',
      textUrl: 'https://www.chemradar.com/en/news/detail/f3s7t2oy9qf4',
      changes: SUSPENDED_BY_NO_70.map((announcement) => ({ kind: 'suspend', target: { announcement }, from: '2025-11-07', until: '2026-11-10' }) as const),
    },
    note: 'Suspends Nos. 55, 56, 57 and 58 of 2025 (MOFCOM/GACC) and Nos. 61 and 62 of 2025 (MOFCOM) from 7 November 2025 until 10 November 2026. No. 18 of 2025 stays in force.',
    citation:
      'Read: chemradar.com at the text URL (issued 7 November 2025 jointly by MOFCOM and GACC, suspension effective at once until 10 November 2026, the six ' +
      'announcements named) and adamsmagnetic.com (the April 2025 controls remain in force). The official Chinese text was not read.',
  },
];
