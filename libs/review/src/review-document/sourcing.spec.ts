import { reviewDocument } from './review-document.fold';
import { CONSIGNMENT_ID, EXPORTER, History, MINE, MINE_ID, registered, source, step } from '../testing/review-history';

const registeredHistory = () => new History().consignment('ConsignmentRegistered', registered(1000, 950));

describe('review document: registration, mining sources, processing steps and the mass balance', () => {
  it('shows the registration and nothing done before any source', () => {
    const document = reviewDocument(registeredHistory().events);

    expect(document).toMatchObject({
      consignmentId: CONSIGNMENT_ID,
      status: 'registered',
      exporterOrg: 'baotou-rare-earth',
      product: 'Neodymium oxide',
      element: 'Nd',
      hsCode: '2846.90',
      quantityKg: 1000,
      reoEquivalentKg: 950,
      destinationCountry: 'DE',
      miningSources: [],
      massBalance: { sourcedKgReo: 0, finalKgReo: 0, overallYield: null },
      licence: null,
      endUse: null,
      shipment: null,
    });
    expect(Object.values(document.stages).map((stage) => stage.status)).toEqual(Array(6).fill('pending'));
  });

  it('lists each mining source with its mine name and quota draw, and marks the mining stage done by its declarer', () => {
    const history = new History()
      .record(MINE, 'MineRegistered', { mineId: MINE_ID, name: 'Bayan Obo East', operator: 'Baogang', region: 'Inner Mongolia', country: 'CN', miningLicenceNo: 'C1', depositType: 'bastnaesite' }, EXPORTER)
      .consignment('ConsignmentRegistered', registered())
      .record(MINE, 'MiningQuotaDrawn', { year: 2025, category: 'light', kgReo: 600, consignmentId: CONSIGNMENT_ID, declarationId: 'd-1' })
      .consignment('MiningSourceDeclared', source('d-1', 600))
      .consignment('MiningSourceDeclared', source('d-2', 400.5));
    const document = reviewDocument(history.events);

    expect(document.status).toBe('sourced');
    expect(document.miningSources.map((s) => [s.declarationId, s.mineName, s.quota, s.kgReo])).toEqual([
      ['d-1', 'Bayan Obo East', 'drawn', 600],
      ['d-2', 'Bayan Obo East', 'unknown', 400.5],
    ]);
    expect(document.stages.mining).toEqual({ status: 'done', at: history.last.recordedAt, by: EXPORTER });
    expect(document.massBalance).toEqual({ sourcedKgReo: 1000.5, finalKgReo: 1000.5, overallYield: 1 });
  });

  it('ignores another consignment\'s draws on the same mine', () => {
    const history = registeredHistory()
      .record(MINE, 'MiningQuotaDrawn', { year: 2025, category: 'light', kgReo: 5000, consignmentId: 'someone-else', declarationId: 'd-1' })
      .consignment('MiningSourceDeclared', source('d-1', 600));
    const document = reviewDocument(history.events);

    expect(document.miningSources[0].quota).toBe('unknown');
    expect(document.timeline.map((entry) => entry.type)).toEqual(['ConsignmentRegistered', 'MiningSourceDeclared']);
  });

  it('puts a corrected source in the place of the one it corrects, returns its draw, and keeps both in the timeline', () => {
    const history = registeredHistory()
      .consignment('MiningSourceDeclared', source('d-1', 600))
      .consignment('MiningSourceDeclared', source('d-2', 400))
      .record(MINE, 'MiningQuotaReturned', { year: 2025, category: 'light', kgReo: 600, consignmentId: CONSIGNMENT_ID, declarationId: 'd-1', reason: 'corrected' })
      .consignment('MiningSourceCorrected', { ...source('d-3', 550), correctsId: 'd-1', reason: 'weighbridge error' });
    const document = reviewDocument(history.events);

    expect(document.miningSources.map((s) => [s.declarationId, s.kgReo, s.correctsId, s.correctionReason])).toEqual([
      ['d-3', 550, 'd-1', 'weighbridge error'],
      ['d-2', 400, null, null],
    ]);
    expect(document.massBalance.sourcedKgReo).toBe(950);
    expect(document.timeline.map((entry) => entry.type)).toEqual([
      'ConsignmentRegistered', 'MiningSourceDeclared', 'MiningSourceDeclared', 'MiningQuotaReturned', 'MiningSourceCorrected',
    ]);
  });

  it('gives every processing step its yield and the mass balance the last step\'s output', () => {
    const history = registeredHistory()
      .consignment('MiningSourceDeclared', source('d-1', 1200))
      .consignment('ProcessingStepRecorded', step('s-1', 'beneficiation', 1200, 1100))
      .consignment('ProcessingStepRecorded', step('s-2', 'separation', 1100, 990.5));
    const document = reviewDocument(history.events);

    expect(document.status).toBe('processed');
    expect(document.processingSteps.map((s) => [s.stepId, s.yield])).toEqual([['s-1', 0.9167], ['s-2', 0.9005]]);
    expect(document.massBalance).toEqual({ sourcedKgReo: 1200, finalKgReo: 990.5, overallYield: 0.8254 });
    expect(document.stages.processing.status).toBe('done');
  });

  it('replaces a corrected step in place, so the balance follows the correction', () => {
    const history = registeredHistory()
      .consignment('MiningSourceDeclared', source('d-1', 1000))
      .consignment('ProcessingStepRecorded', step('s-1', 'separation', 1000, 800))
      .consignment('ProcessingStepCorrected', { ...step('s-2', 'separation', 1000, 950), correctsId: 's-1', reason: 'assay redone' });
    const document = reviewDocument(history.events);

    expect(document.processingSteps.map((s) => [s.stepId, s.outputKgReo, s.yield, s.correctsId])).toEqual([['s-2', 950, 0.95, 's-1']]);
    expect(document.massBalance.finalKgReo).toBe(950);
    expect(document.timeline.filter((entry) => entry.type.startsWith('ProcessingStep'))).toHaveLength(2);
  });

  it('adds quantities exactly to the gram', () => {
    const history = registeredHistory()
      .consignment('MiningSourceDeclared', source('d-1', 0.1))
      .consignment('MiningSourceDeclared', source('d-2', 0.2))
      .consignment('MiningSourceDeclared', source('d-3', 1234.567));
    expect(reviewDocument(history.events).massBalance.sourcedKgReo).toBe(1234.867);
  });
});
