import { evolveReview, reviewDocument } from './review-document.fold';
import { initialReview } from './review';
import {
  CONSIGNMENT, CONSIGNMENT_ID, EXPORTER, History, issuedLicence, LICENCE, LICENCE_ID, MINE, registered, source, step,
} from '../testing/review-history';

describe('review document: the timeline', () => {
  it('gives each event its position, stream, revision, type, time, actor and a readable summary', () => {
    const history = new History()
      .consignment('ConsignmentRegistered', registered(1000))
      .consignment('MiningSourceDeclared', source('d-1', 600))
      .consignment('ProcessingStepRecorded', step('s-1', 'separation', 600, 560));
    const [first, , third] = history.events;
    const { timeline } = reviewDocument(history.events);

    expect(timeline[0]).toEqual({
      position: first.position,
      streamId: CONSIGNMENT,
      revision: 0,
      type: 'ConsignmentRegistered',
      at: first.recordedAt,
      actor: EXPORTER,
      summary: 'Registered 1000 kg of Neodymium oxide (Nd, HS 2846.90) for DE',
    });
    expect(timeline.map((entry) => entry.summary).slice(1)).toEqual([
      `Mining source d-1: 600 kg REO from mine ${source('d-1', 0).mineId} (2025 light quota)`,
      'separation at Baotou Separation Works: 600 kg in, 560 kg out (REO)',
    ]);
    expect(reviewDocument(history.events).lastPosition).toBe(third.position);
  });

  it('puts the licence\'s own history in the timeline, in global order with the consignment\'s', () => {
    const history = issuedLicence(new History(), 5000)
      .consignment('ConsignmentRegistered', registered(1000))
      .record(LICENCE, 'LicenceQuantityAllocated', { consignmentId: CONSIGNMENT_ID, itemIndex: 0, hsCode: '2846.90', kg: 1000 })
      .consignment('LicenceAttached', { licenceId: LICENCE_ID, allocatedKg: 1000 });

    expect(reviewDocument(history.events).timeline.map((entry) => entry.summary)).toEqual([
      'Licence applied for by baotou-rare-earth for DE',
      'Licence approved, valid 2025-01-01 to 2025-12-31',
      'Licence issued, countersigned by officer-2',
      'Registered 1000 kg of Neodymium oxide (Nd, HS 2846.90) for DE',
      '1000 kg allocated on the licence',
      `Licence ${LICENCE_ID} attached, 1000 kg allocated`,
    ]);
  });

  it('leaves the document as it was for another consignment\'s events and events of unrelated streams', () => {
    const history = new History().consignment('ConsignmentRegistered', registered(1000));
    const before = reviewDocument(history.events);
    history
      .record('consignment-another', 'MiningSourceDeclared', source('x-1', 99))
      .record(MINE, 'MiningQuotaAllocated', { allocationId: 'q-1', year: 2025, category: 'light', quotaKgReo: 1e6 })
      .record('restricted-party-1', 'RestrictedPartyListed', { partyId: '1', name: 'X', aliases: [], country: 'RU', reason: 'r', listReference: 'L' });

    expect(reviewDocument(history.events)).toEqual(before);
  });

  it('is the same whether folded at once or event by event from a named consignment', () => {
    const history = new History()
      .consignment('ConsignmentRegistered', registered(1000))
      .consignment('MiningSourceDeclared', source('d-1', 600))
      .consignment('ConsignmentFlagged', { code: 'SOURCE_SHORTFALL', severity: 'high', detail: '400 kg short' });
    let review = initialReview(CONSIGNMENT_ID);
    for (const event of history.events) review = evolveReview(review, event);

    expect(review.document).toEqual(reviewDocument(history.events));
    expect(review.document.timeline.at(-1)?.summary).toBe('Red flag SOURCE_SHORTFALL (high): 400 kg short');
    expect(review.document.stages.mining.status).toBe('flagged');
  });

  it('names an event type it does not know by its type, and touches no stage with it', () => {
    const history = new History()
      .consignment('ConsignmentRegistered', registered(1000))
      .consignment('ConsignmentRenamedInFuture', { name: 'x' });
    const document = reviewDocument(history.events);
    expect(document.timeline[1].summary).toBe('ConsignmentRenamedInFuture');
    expect(Object.values(document.stages)).toEqual(Array(6).fill({ status: 'pending' }));
  });
});
