import { normaliseName } from './name-normaliser';

describe('normalising a name for screening', () => {
  it.each([
    ['accents', 'Société Générale des Terres Rares', 'Societe Generale des Terres Rares'],
    ['letters NFKD keeps whole', 'Großmann Ærø Łódź', 'Grossmann Aero Lodz'],
    ['case', 'SHENGHE RESOURCES', 'shenghe resources'],
    ['punctuation', 'Neo-Performance (Materials)', 'Neo Performance Materials'],
    ['word order', 'Lynas Rare Earths', 'Rare Earths Lynas'],
    ['Co., Ltd.', 'Shenghe Resources Holding Co., Ltd.', 'Shenghe Resources Holding'],
    ['GmbH', 'Vacuumschmelze GmbH & Co. KG', 'Vacuumschmelze'],
    ['S.A.', 'Solvay S.A.', 'Solvay'],
    ['B.V.', 'Magnequench B.V.', 'Magnequench'],
    ['Pte. Ltd.', 'Shenghe Singapore Pte. Ltd.', 'Shenghe Singapore'],
    ['Pty Ltd', 'Lynas Rare Earths Pty Ltd', 'Lynas Rare Earths'],
    ['S.r.l.', 'Terre Rare Italia S.r.l.', 'Terre Rare Italia'],
    ['Inc.', 'MP Materials Inc.', 'MP Materials'],
    ['Corp.', 'Energy Fuels Corp.', 'Energy Fuels'],
    ['LLC', 'USA Rare Earth LLC', 'USA Rare Earth'],
    ['PLC', 'Pensana PLC', 'Pensana'],
    ['AG', 'Treibacher Industrie AG', 'Treibacher Industrie'],
    ['JSC written first', 'JSC Solikamsk Magnesium Works', 'Solikamsk Magnesium Works'],
    ['Joint Stock Company', 'Solikamsk Magnesium Works Joint Stock Company', 'Solikamsk Magnesium Works'],
    ['Limited', 'Iluka Resources Limited', 'Iluka Resources'],
  ])('%s do not change the normalised name', (_, left, right) => {
    expect(normaliseName(left)).toBe(normaliseName(right));
  });

  it('sorts the words and joins them with single spaces', () => {
    expect(normaliseName('  Société  Générale des Terres Rares S.A. ')).toBe('des generale rares societe terres');
  });

  it('keeps a legal-form word inside a name, where it is part of the name', () => {
    expect(normaliseName('AB Mining Co')).toBe('ab mining');
  });

  it('never drops the whole name, even when it is only a legal form', () => {
    expect(normaliseName('Company Limited')).toBe('company');
  });

  it('keeps names that differ in a real word apart', () => {
    expect(normaliseName('Shenghe Logistics Co., Ltd.')).not.toBe(normaliseName('Shenghe Resources Co., Ltd.'));
  });
});
