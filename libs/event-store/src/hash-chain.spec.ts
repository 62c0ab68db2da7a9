import { RecordedEvent } from '@ree/shared-kernel';
import { randomBytes, randomUUID } from 'node:crypto';
import { parseSealKeys, sealChecker, SealKey } from './chain-seal';
import { ChainLink, eventHash, GENESIS_HASH, linkBreak, linkHolds, verifyChain } from './hash-chain';
import { chainEvents, prepareAppend } from './prepare-append';

const actor = { sub: 'officer-1', role: 'OFFICER' };
const key: SealKey = { id: 'k1', secret: randomBytes(32) };

function chain(length: number, seal?: SealKey): RecordedEvent[] {
  const events = Array.from({ length }, (_, n) => ({ eventId: randomUUID(), type: 'QuotaSet', data: { n }, metadata: { actor } }));
  const prepared = prepareAppend('mine-1', null, events, '2026-03-01T10:00:00.000Z');
  return chainEvents(null, prepared, prepared.map((_, n) => ({ position: String(1_048_576 * 7 + n), transactionId: '7' })), seal);
}

/** The link with its own hash recomputed after a change, as a forger who knows the algorithm would. */
function rehashed(event: RecordedEvent): RecordedEvent {
  return { ...event, metadata: { ...event.metadata, hash: eventHash(event) } };
}

describe('the hash chain', () => {
  it('starts from 64 zeros and links each event to the one before', () => {
    const events = chain(3);
    expect(events[0].metadata.prevHash).toBe(GENESIS_HASH);
    expect(events[1].metadata.prevHash).toBe(events[0].metadata.hash);
    expect(verifyChain(events)).toEqual({ valid: true, events: 3, headHash: events[2].metadata.hash });
  });

  it('never calls a stream of no events valid', () => {
    expect(verifyChain([])).toEqual({ valid: false, events: 0, headHash: GENESIS_HASH, firstBrokenRevision: 0, reason: 'no-events' });
  });

  it('covers the whole envelope: changing any field of it, or of the metadata but the hash, changes the hash', () => {
    const [event] = chain(1);
    const original = eventHash(event);
    const changes: Array<Partial<RecordedEvent> | { metadata: object }> = [
      { eventId: randomUUID() },
      { type: 'QuotaRaised' },
      { schemaVersion: 2 },
      { streamId: 'mine-2' },
      { revision: 1 },
      { position: String(1_048_576 * 7 + 1) },
      { transactionId: '8' },
      { transactionId: undefined },
      { recordedAt: '2026-03-01T10:00:00.001Z' },
      { data: { n: 1 } },
      { metadata: { ...event.metadata, actor: { ...actor, sub: 'officer-2' } } },
      { metadata: { ...event.metadata, correlationId: randomUUID() } },
      { metadata: { ...event.metadata, causationId: randomUUID() } },
      { metadata: { ...event.metadata, prevHash: 'f'.repeat(64) } },
      { metadata: { ...event.metadata, addedLater: 'any key' } },
    ];
    changes.forEach((change) => expect(eventHash({ ...event, ...change } as RecordedEvent)).not.toBe(original));
    expect(eventHash({ ...event, metadata: { ...event.metadata, hash: 'a'.repeat(64), seal: 'k9:00' } } as RecordedEvent)).toBe(original);
  });

  it('names the changed event as the first broken revision, and why', () => {
    const events = chain(4);
    const tampered = events.map((event) => (event.revision === 2 ? { ...event, data: { n: 99 } } : event));
    expect(verifyChain(tampered)).toMatchObject({ valid: false, firstBrokenRevision: 2, reason: 'hash' });
  });

  it('names the next event when the changed one was re-hashed: its prevHash no longer matches', () => {
    const events = chain(3);
    const tampered = [events[0], rehashed({ ...events[1], metadata: { ...events[1].metadata, correlationId: randomUUID() } }), events[2]];
    expect(verifyChain(tampered)).toMatchObject({ valid: false, firstBrokenRevision: 2, reason: 'prev-hash' });
  });

  it('names the gap left by a deleted event, and the first place of a reordered one', () => {
    const events = chain(4);
    expect(verifyChain([events[0], events[2], events[3]])).toMatchObject({ valid: false, firstBrokenRevision: 1, reason: 'revision-gap' });
    expect(verifyChain([events[0], events[2], events[1], events[3]])).toMatchObject({ valid: false, firstBrokenRevision: 1 });
  });

  it('checks one link against the revision and the hash before it, as a paged reader does', () => {
    const events = chain(3);
    expect(linkHolds(events[2], 2, events[1].metadata.hash)).toBe(true);
    expect(linkHolds(events[2], 1, events[1].metadata.hash)).toBe(false);
    expect(linkHolds(events[2], 2, events[0].metadata.hash)).toBe(false);
  });

  it('calls a link with metadata overwritten by hand malformed, without throwing', () => {
    const [event] = chain(1);
    const overwritten = [null, {}, 'x', [], { ...event.metadata, hash: 42 }, { ...event.metadata, prevHash: null }].map(
      (metadata) => ({ ...event, metadata }) as unknown as ChainLink,
    );
    overwritten.forEach((link) => expect(linkBreak(link, 0, GENESIS_HASH)).toBe('malformed'));
    expect(linkBreak({ ...event, data: undefined as unknown as object }, 0, GENESIS_HASH)).toBe('hash');
    expect(linkBreak({ ...event, data: 1n as unknown as object }, 0, GENESIS_HASH)).toBe('malformed');
    expect(verifyChain([{ ...event, metadata: null } as unknown as ChainLink])).toMatchObject({ valid: false, firstBrokenRevision: 0, headHash: '', reason: 'malformed' });
  });

  it('holds a deleted last event for a valid chain: only a known head hash (an anchor) shows it', () => {
    const events = chain(3);
    const shortened = verifyChain(events.slice(0, 2));
    expect(shortened.valid).toBe(true);
    expect(shortened.headHash).not.toBe(events[2].metadata.hash);
  });
});

