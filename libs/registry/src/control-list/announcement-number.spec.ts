import { DomainRuleViolation } from '@ree/shared-kernel';
import {
  ANNOUNCEMENT_NUMBER_FREED,
  ANNOUNCEMENT_NUMBER_TAKEN,
  type AnnouncementNumberEvent,
  evolveAnnouncementNumber,
  freeAnnouncementNumber,
  initialAnnouncementNumberState,
  takeAnnouncementNumber,
} from './announcement-number';

const NUMBER = 'MOFCOM/GACC Announcement No. 99 of 2026';
const stateAfter = (events: AnnouncementNumberEvent[]) => events.reduce(evolveAnnouncementNumber, initialAnnouncementNumberState());
const taken = (announcementId: string): AnnouncementNumberEvent => ({ type: ANNOUNCEMENT_NUMBER_TAKEN, data: { number: NUMBER, announcementId } });

describe('an announcement number on its own stream', () => {
  it('a free number is taken by the adoption', () => {
    expect(takeAnnouncementNumber(NUMBER, 'a-1')(stateAfter([]))).toEqual([taken('a-1')]);
  });

  it('announcement-number-taken: another announcement holds it', () => {
    const refuse = () => takeAnnouncementNumber(NUMBER, 'a-2')(stateAfter([taken('a-1')]));
    expect(refuse).toThrow(DomainRuleViolation);
    expect(refuse).toThrow(/already adopted \(announcement a-1\)/);
  });

  it('the same adoption taking it again stays quiet', () => {
    expect(takeAnnouncementNumber(NUMBER, 'a-1')(stateAfter([taken('a-1')]))).toEqual([]);
  });

  it('freed by the adoption that held it, the number can be taken by another', () => {
    const freed = freeAnnouncementNumber('a-1', 'refused')(stateAfter([taken('a-1')]));
    expect(freed).toEqual([{ type: ANNOUNCEMENT_NUMBER_FREED, data: { announcementId: 'a-1', reason: 'refused' } }]);
    expect(takeAnnouncementNumber(NUMBER, 'a-2')(stateAfter([taken('a-1'), ...freed]))).toEqual([taken('a-2')]);
  });

  it('freeing a number another adoption holds changes nothing', () => {
    expect(freeAnnouncementNumber('a-2', 'refused')(stateAfter([taken('a-1')]))).toEqual([]);
  });
});
