import { forbiddenCharacterIn, MAX_JSON_DEPTH, scanJson } from './json-guard';

const nested = (depth: number): string => '{"a":'.repeat(depth - 1) + '[1]' + '}'.repeat(depth - 1);

describe('scanJson', () => {
  it('lets ordinary bodies through, tabs and line breaks and paired surrogates included', () => {
    expect(scanJson('{"name":"Vacuumschmelze GmbH","items":[{"kg":1.5}],"notes":"line 1\\nline 2\\tend","emoji":"💥 \\ud83d\\udca5"}')).toBeUndefined();
    expect(scanJson('')).toBeUndefined();
    expect(scanJson('[]')).toBeUndefined();
    expect(scanJson('{"a":{"b":1},"c":{"b":2}}')).toBeUndefined();
  });

  it(`refuses nesting deeper than ${MAX_JSON_DEPTH}, and stops there however deep the text goes`, () => {
    expect(scanJson(nested(MAX_JSON_DEPTH))).toBeUndefined();
    expect(scanJson(nested(MAX_JSON_DEPTH + 1))).toEqual({ kind: 'too-deep', field: `a${'.a'.repeat(MAX_JSON_DEPTH - 1)}` });
    expect(scanJson('['.repeat(100_000))).toEqual({ kind: 'too-deep', field: '[0]'.repeat(MAX_JSON_DEPTH) });
    expect(scanJson(`{"x":${'[{"y":'.repeat(5_000)}`)?.kind).toBe('too-deep');
  });

  it('refuses a key twice in one object, naming it', () => {
    expect(scanJson('{"quantityKg":1,"quantityKg":2}')).toEqual({ kind: 'duplicate-key', field: 'quantityKg' });
    expect(scanJson('{"items":[{"kg":1},{"kg":1,"kg":2}]}')).toEqual({ kind: 'duplicate-key', field: 'items[1].kg' });
    expect(scanJson('{"a":1,"\\u0061":2}')).toEqual({ kind: 'duplicate-key', field: 'a' });
  });

  it('refuses NUL, other controls and lone surrogates in values and keys, naming the field', () => {
    expect(scanJson('{"consignee":{"name":"Kestrel\\u0000"}}')).toEqual({ kind: 'forbidden-character', field: 'consignee.name', character: 'U+0000' });
    expect(scanJson('{"items":[{"product":"Nd \\ud800 oxide"}]}')).toEqual({ kind: 'forbidden-character', field: 'items[0].product', character: 'U+D800' });
    expect(scanJson('{"a":"\\udc00"}')).toEqual({ kind: 'forbidden-character', field: 'a', character: 'U+DC00' });
    expect(scanJson('{"a":"\\u001b[31m"}')?.kind).toBe('forbidden-character');
    expect(scanJson('{"a":"\\u0085"}')?.kind).toBe('forbidden-character');
    expect(scanJson('{"na\\u0000me":"x"}')).toEqual({ kind: 'forbidden-character', field: '"na\\u0000me"', character: 'U+0000' });
    expect(scanJson('["ok","\\u007f"]')).toEqual({ kind: 'forbidden-character', field: '[1]', character: 'U+007F' });
  });
});

describe('forbiddenCharacterIn', () => {
  it('allows tab, line feed, carriage return, bidi and zero-width characters (screening folds those) and paired surrogates', () => {
    expect(forbiddenCharacterIn('a\tb\nc\rd \u200b \u202e \u00a0 \ud83d\udca5')).toBeUndefined();
  });

  it('names the first refused character', () => {
    expect(forbiddenCharacterIn('ok\u0007')).toBe('U+0007');
    expect(forbiddenCharacterIn('\u009f')).toBe('U+009F');
    expect(forbiddenCharacterIn('x\ud83d')).toBe('U+D83D');
  });
});
