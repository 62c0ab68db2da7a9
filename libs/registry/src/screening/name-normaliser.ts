import { LEADING_LEGAL_FORMS, TRAILING_LEGAL_FORMS } from './legal-forms';

/** Letters that NFKD leaves whole, spelt the way an English-language list would spell them. */
const LETTERS_WITHOUT_DECOMPOSITION: Readonly<Record<string, string>> = {
  ß: 'ss', æ: 'ae', œ: 'oe', ø: 'o', đ: 'd', ð: 'd', ł: 'l', þ: 'th', ı: 'i',
};

function foldCharacters(name: string): string {
  return name
    .normalize('NFKD')
    .replace(/\p{M}+/gu, '')
    .toLowerCase()
    .replace(/[ßæœøđðłþı]/g, (letter) => LETTERS_WITHOUT_DECOMPOSITION[letter])
    .replace(/&/g, ' and ')
    .replace(/[.'’`]/g, '')
    .replace(/[^\p{L}\p{N}]+/gu, ' ');
}

/** Drops legal forms from both ends, but never the whole name. */
function withoutLegalForms(words: readonly string[]): string[] {
  let start = 0;
  let end = words.length;
  while (end - start > 1 && TRAILING_LEGAL_FORMS.has(words[end - 1])) end--;
  while (end - start > 1 && LEADING_LEGAL_FORMS.has(words[start])) start++;
  return words.slice(start, end);
}

/**
 * The form in which names are compared when screening: accents, case, punctuation, word order
 * and legal forms must not hide a match. "Société Générale des Terres Rares S.A." and
 * "terres rares generale societe des" both become "des generale rares societe terres".
 */
export function normaliseName(name: string): string {
  const words = foldCharacters(name).split(' ').filter((word) => word.length > 0);
  return withoutLegalForms(words).sort().join(' ');
}
