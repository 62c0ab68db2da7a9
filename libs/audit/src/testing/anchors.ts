import { generateKeyPairSync, KeyObject, randomUUID } from 'node:crypto';
import { ChainLink, eventHash, GENESIS_HASH } from '@ree/event-store';
import { Anchor, AnchorLeaf, anchorBodyOf, keyIdOf, signAnchor } from '../anchors/anchor';
import type { AnchorKeyring } from '../anchors/anchor-keyring';
import { extendLog, LOG_GENESIS } from '../anchors/log/log-hash';

/** An Ed25519 key pair with the public key's PEM, as the service holds it. */
export interface TestKey {
  readonly privateKey: KeyObject;
  readonly publicKeyPem: string;
  readonly keyId: string;
}

export function testKey(): TestKey {
  const { privateKey, publicKey } = generateKeyPairSync('ed25519');
  return { privateKey, publicKeyPem: publicKey.export({ type: 'spki', format: 'pem' }).toString(), keyId: keyIdOf(publicKey) };
}

/** A stream of `length` chained events, as the store keeps them (the data varies with the revision). */
export function chainOf(streamId: string, length: number): ChainLink[] {
  const events: ChainLink[] = [];
  let prevHash = GENESIS_HASH;
  for (let revision = 0; revision < length; revision += 1) {
    const actor = { sub: 'officer-1', role: 'licensing-officer', name: 'Officer Li' };
    const fields = {
      eventId: randomUUID(),
      type: revision === 0 ? 'ConsignmentRegistered' : 'ProcessingStepRecorded',
      schemaVersion: 1,
      streamId,
      revision,
      position: String(7_399_800_000 + revision),
      recordedAt: `2026-03-0${1 + (revision % 9)}T10:00:00.${String(revision).padStart(3, '0')}Z`,
      data: { step: revision, outputGrams: 125_000 + revision, element: 'Nd', note: 'lot "A"', tags: ['x', null, true] },
    };
    const metadata = { actor, correlationId: '5b1e3f7a-0000-4000-8000-00000000000c', causationId: null, prevHash };
    const hash = eventHash({ ...fields, metadata });
    events.push({ ...fields, metadata: { ...metadata, hash } });
    prevHash = hash;
  }
  return events;
}

export const headOf = (events: readonly ChainLink[]): AnchorLeaf => {
  const head = events[events.length - 1];
  return { streamId: head.streamId, revision: head.revision, headHash: head.metadata.hash };
};

/**
 * A signed anchor over the heads of `streams` and a log of their events, stream after stream, at
 * made-up positions (1, 2, …; the last one `lastPosition`).
 */
export function anchorOver(streams: readonly (readonly ChainLink[])[], key: TestKey, takenAt = '2026-03-10T12:00:00.000Z'): Anchor {
  let logHash = LOG_GENESIS;
  let position = 0;
  for (const event of streams.flat()) {
    position += 1;
    logHash = extendLog(logHash, { position: String(position), streamId: event.streamId, revision: event.revision, hash: event.metadata.hash });
  }
  const body = anchorBodyOf(streams.map(headOf), takenAt, streams.length === 0 ? null : String(position), key.keyId, { events: position, logHash });
  return { id: randomUUID(), ...body, signature: signAnchor(body, key.privateKey) };
}

/** A keyring of one key, valid always, that signs: as a deployment without retired keys has. */
export function keyringOf(key: TestKey): AnchorKeyring {
  return {
    signing: { ...key, source: 'development' },
    keys: [{ keyId: key.keyId, publicKeyPem: key.publicKeyPem, validFrom: null, validUntil: null, current: true }],
  };
}
