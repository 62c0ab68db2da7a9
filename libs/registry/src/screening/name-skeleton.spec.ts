import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { CONFUSABLES_SOURCE } from './confusables.table';
import { nameSkeleton, skeletonKeys } from './name-skeleton';
import { confusableFold, skeleton } from './skeleton';

describe("a name's confusable skeleton", () => {
  it.each([
    ['Cyrillic capitals and small letters', 'Кеstrel Аerospace Alloys GmbH'],
    ['all in Cyrillic capitals', 'КЕSТRЕL АЕRОSРАСЕ АLLОYS GMBH'],
    ['Greek capitals', 'Κestrel Αerospace Alloys'],
    ['Greek small letters that look Latin', 'Kεstrεl Aεrοspacε Alloys'],
    ['a zero-width space and joiners', 'Kes\u200btrel Aero\u200d\u200cspace Alloys'],
    ['soft hyphens', 'Kes\u00adtrel Aero\u00adspace Alloys'],
    ['bidirectional controls', '\u2066Kestrel\u2069 \u202eAerospace\u202c Alloys'],
    ['variation selectors and a byte order mark', '\ufeffKestrel\ufe0f Aerospace\ufe0e Alloys'],
    ['letters spaced out', 'K e s t r e l Aerospace Alloys'],
    ['letters dotted', 'K.E.S.T.R.E.L. Aerospace Alloys'],
    ['letters dotted and spaced', 'K. E. S. T. R. E. L. Aerospace Alloys'],
    ['letters hyphenated', 'K-e-s-t-r-e-l Aerospace Alloys'],
    ['leetspeak', 'K3str3l A3r0spac3 A11oys'],
    ['fullwidth letters', 'Ｋｅｓｔｒｅｌ Aerospace Alloys'],
    ['mathematical bold', '𝐊𝐞𝐬𝐭𝐫𝐞𝐥 Aerospace Alloys'],
    ['capitals', 'KESTREL AEROSPACE ALLOYS GMBH'],
    ['a capital I for an l', 'KestreI Aerospace AIIoys'],
  ])('%s keep the skeleton of the name they imitate', (_, name) => {
    expect(nameSkeleton(name)).toBe(nameSkeleton('Kestrel Aerospace Alloys GmbH'));
  });

  it.each([
    ['a dotless ı', 'Orıon Strategıc Metals'],
    ['accents', 'Oríon Stratégic Métals'],
    ['a Turkish capital İ', 'ORİON STRATEGİC METALS'],
    ['combining overlays', 'O\u0336rion Strategic Metals'],
  ])('%s keep the skeleton of the plain name', (_, name) => {
    expect(nameSkeleton(name)).toBe(nameSkeleton('Orion Strategic Metals Inc.'));
  });

  it('is the words in the order written, folded, without legal forms', () => {
    expect(nameSkeleton('Kestrel Aerospace Alloys GmbH')).toBe('kestrel aerospace alloys');
    expect(nameSkeleton('Société Atlantique des Aimants S.A.')).toBe('soclete atlantlque des alrnants');
  });

  it('keeps a wider gap between letters written one by one as the end of a word', () => {
    expect(nameSkeleton('K E S T R E L  A E R O S P A C E  Alloys')).toBe('kestrel aerospace alloys');
  });

  it('reads digits as letters only inside a word that has letters: a number on its own stays a number', () => {
    expect(nameSkeleton('Orion 7 Metals')).not.toBe(nameSkeleton('Orion T Metals'));
    expect(nameSkeleton('Orion 7 Metals')).toBe(nameSkeleton('Orion 7 Metals Inc.'));
    expect(nameSkeleton('0r10n Metals')).toBe(nameSkeleton('Orion Metals'));
  });

  it('keeps names in other scripts, and tells them apart', () => {
    expect(nameSkeleton('三菱マテリアル株式会社')).not.toBe('');
    expect(nameSkeleton('삼성전자')).not.toBe(nameSkeleton('삼성전기'));
    expect(nameSkeleton('Công ty TNHH Thép Việt')).toBe(nameSkeleton('Cong ty TNHH Thep Viet'));
  });

  it('keeps legal forms inside a name and never drops the whole name', () => {
    expect(nameSkeleton('AB Mining Co')).toBe(nameSkeleton('AB Mining'));
    expect(nameSkeleton('Company Limited')).not.toBe('');
  });

  it('is compared sorted (word order does not count) and run together (spacing does not count)', () => {
    expect(skeletonKeys('kes trel aerospace')).toEqual({ sorted: 'aerospace kes trel', compact: 'kestrelaerospace' });
  });
});

describe('the UTS #39 skeleton', () => {
  it('maps look-alikes to their prototype and keeps case, as confusables.txt does', () => {
    expect(skeleton('Кеstrel')).toBe('Kestrel');
    expect(skeleton('I0')).toBe('lO');
    expect(skeleton('m')).toBe('rn');
  });

  it('folds case between rounds, so that a capital look-alike and a small one meet', () => {
    expect(confusableFold('КЕSТRЕL')).toBe(confusableFold('kestrel'));
    expect(confusableFold('кеstrel')).toBe(confusableFold('kestrel'));
  });

  it('comes from the confusables.txt kept in the repository, whose version and checksum it names', () => {
    const source = readFileSync(join(__dirname, '..', '..', '..', '..', 'infra', 'unicode', 'confusables.txt'));
    expect(source.toString('utf8')).toContain(`# Version: ${CONFUSABLES_SOURCE.version}\n`);
    expect(createHash('sha256').update(source).digest('hex')).toBe(CONFUSABLES_SOURCE.sha256);
    // The generator's own check: the committed table is exactly what the file gives (throws otherwise).
    execFileSync(process.execPath, [join(__dirname, '..', '..', '..', '..', 'scripts', 'generate-confusables.js'), '--check'], { stdio: 'pipe' });
  });
});
