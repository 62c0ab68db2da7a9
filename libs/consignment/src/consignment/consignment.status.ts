/**
 * the lifecycle (docs/domain.md, "Lifecycle of a consignment"), in order: `registered → sourced → processed* → licensed → declared (end use)
 * → shipment declared → inspected? → released → departed → arrived → end-use checked → closed`, with
 * `cancelled` beside it. Holds are not a status: a held shipment keeps its status and is `held`.
 */
export const CONSIGNMENT_STATUSES = [
  'registered',
  'sourced',
  'processed',
  'licensed',
  'end-use-declared',
  'shipment-declared',
  'inspected',
  'released',
  'departed',
  'arrived',
  'end-use-checked',
  'closed',
] as const;
export type ConsignmentStatus = (typeof CONSIGNMENT_STATUSES)[number] | 'cancelled';

const rank = (status: ConsignmentStatus): number =>
  status === 'cancelled' ? Number.MAX_SAFE_INTEGER : CONSIGNMENT_STATUSES.indexOf(status);

/**
 * The later of two statuses. Sources and processing steps may still be added after the licence
 * or the end-use declaration (until the shipment is declared), and they must not move the
 * status back.
 */
export const furthest = (current: ConsignmentStatus, reached: ConsignmentStatus): ConsignmentStatus =>
  rank(reached) > rank(current) ? reached : current;

/** Whether the consignment has reached `status` (or gone past it). Cancelled reaches nothing. */
export const hasReached = (current: ConsignmentStatus, status: ConsignmentStatus): boolean =>
  current !== 'cancelled' && rank(current) >= rank(status);

/** Closed and cancelled consignments accept nothing more. */
export const isFinished = (status: ConsignmentStatus): boolean => status === 'closed' || status === 'cancelled';
