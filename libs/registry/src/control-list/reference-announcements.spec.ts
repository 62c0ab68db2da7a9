import { classify } from './classification.rule';
import { controlListOn } from './control-list.state';
import { checkAnnouncement } from './control-announcement.rules';
import { REFERENCE_ANNOUNCEMENTS } from './reference-announcements';

const announcements = REFERENCE_ANNOUNCEMENTS.map(({ announcement }) => announcement);
const controlled = (element: 'Ho' | 'Dy' | 'Ce', on: string) =>
  classify(controlListOn(announcements, on), { element, productForm: 'separated-oxide', hsCode: '2846.90' }, on).controlled;

describe('the reference announcements', () => {
  it('each passes the checks an officer proposal passes', () => {
    for (const announcement of announcements) expect(() => checkAnnouncement(announcement)).not.toThrow();
  });

  it('holmium oxide: listed by No. 57 from 8 November 2025, suspended by No. 70 until 10 November 2026', () => {
    expect(['2025-11-07', '2025-11-08', '2026-01-15', '2026-11-10', '2026-11-11', '2026-11-15'].map((day) => controlled('Ho', day))).toEqual([
      false, false, false, false, true, true,
    ]);
  });

  it('dysprosium oxide: listed from 4 April 2025 on, untouched by No. 70; cerium oxide never', () => {
    expect(['2025-04-03', '2025-04-04', '2025-11-07', '2026-01-15', '2026-11-11'].map((day) => controlled('Dy', day))).toEqual([false, true, true, true, true]);
    expect(['2025-04-04', '2025-11-08', '2026-11-11'].map((day) => controlled('Ce', day))).toEqual([false, false, false]);
  });

  it('a Dy oxide declared under 2846.90 matches its reference codes; under 2846.10 it does not (HS_CODE_MISMATCH)', () => {
    const list = controlListOn(announcements, '2026-01-15');
    expect(classify(list, { element: 'Dy', productForm: 'separated-oxide', hsCode: '2846.90' }, '2026-01-15')).toMatchObject({ controlCode: '1C905.b', hsCodeMatches: true });
    expect(classify(list, { element: 'Dy', productForm: 'separated-oxide', hsCode: '2846.10' }, '2026-01-15').hsCodeMatches).toBe(false);
  });

  it('technologies (No. 62) name no goods: no consignment item classifies under 1E902', () => {
    const list = controlListOn(announcements, '2026-11-11');
    expect(list.map(({ entry }) => entry.controlCode)).toContain('1E902.a');
    expect(list.filter(({ entry }) => entry.controlCode.startsWith('1E902')).every(({ entry }) => entry.elements.length === 0)).toBe(true);
  });
});
