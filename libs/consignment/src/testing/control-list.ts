import type { EntryInForce } from '@ree/registry/domain';
import type { ListOnDay } from '../consignment/classification';
import { CONSIGNMENT_REGISTERED, type ConsignmentEvent } from '../consignment/consignment.events';
import { registration } from './consignment-events';

/** The control list's read-model position the decider specs' lists were read at. */
export const LIST_POSITION = '1042';

/** A dysprosium entry as announcement No. 18 of 2025 words it, for the decider specs (not the reference data itself). */
export const DYSPROSIUM_ENTRY: EntryInForce = {
  entry: {
    controlCode: '1C905',
    description: 'Dysprosium: metal, alloys, oxides and compounds',
    elements: ['Dy'],
    productForms: ['metal', 'alloy', 'separated-oxide', 'other'],
    referenceHsCodes: ['2805.30', '2846.90'],
  },
  source: {
    number: 'MOFCOM/GACC Announcement No. 18 of 2025',
    effectiveOn: '2025-04-04',
    textUrl: 'https://www.mofcom.gov.cn/',
  },
};

/** The list in force on `day`, as `ControlListReader` answers: empty unless entries are given. */
export const listOn = (day: string, ...entries: EntryInForce[]): ListOnDay => ({ day, entries, listPosition: LIST_POSITION });

/** The specs' consignment registered as dysprosium oxide: what the list above names. */
export const registeredDyOxide: ConsignmentEvent = {
  type: CONSIGNMENT_REGISTERED,
  data: { ...registration, product: 'Dysprosium oxide 99.5 %', element: 'Dy' },
};
