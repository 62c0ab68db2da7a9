import type { DomainEvent, RecordedEvent } from './event';
import { streamType, UndeclaredEventTypeError } from './stream-type';

type ParcelEvent = DomainEvent<'ParcelPacked', { kg: number }> | DomainEvent<'ParcelSent', { to: string }>;
const parcels = streamType<ParcelEvent>('parcel', { ParcelPacked: 1, ParcelSent: 2 });
const boxes = streamType<DomainEvent<'BoxPacked', null>>('parcel-box', { BoxPacked: 1 });

const recorded = (streamId: string, type: string, revision = 0): RecordedEvent => ({
  eventId: `e-${revision}`,
  type,
  schemaVersion: 1,
  streamId,
  revision,
  position: String(revision + 1),
  recordedAt: '2026-01-01T00:00:00.000Z',
  data: { kg: 3 },
  metadata: { actor: { sub: 'a', role: 'officer' }, correlationId: 'c', causationId: null, prevHash: '0', hash: '1' },
});

describe('streamType', () => {
  it('names streams by category and reads the entity id back', () => {
    expect(parcels.streamId('42')).toBe('parcel-42');
    expect(parcels.entityIdOf('parcel-42')).toBe('42');
    expect(() => parcels.entityIdOf('box-42')).toThrow(RangeError);
  });

  it('holds only declared types of its own category', () => {
    expect(parcels.holds(recorded('parcel-1', 'ParcelPacked'))).toBe(true);
    expect(parcels.holds(recorded('parcel-1', 'ParcelLost'))).toBe(false);
    expect(parcels.holds(recorded('mine-1', 'ParcelPacked'))).toBe(false);
    // A category that extends another's prefix is told apart by the types it declares.
    expect(parcels.holds(recorded('parcel-box-1', 'BoxPacked'))).toBe(false);
    expect(boxes.holds(recorded('parcel-box-1', 'BoxPacked'))).toBe(true);
  });

  it('narrows a stream to the domain union and refuses a type it does not declare', () => {
    const events = parcels.domainEvents([recorded('parcel-1', 'ParcelPacked'), recorded('parcel-1', 'ParcelSent', 1)]);
    expect(events.map((event) => event.type)).toEqual(['ParcelPacked', 'ParcelSent']);
    expect(() => parcels.domainEvents([recorded('parcel-1', 'ParcelLost')])).toThrow(UndeclaredEventTypeError);
  });
});
