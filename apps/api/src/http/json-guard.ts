import { JSONPath, visit } from 'jsonc-parser';

/** Objects and arrays may nest this deep in a body (docs/decisions.md, 32); a request needs 4. */
export const MAX_JSON_DEPTH = 32;

/**
 * Characters no string of a request may hold (docs/decisions.md, 32): the C0 controls but tab, line
 * feed and carriage return, DEL, the C1 controls, and a surrogate without its pair (PostgreSQL
 * refuses NUL and lone surrogates outright; the others only hide text from readers and logs).
 * Matched on UTF-16 code units, so that a lone surrogate is seen.
 */
const FORBIDDEN_CHARACTER = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F-\u009F]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

/** The code point (`U+0000`) of the first character {@link FORBIDDEN_CHARACTER} refuses in `text`, if any. */
export function forbiddenCharacterIn(text: string): string | undefined {
  const match = FORBIDDEN_CHARACTER.exec(text);
  return match ? `U+${match[0].charCodeAt(0).toString(16).toUpperCase().padStart(4, '0')}` : undefined;
}

/** Why a JSON text is refused before it is parsed into objects. */
export type JsonRefusal =
  | { readonly kind: 'too-deep'; readonly field: string }
  | { readonly kind: 'duplicate-key'; readonly field: string }
  | { readonly kind: 'forbidden-character'; readonly field: string; readonly character: string };

/** A dotted path as the validation errors write it: `items[0].kg`; the body itself is `(body)`. */
export function fieldOf(path: JSONPath, key?: string): string {
  const parts = key === undefined ? path : [...path, key];
  const field = parts.reduce<string>((text, part) => (typeof part === 'number' ? `${text}[${part}]` : text ? `${text}.${printable(part)}` : printable(part)), '');
  return field || '(body)';
}

/** A key as a field name; one holding a refused character is quoted with its escapes, so the answer stays readable. */
function printable(key: string): string {
  return forbiddenCharacterIn(key) ? JSON.stringify(key) : key;
}

class Refused extends Error {
  constructor(readonly refusal: JsonRefusal) {
    super(refusal.kind);
  }
}

/**
 * Scans a JSON text once, without recursion deeper than {@link MAX_JSON_DEPTH} (the scan stops at
 * the first level too many), for what `JSON.parse` lets through and the rest of the pipeline must
 * not meet: nesting past the limit, a key twice in one object (JSON.parse would keep the last
 * silently), and refused characters in any key or string. Syntax errors are left to JSON.parse.
 */
export function scanJson(text: string): JsonRefusal | undefined {
  /** One entry per open object (the keys seen so far) or array (null). */
  const open: Array<Set<string> | null> = [];
  const enter = (keys: Set<string> | null, path: () => JSONPath): void => {
    open.push(keys);
    if (open.length > MAX_JSON_DEPTH) throw new Refused({ kind: 'too-deep', field: fieldOf(path()) });
  };
  const checkCharacters = (value: string, field: () => string): void => {
    const character = forbiddenCharacterIn(value);
    if (character) throw new Refused({ kind: 'forbidden-character', field: field(), character });
  };
  try {
    visit(
      text,
      {
        onObjectBegin: (_offset, _length, _line, _column, path) => enter(new Set(), path),
        onArrayBegin: (_offset, _length, _line, _column, path) => enter(null, path),
        onObjectEnd: () => void open.pop(),
        onArrayEnd: () => void open.pop(),
        onObjectProperty: (key, _offset, _length, _line, _column, path) => {
          checkCharacters(key, () => fieldOf(path(), key));
          const keys = open.at(-1);
          if (keys?.has(key)) throw new Refused({ kind: 'duplicate-key', field: fieldOf(path(), key) });
          keys?.add(key);
        },
        onLiteralValue: (value: unknown, _offset, _length, _line, _column, path) => {
          if (typeof value === 'string') checkCharacters(value, () => fieldOf(path()));
        },
      },
      { disallowComments: true, allowTrailingComma: false, allowEmptyContent: true },
    );
  } catch (error) {
    if (error instanceof Refused) return error.refusal;
    throw error;
  }
  return undefined;
}
