import { LEADING_LEGAL_FORMS, TRAILING_LEGAL_FORMS } from './legal-forms';
import { confusableFold } from './skeleton';

/** Zero-width space and joiners, soft hyphen, bidirectional controls, variation selectors, fillers… */
const INVISIBLE = /\p{Default_Ignorable_Code_Point}/gu;

/** Letters that neither NFKC nor confusables.txt spell the way an English-language list would (ß is β's look-alike there). */
const LETTERS_SPELT_OUT: Readonly<Record<string, string>> = {
  ß: 'ss', ẞ: 'SS', æ: 'ae', Æ: 'AE', œ: 'oe', Œ: 'OE', ø: 'o', Ø: 'O', đ: 'd', Đ: 'D', ð: 'd', Ð: 'D', ł: 'l', Ł: 'L', þ: 'th', Þ: 'TH',
};
const LETTERS_SPELT_OUT_PATTERN = new RegExp(`[${Object.keys(LETTERS_SPELT_OUT).join('')}]`, 'g');

/**
 * Digits and signs written for the letters they resemble. Mapped only inside a word that has a
 * letter ("K3str3l", "0r1on"), never in a number on its own ("Plant 42"): digits are a legitimate
 * part of company names. `1` is l (the skeleton's choice; i and l are one letter in the key).
 */
const LEETSPEAK: Readonly<Record<string, string>> = { '0': 'o', '1': 'l', '3': 'e', '4': 'a', '5': 's', '7': 't', '8': 'b', '@': 'a', $: 's' };
const LEET_WORD = /[\p{L}\p{M}\p{N}@$]+/gu;

function withoutLeetspeak(text: string): string {
  return text.replace(LEET_WORD, (word) => (/\p{L}/u.test(word) ? word.replace(/[0134578@$]/g, (sign) => LEETSPEAK[sign]) : word));
}

/**
 * Marks stripped (é → e), `&` → and, dots and apostrophes dropped (S.A. → sa), every other
 * non-letter/digit a space; `i` becomes `l`: the skeleton maps a capital I to l, so once case is
 * folded an i and an l can no longer be told apart.
 */
function wordsOf(folded: string): string[] {
  return folded
    .normalize('NFKD')
    .replace(/\p{M}+/gu, '')
    .replace(/&/g, ' and ')
    .replace(/[.'’`]/g, '')
    .replace(/i/g, 'l')
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .split(' ')
    .filter((word) => word.length > 0);
}

/** A letter or digit with its marks, alone between separators. */
const SINGLE = /^[\p{L}\p{N}@$]\p{M}*$/u;
/** What may stand between letters written one by one: one space, dot, hyphen, underscore or middle dot, or a dot and a space. */
const LETTER_SEPARATOR = /^(?:[ .\-_·•‧]|\. )$/u;

/**
 * Letters written one by one ("K e s t r e l", "K.E.S.T.R.E.L", "K-e-s-t-r-e-l", "K. E. S.") are
 * one word again. A wider gap (two spaces, a comma) still ends a word: "K E S  A L" is two words.
 */
function withSingleLettersJoined(text: string): string {
  const parts = text.split(/([^\p{L}\p{M}\p{N}@$]+)/u);
  let joined = parts[0];
  for (let i = 1; i < parts.length; i += 2) {
    const [separator, next] = [parts[i], parts[i + 1]];
    const previous = parts[i - 1];
    joined += SINGLE.test(previous) && SINGLE.test(next) && LETTER_SEPARATOR.test(separator) ? next : separator + next;
  }
  return joined;
}

/** Everything but word splitting, legal forms and order: what a single word becomes in the key. */
function foldedText(text: string): string {
  const visible = text.normalize('NFKC').replace(INVISIBLE, '');
  const spelt = visible.replace(LETTERS_SPELT_OUT_PATTERN, (letter) => LETTERS_SPELT_OUT[letter]);
  return confusableFold(withoutLeetspeak(withSingleLettersJoined(spelt)));
}

const inKeySpace = (forms: ReadonlySet<string>): ReadonlySet<string> => new Set([...forms].map((form) => wordsOf(foldedText(form)).join('')));
const TRAILING = inKeySpace(TRAILING_LEGAL_FORMS);
const LEADING = inKeySpace(LEADING_LEGAL_FORMS);

/** Drops legal forms from both ends, but never the whole name. */
function withoutLegalForms(words: readonly string[]): string[] {
  let start = 0;
  let end = words.length;
  while (end - start > 1 && TRAILING.has(words[end - 1])) end--;
  while (end - start > 1 && LEADING.has(words[start])) start++;
  return words.slice(start, end);
}

/**
 * A name's skeleton, as screening records it (libs/registry/README.md, "Screening"): NFKC,
 * invisible characters removed, single letters joined, leetspeak read as letters, the UTS #39
 * skeleton with case folded, marks and punctuation dropped, legal forms dropped; the words in the
 * order written. "Кеstrel Аerospace Alloys GmbH" (Cyrillic К, е, А), "K e s t r e l Aerospace
 * Alloys" and "K3str3l Aer0space Alloys" all have the skeleton of "Kestrel Aerospace Alloys
 * GmbH": `kestrel aerospace alloys`.
 */
export function nameSkeleton(name: string): string {
  return withoutLegalForms(wordsOf(foldedText(name))).join(' ');
}

/** The two strings a skeleton is compared by: its words sorted (word order does not count) and run together (spacing does not count). */
export interface SkeletonKeys {
  readonly sorted: string;
  readonly compact: string;
}

export function skeletonKeys(skeleton: string): SkeletonKeys {
  const words = skeleton.split(' ').filter((word) => word.length > 0);
  return { sorted: [...words].sort().join(' '), compact: words.join('') };
}
