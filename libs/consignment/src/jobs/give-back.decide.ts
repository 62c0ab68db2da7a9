import type { LicenceEvent, LicenceState } from '@ree/licensing/domain';
import type { MineEvent, MineState } from '@ree/registry/domain';
import { type ConsignmentState, currentSources, type MiningSource } from '../consignment/consignment.state';
import { giveBackOnLicence, inTurn, RETURNED_ON_CANCEL, RETURNED_ON_CORRECTION, returnDrawOf } from '../consignment/reservations.decide';

/** What a consignment event calls for on other streams: everything on a cancel, the replaced draw on a correction. */
export type GiveBackJob =
  | { readonly kind: 'consignment-cancelled'; readonly consignmentId: string; readonly correlationId?: string }
  | { readonly kind: 'mining-source-corrected'; readonly consignmentId: string; readonly correctsId: string; readonly correlationId?: string };

/** The decisions of one give-back, one per stream, each made by the owning context's pure deciders. */
export interface GiveBack {
  readonly mines: ReadonlyArray<{ readonly mineId: string; readonly decide: (mine: MineState) => MineEvent[] }>;
  readonly licence?: { readonly licenceId: string; readonly decide: (licence: LicenceState) => LicenceEvent[] };
}

/**
 * A cancel gives back every draw of the sources in force (one append per mine) and what the
 * consignment holds on its licence, with its declaration's endorsement; a correction gives back the replaced declaration's draw. Each
 * decision is quiet when there is nothing left to give back (a same-mine correction returned the
 * old draw with its reservation; a job run twice finds its returns), so a give-back happens once.
 */
export function giveBackFor(job: GiveBackJob, consignment: ConsignmentState): GiveBack {
  const { consignmentId } = job;
  if (job.kind === 'mining-source-corrected') {
    const original = consignment.sources[job.correctsId];
    return { mines: original ? [{ mineId: original.mineId, decide: returnDrawOf(consignmentId, original, RETURNED_ON_CORRECTION) }] : [] };
  }
  const mines = [...bySourceMine(currentSources(consignment))].map(([mineId, sources]) => ({
    mineId,
    decide: inTurn(...sources.map((source) => returnDrawOf(consignmentId, source, RETURNED_ON_CANCEL))),
  }));
  const attached = consignment.licence;
  if (!attached) return { mines };
  return { mines, licence: { licenceId: attached.licenceId, decide: giveBackOnLicence(consignmentId, attached.licenceId, RETURNED_ON_CANCEL) } };
}

function bySourceMine(sources: readonly MiningSource[]): Map<string, MiningSource[]> {
  const grouped = new Map<string, MiningSource[]>();
  for (const source of sources) grouped.set(source.mineId, [...(grouped.get(source.mineId) ?? []), source]);
  return grouped;
}
