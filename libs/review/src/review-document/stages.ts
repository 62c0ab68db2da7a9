import { STAGE_NAMES, type ReviewDocument, type Stage, type StageName, type StageStatus } from './review-document';

/** Which stage each red flag (docs/domain.md, "Red flags") points at. */
export const FLAG_STAGES: Readonly<Record<string, StageName>> = {
  SOURCE_SHORTFALL: 'mining',
  LOW_YIELD: 'processing',
  RESTRICTED_PARTY_MATCH: 'licence',
  LICENCE_SUSPENDED_IN_TRANSIT: 'licence',
  WEIGHT_DISCREPANCY: 'shipment',
  HS_CODE_MISMATCH: 'shipment',
  ARRIVAL_NOT_CONFIRMED: 'shipment',
  END_USE_CHECK_OVERDUE: 'verification',
  END_USE_VIOLATION: 'verification',
};

const LICENCE_STOPPED = new Set(['suspended', 'revoked']);

function isDone(document: ReviewDocument, stage: StageName): boolean {
  switch (stage) {
    case 'mining':
      return document.miningSources.length > 0;
    case 'processing':
      return document.processingSteps.length > 0;
    case 'licence':
      return document.licence !== null;
    case 'endUse':
      return document.endUse !== null;
    case 'shipment':
      return typeof document.shipment?.arrivedAt === 'string';
    case 'verification':
      return document.checks.some((check) => check.outcome === 'verified');
  }
}

/** An expired licence stops only what had not yet been released under it. */
const expiredBeforeRelease = (document: ReviewDocument): boolean =>
  document.licence?.status === 'expired' && (document.shipment?.releasedOn ?? null) === null;

function isBlocked(document: ReviewDocument, stage: StageName): boolean {
  if (stage === 'licence') return LICENCE_STOPPED.has(document.licence?.status ?? '') || expiredBeforeRelease(document);
  if (stage === 'shipment') return document.shipment?.held === true;
  return false;
}

/**
 * A stage's status, the most urgent first: an open red flag on it (a failed end-use check opens
 * END_USE_VIOLATION), then what stops it (a customs hold, a suspended or revoked licence, one
 * expired before the release, a cancel of what was never done), then done, else pending. A
 * cleared flag stays in the document's list but no longer marks its stage.
 */
export function stageStatus(document: ReviewDocument, stage: StageName): StageStatus {
  if (document.flags.some((flag) => flag.clearedAt === null && FLAG_STAGES[flag.code] === stage)) return 'flagged';
  if (isBlocked(document, stage)) return 'blocked';
  if (isDone(document, stage)) return 'done';
  return document.status === 'cancelled' ? 'blocked' : 'pending';
}

export function withStageStatuses(document: ReviewDocument): ReviewDocument {
  const stages = Object.fromEntries(
    STAGE_NAMES.map((name): [StageName, Stage] => [name, { ...document.stages[name], status: stageStatus(document, name) }]),
  ) as Record<StageName, Stage>;
  return { ...document, stages };
}
