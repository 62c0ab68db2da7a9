import { createEventStorePool, PostgresEventStore } from '@ree/event-store';
import { DomainRuleViolation, newId } from '@ree/shared-kernel';
import { aCommandContext } from '@ree/testing';
import type { Pool } from 'pg';
import { announcementNumberId, announcementNumberStream } from '../../control-list/announcement-number';
import { AnnouncementNumbers } from '../../control-list/announcement-numbers';
import { anAnnouncement } from '../../testing/control-announcements';
import { ProposeControlAnnouncementCommand } from '../propose-control-announcement/propose-control-announcement.command';
import { ProposeControlAnnouncementHandler } from '../propose-control-announcement/propose-control-announcement.handler';
import { AdoptControlAnnouncementCommand } from './adopt-control-announcement.command';
import { AdoptControlAnnouncementHandler } from './adopt-control-announcement.handler';

/** `announcement-number-taken` against the real store: the number's own stream decides, with no read model in between. */
describe('an announcement number adopted once', () => {
  let pool: Pool;
  let store: PostgresEventStore;
  const proposer = aCommandContext({ actor: { sub: 'officer-li', role: 'licensing-officer', name: 'Officer Li' } });
  const adopterContext = (sub: string) => aCommandContext({ actor: { sub, role: 'licensing-officer', name: sub } });

  beforeAll(() => {
    pool = createEventStorePool(process.env.DATABASE_URL ?? '', { max: 6, applicationName: 'announcement-number-int-spec' });
    store = new PostgresEventStore({ pool });
  });
  afterAll(async () => {
    await store.close();
    await pool.end().catch(() => undefined);
  });

  /** Each handler with its own `AnnouncementNumbers`, as two API processes would have. */
  const adopter = () => new AdoptControlAnnouncementHandler(store, new AnnouncementNumbers(store));
  const propose = async (number: string): Promise<string> => {
    const announcementId = newId();
    await new ProposeControlAnnouncementHandler(store, new AnnouncementNumbers(store)).execute(
      new ProposeControlAnnouncementCommand(announcementId, anAnnouncement({ number }), null, null, proposer),
    );
    return announcementId;
  };

  it('two officers adopting two proposals of one number at once: one takes it, the other is refused announcement-number-taken', async () => {
    const number = `Test Announcement No. ${newId()}`;
    const [first, second] = [await propose(number), await propose(number)];
    const outcomes = await Promise.allSettled([
      adopter().execute(new AdoptControlAnnouncementCommand(first, adopterContext('officer-wang'))),
      adopter().execute(new AdoptControlAnnouncementCommand(second, adopterContext('officer-zhao'))),
    ]);
    expect(outcomes.filter(({ status }) => status === 'fulfilled')).toHaveLength(1);
    const refused = outcomes.find((outcome): outcome is PromiseRejectedResult => outcome.status === 'rejected')?.reason;
    expect(refused).toBeInstanceOf(DomainRuleViolation);
    expect((refused as DomainRuleViolation).code).toBe('announcement-number-taken');

    const taken = await store.readStream(announcementNumberStream.streamId(announcementNumberId(number)));
    expect(taken.map((event) => event.type)).toEqual(['ControlAnnouncementNumberTaken']);
    const winner = outcomes[0].status === 'fulfilled' ? first : second;
    expect(taken[0].data).toEqual({ number, announcementId: winner });
  });

  it('a number adopted is refused to a later proposal at once, from the number stream', async () => {
    const number = `Test Announcement No. ${newId()}`;
    await adopter().execute(new AdoptControlAnnouncementCommand(await propose(number), adopterContext('officer-wang')));
    await expect(propose(number)).rejects.toMatchObject({ code: 'announcement-number-taken' });
  });
});
