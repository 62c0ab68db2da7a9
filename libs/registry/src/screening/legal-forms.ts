/**
 * Legal-form words say what kind of company a party is, not which one: screening ignores them
 * so that "Shenghe Resources Co., Ltd." and "Shenghe Resources" match. They are written as the
 * normaliser sees them: lower case, accents stripped, dots and apostrophes dropped ("S.A." is
 * `sa`, "B.V." is `bv`, "S.r.l." is `srl`). Multi-word forms ("Co., Ltd.", "Sdn. Bhd.", "Joint
 * Stock Company") need no entry of their own: each of their words is here. The words are only
 * dropped at the end of a name (or, for forms written first, at its start), so that a word such
 * as "AB" or "Co" inside a name still counts. The one list, in one place.
 */
export const TRAILING_LEGAL_FORMS: ReadonlySet<string> = new Set([
  // English-speaking and Commonwealth
  'co', 'company', 'corp', 'corporation', 'inc', 'incorporated', 'ltd', 'limited', 'llc', 'llp', 'lp', 'plc',
  'pcl', 'public', 'liability', 'pte', 'pty', 'pvt', 'private',
  // German-speaking, Dutch, Nordic
  'ag', 'gmbh', 'kg', 'kgaa', 'ohg', 'mbh', 'bv', 'nv', 'ab', 'oy', 'oyj', 'as', 'asa', 'aps',
  // Romance languages
  'sa', 'sas', 'sarl', 'sasu', 'snc', 'srl', 'spa', 'sl', 'ltda', 'sca', 'cv',
  // Central and Eastern Europe, Russia and neighbours
  'jsc', 'pjsc', 'ojsc', 'cjsc', 'joint', 'stock', 'sro', 'doo', 'zrt', 'kft',
  // Asia
  'kk', 'bhd', 'sdn', 'tbk', 'gk',
  // joins two forms: "GmbH & Co. KG"
  'and',
]);

/** Legal forms that are written before the name: "PT Timah", "OOO Solikamsk", "JSC Rosatom". */
export const LEADING_LEGAL_FORMS: ReadonlySet<string> = new Set([
  'pt', 'ooo', 'oao', 'zao', 'pao', 'ao', 'tov', 'jsc', 'pjsc', 'ojsc', 'cjsc', 'llc',
  'open', 'closed', 'public', 'joint', 'stock', 'company', 'limited', 'liability',
]);
