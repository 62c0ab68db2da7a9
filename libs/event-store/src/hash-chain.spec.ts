import { randomUUID } from 'node:crypto';
import { ChainLink, eventHash, GENESIS_HASH, linkHolds, verifyChain } from './hash-chain';
import { prepareAppend, PreparedEvent } from './prepare-append';

const actor = { sub: 'officer-1', role: 'OFFICER' };

function chain(length: number): PreparedEvent[] {
  const events = Array.from({ length }, (_, n) => ({ eventId: randomUUID(), type: 'QuotaSet', data: { n }, metadata: { actor } }));
  return prepareAppend('mine-1', null, events, '2026-03-01T10:00:00.000Z');
}

describe('the hash chain', () => {
  it('starts from 64 zeros and links each event to the one before', () => {
    const events = chain(3);
    expect(events[0].metadata.prevHash).toBe(GENESIS_HASH);
    expect(events[1].metadata.prevHash).toBe(events[0].metadata.hash);
    expect(verifyChain(events)).toEqual({ valid: true, events: 3, headHash: events[2].metadata.hash });
  });

  it('verifies an empty stream with the genesis hash as head', () => {
    expect(verifyChain([])).toEqual({ valid: true, events: 0, headHash: GENESIS_HASH });
  });

  it('covers every hashed field: changing any one changes the hash', () => {
    const [event] = chain(1);
    const fields = { ...event, actor: event.metadata.actor };
    const original = eventHash(GENESIS_HASH, fields);
    const changes = [
      { eventId: randomUUID() },
      { type: 'QuotaRaised' },
      { schemaVersion: 2 },
      { streamId: 'mine-2' },
      { revision: 1 },
      { recordedAt: '2026-03-01T10:00:00.001Z' },
      { data: { n: 1 } },
      { actor: { ...actor, sub: 'officer-2' } },
    ];
    changes.forEach((change) => expect(eventHash(GENESIS_HASH, { ...fields, ...change })).not.toBe(original));
    expect(eventHash('f'.repeat(64), fields)).not.toBe(original);
  });

  it('names the changed event as the first broken revision', () => {
    const events = chain(4);
    const tampered = events.map((event) => (event.revision === 2 ? { ...event, data: { n: 99 } } : event));
    expect(verifyChain(tampered)).toMatchObject({ valid: false, firstBrokenRevision: 2 });
  });

  it('catches a change of the actor, which is hashed though it sits in the metadata', () => {
    const events = chain(2);
    const tampered = [events[0], { ...events[1], metadata: { ...events[1].metadata, actor: { sub: 'someone-else', role: 'OFFICER' } } }];
    expect(verifyChain(tampered)).toMatchObject({ valid: false, firstBrokenRevision: 1 });
  });

  it('names the gap left by a deleted event', () => {
    const events = chain(4);
    expect(verifyChain([events[0], events[2], events[3]])).toMatchObject({ valid: false, firstBrokenRevision: 1 });
  });

  it('names the first place of a reordered event', () => {
    const events = chain(4);
    expect(verifyChain([events[0], events[2], events[1], events[3]])).toMatchObject({ valid: false, firstBrokenRevision: 1 });
  });

  it('checks one link against the revision and the hash before it, as a paged reader does', () => {
    const events = chain(3);
    expect(linkHolds(events[2], 2, events[1].metadata.hash)).toBe(true);
    expect(linkHolds(events[2], 1, events[1].metadata.hash)).toBe(false);
    expect(linkHolds(events[2], 2, events[0].metadata.hash)).toBe(false);
  });

  it('calls a link with metadata overwritten by hand broken, without failing', () => {
    const [event] = chain(1);
    const overwritten = [{ ...event, metadata: null }, { ...event, metadata: {} }, { ...event, metadata: 'x' }] as unknown as ChainLink[];
    overwritten.forEach((link) => expect(linkHolds(link, 0, GENESIS_HASH)).toBe(false));
  });

  it('catches a deleted last event only against a known head hash', () => {
    const events = chain(3);
    const shortened = verifyChain(events.slice(0, 2));
    expect(shortened.valid).toBe(true);
    expect(shortened.headHash).not.toBe(events[2].metadata.hash);
  });
});
