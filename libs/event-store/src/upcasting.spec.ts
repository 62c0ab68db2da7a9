import { RecordedEvent } from '@ree/shared-kernel';
import { UpcasterRegistry } from './upcasting';

function stored(type: string, schemaVersion: number, data: unknown): RecordedEvent {
  return {
    eventId: '00000000-0000-4000-8000-000000000001',
    type,
    schemaVersion,
    streamId: 'mine-1',
    revision: 0,
    position: '1',
    recordedAt: '2026-03-01T10:00:00.000Z',
    data,
    metadata: { actor: { sub: 'a', role: 'OFFICER' }, correlationId: 'c', causationId: null, prevHash: '0', hash: '1' },
  };
}

describe('UpcasterRegistry', () => {
  const registry = new UpcasterRegistry()
    .register('QuotaSet', 1, (event) => ({ ...event, schemaVersion: 2, data: { tonnes: (event.data as { t: number }).t } }))
    .register('QuotaSet', 2, (event) => ({ ...event, schemaVersion: 3, data: { grams: (event.data as { tonnes: number }).tonnes * 1e6 } }))
    .alias('MineListed', 'MineRegistered')
    .register('MineRegistered', 1, (event) => ({ ...event, schemaVersion: 2, data: { ...(event.data as object), region: 'unknown' } }));

  it('applies a chain of upcasters until the newest version', () => {
    expect(registry.upcast(stored('QuotaSet', 1, { t: 3 }))).toMatchObject({ type: 'QuotaSet', schemaVersion: 3, data: { grams: 3e6 } });
    expect(registry.upcast(stored('QuotaSet', 2, { tonnes: 1 }))).toMatchObject({ schemaVersion: 3, data: { grams: 1e6 } });
  });

  it('reads a renamed type under its new name, then lifts it like any event of that type', () => {
    expect(registry.upcast(stored('MineListed', 1, { name: 'Mount Weld' }))).toMatchObject({
      type: 'MineRegistered',
      schemaVersion: 2,
      data: { name: 'Mount Weld', region: 'unknown' },
    });
  });

  it('keeps the envelope and leaves the stored event untouched', () => {
    const event = stored('QuotaSet', 1, { t: 3 });
    const upcast = registry.upcast(event);
    expect(upcast).toMatchObject({ eventId: event.eventId, revision: 0, position: '1', metadata: event.metadata });
    expect(event).toMatchObject({ type: 'QuotaSet', schemaVersion: 1, data: { t: 3 } });
  });

  it('returns an event with no upcaster as it is', () => {
    const event = stored('QuotaSet', 3, { grams: 1 });
    expect(registry.upcast(event)).toBe(event);
  });

  it('refuses a second upcaster for the same type and version', () => {
    expect(() => registry.register('QuotaSet', 1, (event) => event)).toThrow('QuotaSet@1');
  });

  it('stops an upcaster loop instead of hanging', () => {
    const looping = new UpcasterRegistry().alias('A', 'B').alias('B', 'A');
    expect(() => looping.upcast(stored('A', 1, {}))).toThrow('loop');
  });
});
