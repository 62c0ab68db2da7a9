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
