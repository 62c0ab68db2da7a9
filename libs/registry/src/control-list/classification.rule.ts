import type { ProductElement, ProductForm } from '@ree/shared-kernel';
import type { EntryInForce } from './control-list.state';

/** What is declared of an item: its element, its form and the HS code the exporter gives. */
export interface DeclaredItem {
  readonly element: ProductElement;
  readonly productForm: ProductForm;
  readonly hsCode: string;
}

/** Whether the list in force names the item, by which entries, and whether the declared HS code is one they name. */
export interface ListClassification {
  readonly controlled: boolean;
  /** The first matching entry's code (entries are in code order); `null` when none matches. */
  readonly controlCode: string | null;
  readonly entries: readonly EntryInForce[];
  /**
   * `false` when the item is controlled and its declared HS code is none of the matching entries'
   * reference codes (the red flag HS_CODE_MISMATCH); `true` otherwise.
   */
  readonly hsCodeMatches: boolean;
}

const digits = (hsCode: string): string => hsCode.replace(/\D/g, '');

/**
 * A declared HS code is among an entry's reference codes when one is a prefix of the other, digits
 * only: the product declares six digits (`2846.90`) where an announcement may name ten
 * (`2846901500`), or the other way round.
 */
export function hsCodeAmong(hsCode: string, referenceHsCodes: readonly string[]): boolean {
  const declared = digits(hsCode);
  return referenceHsCodes.some((reference) => {
    const named = digits(reference);
    return declared.length > 0 && named.length > 0 && (declared.startsWith(named) || named.startsWith(declared));
  });
}

/** Classifies an item by the entries in force on the day (`controlListOn`): an entry names it by element and form. */
export function classifyByList(list: readonly EntryInForce[], item: DeclaredItem): ListClassification {
  const entries = list.filter(({ entry }) => entry.elements.includes(item.element) && entry.productForms.includes(item.productForm));
  if (entries.length === 0) return { controlled: false, controlCode: null, entries, hsCodeMatches: true };
  const hsCodeMatches = entries.some(({ entry }) => hsCodeAmong(item.hsCode, entry.referenceHsCodes));
  return { controlled: true, controlCode: entries[0].entry.controlCode, entries, hsCodeMatches };
}

/** A restricted party the end user is, or is owned 50 % or more by (through `chain`), on a list whose consequence calls for a licence. */
export interface RestrictedEndUserGround {
  readonly kind: 'restricted-end-user';
  readonly partyId: string;
  readonly partyName: string;
  /** The list's name as its owners publish it (e.g. `Watch List`). */
  readonly listName: string;
  /** Company names from the end user up to the listed party; one name when the end user is the party itself. */
  readonly chain: readonly string[];
}

export interface MilitaryEndUseGround {
  readonly kind: 'military-end-use';
}

export interface OfficerNoticeGround {
  readonly kind: 'officer-notice';
  readonly reason: string;
  /** The notifying officer's `sub`. */
  readonly notifiedBy: string;
}

/** Why an item the list does not name still needs a licence (the catch-all). */
export type CatchAllGround = RestrictedEndUserGround | MilitaryEndUseGround | OfficerNoticeGround;

/** An entry behind a classification, with the announcement that worded it: what an auditor reads. */
export interface ClassificationEntry {
  readonly controlCode: string;
  readonly description: string;
  readonly announcement: string;
  readonly effectiveOn: string;
  readonly textUrl: string;
}

/** The answer of `GET /classification` and what a consignment's `ConsignmentClassified` records. */
export interface Classification {
  /** The day whose list was applied (YYYY-MM-DD). */
  readonly on: string;
  readonly controlled: boolean;
  readonly controlCode: string | null;
  readonly licenceRequired: boolean;
  /** In words, one per ground: the entry that lists the item, or each catch-all ground, or why none applies. */
  readonly reasons: readonly string[];
  readonly entries: readonly ClassificationEntry[];
  /** `false` for a controlled item declared under an HS code none of its entries names (HS_CODE_MISMATCH). */
  readonly hsCodeMatches: boolean;
  readonly catchAll: readonly CatchAllGround[];
}

const groundInWords = (ground: CatchAllGround): string => {
  switch (ground.kind) {
    case 'restricted-end-user':
      return ground.chain.length > 1
        ? `Catch-all: the end user ${ground.chain[0]} is owned 50 % or more by ${ground.partyName} (${ground.listName}) through ${ground.chain.join(' ← ')}`
        : `Catch-all: the end user is ${ground.partyName}, on the ${ground.listName}`;
    case 'military-end-use':
      return 'Catch-all: the end-use declaration does not exclude military use';
    case 'officer-notice':
      return `Catch-all: a licensing officer notified the exporter that a licence is required (${ground.reason})`;
  }
};

/**
 * The whole classification of an item on a day: the list in force names it (a licence is
 * required), or it does not and a licence is required only if a catch-all ground applies. The
 * grounds come in as facts (the screening of the end user, the end-use declaration, the officers'
 * notices); nothing here reads a clock or a database.
 */
export function classify(list: readonly EntryInForce[], item: DeclaredItem, on: string, catchAll: readonly CatchAllGround[] = []): Classification {
  const byList = classifyByList(list, item);
  const entries = byList.entries.map(({ entry, source }) => ({
    controlCode: entry.controlCode,
    description: entry.description,
    announcement: source.number,
    effectiveOn: source.effectiveOn,
    textUrl: source.textUrl,
  }));
  const listed = entries.map((entry) => `Listed under ${entry.controlCode} (${entry.description}) by ${entry.announcement}, in force since ${entry.effectiveOn}`);
  const reasons = byList.controlled
    ? listed
    : catchAll.length > 0
      ? catchAll.map(groundInWords)
      : [`Not on the control list in force on ${on}, and no catch-all ground applies: no licence is required`];
  return {
    on,
    controlled: byList.controlled,
    controlCode: byList.controlCode,
    licenceRequired: byList.controlled || catchAll.length > 0,
    reasons,
    entries,
    hsCodeMatches: byList.hsCodeMatches,
    catchAll: [...catchAll],
  };
}
