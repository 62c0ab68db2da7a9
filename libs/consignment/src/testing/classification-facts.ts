import type { EntryInForce } from '@ree/registry/domain';
import { ClassificationFacts } from '../commands/classification-facts';
import type { EndUserMatch } from '../consignment/classification';

/**
 * The facts of a classification for handler specs that run without the registry's read models: the
 * control list of every day holds `entries` (none unless given: NdPr and the other items of the
 * fixtures are unlisted), and the end user matches `matches` (none unless given). The registry's
 * ports are what is stood in for; the event store stays the real one.
 */
export function classificationFacts(entries: readonly EntryInForce[] = [], matches: readonly EndUserMatch[] = []): ClassificationFacts {
  const controlList = { listOn: async (day: string) => ({ day, entries, listPosition: null }) };
  const screening = { screenParty: async () => ({ matches: matches.map((match) => ({ ...match, listId: match.partyId, score: 1 })), listPosition: null, algorithm: 'spec', threshold: 1 }) };
  return new ClassificationFacts(controlList, screening);
}