describe('the chain’s seal', () => {
  const holds = sealChecker([key]);

  it('seals each hash with the key, named by its id, and verifies with it', () => {
    const events = chain(3, key);
    expect(events[0].metadata.seal).toMatch(/^k1:[0-9a-f]{64}$/);
    expect(verifyChain(events, holds)).toEqual({ valid: true, events: 3, headHash: events[2].metadata.hash });
  });

  it('refuses a chain re-hashed without the key: every hash holds, the first seal does not', () => {
    const events = chain(3, key);
    const forged = { ...events[1], data: { n: 99 } };
    const hash = eventHash(forged);
    const rest = { ...events[2], metadata: { ...events[2].metadata, prevHash: hash } };
    const rewritten = [events[0], { ...forged, metadata: { ...forged.metadata, hash } }, rehashed(rest)];
    expect(verifyChain(rewritten).valid).toBe(true);
    expect(verifyChain(rewritten, holds)).toMatchObject({ valid: false, firstBrokenRevision: 1, reason: 'seal' });
  });

  it('refuses a missing seal, a seal of another key, an unknown key id and a garbled seal', () => {
    const [event] = chain(1, key);
    const other = chain(1, { id: 'k1', secret: randomBytes(32) })[0].metadata.seal!;
    const seals = [undefined, other, event.metadata.seal!.replace(/^k1/, 'k2'), `${event.metadata.seal!}0`, 'k1', ':'];
    seals.forEach((seal) => expect(linkBreak({ ...event, metadata: { ...event.metadata, seal } }, 0, GENESIS_HASH, holds)).toBe('seal'));
  });

  it('keeps verifying seals of a key rotated out while the new one seals', () => {
    const next: SealKey = { id: 'k2', secret: randomBytes(32) };
    const both = sealChecker([next, key]);
    expect(verifyChain(chain(2, key), both).valid).toBe(true);
    expect(verifyChain(chain(2, next), both).valid).toBe(true);
    expect(verifyChain(chain(2, next), holds).valid).toBe(false);
  });

  it('reads CHAIN_SEAL_KEYS: the first seals, every one verifies; a bad list is one line', () => {
    const secret = (fill: number) => Buffer.alloc(32, fill).toString('base64');
    const keys = parseSealKeys(` k2=${secret(2)}, k1=${secret(1)} `);
    expect(keys.current.id).toBe('k2');
    expect(keys.all.map((sealKey) => sealKey.id)).toEqual(['k2', 'k1']);
    expect(() => parseSealKeys('')).toThrow('no key given');
    expect(() => parseSealKeys(`k1=${Buffer.alloc(16).toString('base64')}`)).toThrow(/at least 32 bytes/);
    expect(() => parseSealKeys(`k1=${secret(1)},k1=${secret(2)}`)).toThrow('key id k1 is given twice');
    expect(() => parseSealKeys(secret(1))).toThrow(/<id>=<base64 secret>/);
    expect(() => parseSealKeys(`k1=${secret(1)}!`)).toThrow(/standard base64/);
  });
});
