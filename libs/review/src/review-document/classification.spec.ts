import { reviewDocument } from './review-document.fold';
import { CUSTOMS, endUseFiled, History, OFFICER, registered, shipmentDeclared, source } from '../testing/review-history';

const ENTRY = {
  controlCode: '1C905',
  description: 'Dysprosium: metal, alloys, oxides and compounds',
  announcement: 'MOFCOM/GACC Announcement No. 18 of 2025',
  effectiveOn: '2025-04-04',
  textUrl: 'https://www.mofcom.gov.cn/',
};
const classification = (on: string, controlled: boolean, hsCodeMatches = true) => ({
  on,
  controlled,
  controlCode: controlled ? '1C905' : null,
  licenceRequired: controlled,
  reasons: [controlled ? 'Listed under 1C905' : 'Not on the control list'],
  entries: controlled ? [ENTRY] : [],
  hsCodeMatches,
  catchAll: [],
});

describe('review document: the classification by the control list', () => {
  it('is null for a consignment registered before the control list, and so is the remark of its declaration', () => {
    const document = reviewDocument(
      new History()
        .consignment('ConsignmentRegistered', registered(1000))
        .consignment('MiningSourceDeclared', source('d-1', 1000))
        .consignment('EndUseDeclarationFiled', endUseFiled())
        .consignment('ShipmentDeclared', shipmentDeclared(1000), CUSTOMS).events,
    );
    expect(document).toMatchObject({ classification: null, licenceNotices: [], shipment: { controlRemark: null } });
  });

  it('shows the latest classification with its stage, day, list position, entries and announcements, and the notices', () => {
    const history = new History()
      .consignment('ConsignmentRegistered', registered(1000))
      .consignment('ConsignmentClassified', { stage: 'registration', classification: classification('2025-04-01', false), listPosition: '10' })
      .consignment('MiningSourceDeclared', source('d-1', 1000))
      .consignment('EndUseDeclarationFiled', endUseFiled())
      .consignment('LicenceRequirementNotified', { noticeId: 'n-1', reason: 'End user under review', notifiedBy: OFFICER.sub, notifiedOn: '2025-04-05' }, OFFICER)
      .consignment('ConsignmentClassified', { stage: 'shipment-declaration', classification: classification('2025-05-06', true, false), listPosition: '42' }, CUSTOMS)
      .consignment('ShipmentDeclared', { ...shipmentDeclared(1000), controlRemark: 'controlled' }, CUSTOMS);
    const document = reviewDocument(history.events);
    expect(document.classification).toEqual({
      ...classification('2025-05-06', true, false),
      stage: 'shipment-declaration',
      listPosition: '42',
      classifiedAt: history.events[5].recordedAt,
    });
    expect(document.licenceNotices).toEqual([
      { noticeId: 'n-1', reason: 'End user under review', notifiedBy: OFFICER.sub, notifiedOn: '2025-04-05', recordedAt: history.events[4].recordedAt },
    ]);
    expect(document.shipment?.controlRemark).toBe('controlled');
    expect(document.flags).toMatchObject([{ code: 'HS_CODE_MISMATCH', severity: 'high', clearedAt: null }]);
    expect(document.stages.shipment.status).toBe('flagged');
    expect(document.timeline.map((entry) => entry.summary)).toContain(
      'Classified at shipment-declaration by the list of 2025-05-06: controlled under 1C905, licence required',
    );
  });
});
