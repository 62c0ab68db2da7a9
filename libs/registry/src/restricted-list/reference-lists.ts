import { nameBasedUuid } from '@ree/shared-kernel';
import type { RestrictedListDefinedData } from './restricted-list.events';

/** The deterministic id of a reference list: the same in every process and every database. */
const referenceListId = (key: string): string => nameBasedUuid(`registry/restricted-list/reference/${key}`);

export const CONTROL_LIST_ID = referenceListId('control-list');
export const WATCH_LIST_ID = referenceListId('watch-list');
export const UNRELIABLE_ENTITY_LIST_ID = referenceListId('unreliable-entity-list');

/**
 * The lists the regime publishes, present from the first start (docs/decisions.md, 45):
 * - the **Control List** (管控名单) of the Export Control Law and the Dual-use Items Export Control Regulations:
 *   exports to a listed party are prohibited, restricted or suspended — `refuse`;
 * - the **Watch List** (关注名单) of the same Regulations: a licence is needed for any item, the application comes
 *   with a risk assessment and the case is reviewed, and No. 61 of 2025 refuses Control- and Watch-List parties "in
 *   principle" — `licence-required`;
 * - the **Unreliable Entity List** (不可靠实体清单), announced by MOFCOM in May 2019 and governed by the Provisions on
 *   the Unreliable Entity List (MOFCOM Order No. 4 of 2020), whose Article 10 measures include restricting or
 *   prohibiting a listed entity's import and export activities related to China; every listing decision taken under
 *   it so far (Lockheed Martin and Raytheon Missiles & Defense in February 2023, US defence companies in 2024 and
 *   2025) prohibits them, and an exporter who knows the real importer or user is such an entity may not export —
 *   `refuse`. It is the list the product's single restricted list modelled: listings recorded before lists existed
 *   carry no `listId` and mean this one.
 */
export const REFERENCE_LISTS: readonly RestrictedListDefinedData[] = [
  {
    listId: CONTROL_LIST_ID,
    name: 'Control List (管控名单)',
    description:
      'Foreign importers and end users that endanger national security and interests, or use controlled items for ' +
      'terrorism or weapons of mass destruction; exports of controlled items to them are prohibited, restricted or ' +
      'suspended (Export Control Law, Art. 18; Dual-use Items Export Control Regulations).',
    consequence: 'refuse',
  },
  {
    listId: WATCH_LIST_ID,
    name: 'Watch List (关注名单)',
    description:
      'Foreign importers and end users whose end use or end user could not be verified, or who did not honour their ' +
      'end-use commitments: a licence is needed, with a risk assessment and a review of the case; no general licence ' +
      '(Dual-use Items Export Control Regulations).',
    consequence: 'licence-required',
  },
  {
    listId: UNRELIABLE_ENTITY_LIST_ID,
    name: 'Unreliable Entity List (不可靠实体清单)',
    description:
      'Foreign entities that endanger national sovereignty, security or development interests, or cut off normal ' +
      'transactions with Chinese companies; measures include prohibiting their import and export activities related ' +
      'to China (Provisions on the Unreliable Entity List, MOFCOM Order No. 4 of 2020, Art. 10).',
    consequence: 'refuse',
  },
];

/** The list of a listing: a listing recorded before lists existed names none and was on the Unreliable Entity List. */
export const listIdOfListing = (listing: { readonly listId?: string }): string => listing.listId ?? UNRELIABLE_ENTITY_LIST_ID;

/** A reference list by id, for a reader whose read model has not yet seen its definition. */
export const referenceList = (listId: string): RestrictedListDefinedData | undefined => REFERENCE_LISTS.find((list) => list.listId === listId);
