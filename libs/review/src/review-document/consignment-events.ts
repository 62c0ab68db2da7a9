import type { ConsignmentEvent, MiningSourceDeclaredData, ProcessingStepRecordedData } from '@ree/consignment/domain';
import { evolveConsignment } from '@ree/consignment/domain';
import type { RecordedEvent } from '@ree/shared-kernel';
import { evolveFlagState } from '../flags';
import { replaceOrAppend } from './corrections';
import { withAppendedFlags } from './flag-entries';
import type { ReviewDocument, ReviewMiningSource, ReviewProcessingStep, StageName } from './review-document';
import type { Applied, Review } from './review';
import { applyShipmentEvent } from './shipment-events';

type Correcting = { readonly correctsId?: string; readonly reason?: string };

const miningSource = (data: MiningSourceDeclaredData & Correcting, at: string): ReviewMiningSource => ({
  declarationId: data.declarationId,
  mineId: data.mineId,
  mineName: null,
  quotaYear: data.quotaYear,
  category: data.category,
  extractionBatchRef: data.extractionBatchRef,
  kgReo: data.kgReo,
  extractedOn: data.extractedOn,
  quota: 'unknown',
  declaredAt: at,
  correctsId: data.correctsId ?? null,
  correctionReason: data.reason ?? null,
});

const processingStep = (data: ProcessingStepRecordedData & Correcting, at: string): ReviewProcessingStep => ({
  stepId: data.stepId,
  facility: data.facility,
  process: data.process,
  inputForm: data.inputForm,
  outputForm: data.outputForm,
  inputKgReo: data.inputKgReo,
  outputKgReo: data.outputKgReo,
  yield: null,
  completedOn: data.completedOn,
  recordedAt: at,
  correctsId: data.correctsId ?? null,
  correctionReason: data.reason ?? null,
});

/** The document's own part of a consignment event, and the stage it belongs to. */
function documentChange(document: ReviewDocument, event: RecordedEvent & ConsignmentEvent): [Partial<ReviewDocument>, StageName | null] {
  const at = event.recordedAt;
  switch (event.type) {
    case 'ConsignmentRegistered': {
      const { consignmentId, exporterOrg, product, productForm, element, hsCode, quantityKg, reoEquivalentKg, destinationCountry } = event.data;
      return [{ consignmentId, exporterOrg, product, productForm, element, hsCode, quantityKg, reoEquivalentKg, destinationCountry }, null];
    }
    case 'MiningSourceDeclared':
    case 'MiningSourceCorrected': {
      const source = miningSource(event.data, at);
      return [{ miningSources: replaceOrAppend(document.miningSources, (s) => s.declarationId, source.correctsId, source) }, 'mining'];
    }
    case 'ProcessingStepRecorded':
    case 'ProcessingStepCorrected': {
      const step = processingStep(event.data, at);
      return [{ processingSteps: replaceOrAppend(document.processingSteps, (s) => s.stepId, step.correctsId, step) }, 'processing'];
    }
    case 'LicenceAttached':
      return [{}, 'licence'];
    case 'ConsignmentClassified': {
      const { stage, listPosition, classification } = event.data;
      return [{ classification: { ...classification, stage, listPosition, classifiedAt: at } }, null];
    }
    case 'LicenceRequirementNotified':
      return [{ licenceNotices: [...document.licenceNotices, { ...event.data, recordedAt: at }] }, 'licence'];
    case 'EndUseDeclarationFiled':
      return [{ endUse: { ...event.data, filedAt: at } }, 'endUse'];
    case 'EndUseCheckRecorded':
      return [{ checks: [...document.checks, { ...event.data, recordedAt: at, by: event.metadata.actor }] }, 'verification'];
    case 'ConsignmentClosed':
      return [{}, 'verification'];
    case 'ConsignmentCancelled':
      return [{}, null];
    case 'ShipmentDeclared':
    case 'ShipmentInspected':
    case 'ShipmentHeld':
    case 'ShipmentHoldLifted':
    case 'ShipmentReleased':
    case 'ShipmentDeparted':
    case 'ShipmentArrived':
      return [{ shipment: applyShipmentEvent(document.shipment, event) }, 'shipment'];
    default:
      return [{}, null];
  }
}

/**
 * A consignment event of the reviewed stream: the document's part, the consignment's own fold for
 * the status, the red-flag rules' state, and the flags jobs appended (or the event that clears one).
 */
export function applyConsignmentEvent(review: Review, event: RecordedEvent & ConsignmentEvent): Applied {
  const consignment = evolveConsignment(review.consignment, event);
  const [change, stage] = documentChange(review.document, event);
  const flags = withAppendedFlags(review.document.flags, event, event.recordedAt);
  const document = { ...review.document, ...change, flags, status: consignment.status };
  const flagState = evolveFlagState(review.flagState, event);
  return { review: { ...review, consignment, document, flagState }, concerns: true, stage };
}
