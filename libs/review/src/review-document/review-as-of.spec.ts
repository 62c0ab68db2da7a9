import { recordedAsOf, reviewAsOf } from './review-as-of';
import { reviewDocument } from './review-document.fold';
import { CONSIGNMENT_ID, History, issuedLicence, LICENCE, LICENCE_ID, registered, source } from '../testing/review-history';

/** Licence issued (3 events), then consignment revisions 0..3 with a licence allocation before the attach. */
const history = () =>
  issuedLicence(new History(), 5000)
    .consignment('ConsignmentRegistered', registered(1000))
    .consignment('MiningSourceDeclared', source('d-1', 600))
    .record(LICENCE, 'LicenceQuantityAllocated', { consignmentId: CONSIGNMENT_ID, itemIndex: 0, hsCode: '2846.90', kg: 1000 })
    .consignment('LicenceAttached', { licenceId: LICENCE_ID, allocatedKg: 1000 })
    .consignment('MiningSourceDeclared', source('d-2', 400));

describe('reviewAsOf: the review document as it stood at an earlier point', () => {
  it('is the whole document without a limit', () => {
    const events = history().events;
    expect(reviewAsOf(events)).toEqual(reviewDocument(events));
  });

  it('folds only what had been recorded by an instant, inclusive', () => {
    const events = history().events;
    const registeredAt = events[3].recordedAt;
    const document = reviewAsOf(events, { asOf: registeredAt });

    expect(document.status).toBe('registered');
    expect(document.lastPosition).toBe(events[3].position);
    expect(document.timeline).toHaveLength(4);
  });

  it('stops at a revision of the consignment\'s stream, before what the next command reserved elsewhere', () => {
    const events = history().events;
    const document = reviewAsOf(events, { untilRevision: 1 });

    expect(document.status).toBe('sourced');
    expect(document.licence).toBeNull();
    expect(document.timeline.map((entry) => entry.type)).not.toContain('LicenceQuantityAllocated');
    expect(document.massBalance.sourcedKgReo).toBe(600);
  });

  it('takes the earlier of an instant and a revision', () => {
    const events = history().events;
    expect(reviewAsOf(events, { untilRevision: 3, asOf: events[4].recordedAt }).status).toBe('sourced');
    expect(reviewAsOf(events, { untilRevision: 0, asOf: events[7].recordedAt }).status).toBe('registered');
  });

  it('orders the events by global position whatever order they come in', () => {
    const events = history().events;
    expect(reviewAsOf([...events].reverse(), { untilRevision: 2 })).toEqual(reviewAsOf(events, { untilRevision: 2 }));
    expect(reviewAsOf([...events].reverse(), { untilRevision: 2 }).licence).toMatchObject({ allocatedKg: 1000, remainingKg: 4000 });
  });

  it('lists, in global order, exactly the events it folds (what the audit\'s history shows beside the document)', () => {
    const events = history().events;
    const untilSource = recordedAsOf([...events].reverse(), { untilRevision: 1 });
    expect(untilSource).toEqual(events.slice(0, 5));
    expect(reviewDocument(untilSource)).toEqual(reviewAsOf(events, { untilRevision: 1 }));
    expect(recordedAsOf(events, { asOf: events[3].recordedAt })).toEqual(events.slice(0, 4));
    expect(recordedAsOf(events)).toEqual(events);
  });

  it('is empty before the consignment existed', () => {
    const events = history().events;
    const document = reviewAsOf(events, { asOf: '2020-01-01T00:00:00Z', consignmentId: CONSIGNMENT_ID });
    expect(document).toMatchObject({ consignmentId: CONSIGNMENT_ID, status: null, timeline: [], lastPosition: null });
  });
});
