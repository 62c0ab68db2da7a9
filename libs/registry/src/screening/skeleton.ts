import { CONFUSABLES_TABLE } from './confusables.table';

let prototypes: ReadonlyMap<number, string> | undefined;

/** The confusables table as a map from a code point to its prototype, read once. */
function prototypeMap(): ReadonlyMap<number, string> {
  if (prototypes) return prototypes;
  const map = new Map<number, string>();
  for (const entry of CONFUSABLES_TABLE.split(',')) {
    if (entry === '') continue;
    const [source, prototype] = entry.split(':');
    map.set(parseInt(source, 16), String.fromCodePoint(...prototype.split('+').map((hex) => parseInt(hex, 16))));
  }
  prototypes = map;
  return map;
}

/**
 * UTS #39's skeleton: NFD, every character replaced by its prototype from confusables.txt,
 * NFD again. Two strings whose skeletons are equal look alike ("Кеstrel" with a Cyrillic К and
 * е has the skeleton of "Kestrel"). Case is kept: the data maps a capital I to l, a zero to O.
 */
export function skeleton(text: string): string {
  const map = prototypeMap();
  let mapped = '';
  for (const character of text.normalize('NFD')) mapped += map.get(character.codePointAt(0) as number) ?? character;
  return mapped.normalize('NFD');
}

/**
 * Letters that confusables.txt leaves as they are, though in running lower-case text they read as
 * the Latin letter: small capitals (what Cyrillic т, н, в, м and Greek τ become) and kra (Cyrillic к,
 * Greek κ), and the c with bar that is the prototype of Greek ε. Beyond UTS #39, on purpose.
 */
const SMALL_CAPITALS: Readonly<Record<string, string>> = {
  ᴀ: 'a', ʙ: 'b', ᴄ: 'c', ᴅ: 'd', ᴇ: 'e', ꜰ: 'f', ɢ: 'g', ʜ: 'h', ɪ: 'i', ᴊ: 'j', ᴋ: 'k', ʟ: 'l', ᴍ: 'm', ɴ: 'n',
  ᴏ: 'o', ᴘ: 'p', ꞯ: 'q', ʀ: 'r', ꜱ: 's', ᴛ: 't', ᴜ: 'u', ᴠ: 'v', ᴡ: 'w', ʏ: 'y', ᴢ: 'z', ĸ: 'k', ꞓ: 'e',
};
const SMALL_CAPITAL = new RegExp(`[${Object.keys(SMALL_CAPITALS).join('')}]`, 'gu');

const lowerCase = (text: string): string => text.toLowerCase().replace(SMALL_CAPITAL, (letter) => SMALL_CAPITALS[letter]);

/** Rounds of skeleton and lower case before they are stable; both sides of a comparison take the same. */
const MAX_ROUNDS = 4;

/**
 * The skeleton of the text as written, then lower case, then the skeleton again until nothing
 * changes: capitals are mapped while they are capitals (Cyrillic К → K, Greek Α → A, I → l), and
 * what lower case makes of them, or a lower-case look-alike (Cyrillic е, о, р, с), is mapped after;
 * small capitals become their letter.
 */
export function confusableFold(text: string): string {
  let current = text;
  for (let round = 0; round < MAX_ROUNDS; round++) {
    const next = lowerCase(skeleton(current));
    if (next === current) return current;
    current = next;
  }
  return current;
}
