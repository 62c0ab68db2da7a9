import { ChainLink, eventHash } from '@ree/event-store';
import { AnchorLeaf, sortLeaves } from './anchor';
import { EventProof, eventProofOf } from './event-proof';
import { anchorOver, chainOf, headOf, testKey } from '../testing/anchors';
import { verifyProof } from './verify';

const key = testKey();

/** Seven streams (an odd tree, so that one path skips a level); the proven stream has five events. */
const streams = ['consignment-7', 'licence-1', 'mine-3', 'mine-4', 'consignment-2', 'licence-9', 'mine-0'].map((id, n) => chainOf(id, n === 0 ? 5 : n + 1));
const anchor = anchorOver(streams, key);
const leaves: AnchorLeaf[] = sortLeaves(streams.map(headOf));

function proofFor(stream: readonly ChainLink[], revision: number, over = anchor, overLeaves = leaves): EventProof {
  const index = overLeaves.findIndex((leaf) => leaf.streamId === stream[0].streamId);
  return eventProofOf({ events: stream.slice(revision, overLeaves[index].revision + 1), anchor: over, leaves: overLeaves, index });
}

/** Every string, number, boolean and null in a JSON document, with its path. */
function valuesOf(value: unknown, path: (string | number)[] = []): Array<{ path: (string | number)[]; value: string | number | boolean | null }> {
  if (typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean' || value === null) return [{ path, value }];
  if (Array.isArray(value)) return value.flatMap((item, index) => valuesOf(item, [...path, index]));
  if (typeof value === 'object' && value !== null) return Object.entries(value).flatMap(([key, item]) => valuesOf(item, [...path, key]));
  return [];
}

function withValue(document: unknown, path: readonly (string | number)[], value: unknown): unknown {
  const copy = structuredClone(document) as Record<string | number, unknown>;
  let parent = copy;
  for (const step of path.slice(0, -1)) parent = parent[step] as Record<string | number, unknown>;
  parent[path[path.length - 1]] = value;
  return copy;
}

/** Each one-character change of a string (a hex digit becomes another hex digit, anything else another character). */
function changedStrings(text: string): string[] {
  return [...text].map((char, index) => {
    const hexDigit = /[0-9a-f]/.test(char);
    const changed = hexDigit ? ((parseInt(char, 16) + 1) % 16).toString(16) : String.fromCharCode(char.charCodeAt(0) ^ 1);
    return text.slice(0, index) + changed + text.slice(index + 1);
  });
}

describe('inclusion proofs of an event against a signed anchor', () => {
  it('verify for every revision of a stream, the head included (nothing after it to show)', () => {
    const stream = streams[0];
    for (let revision = 0; revision < stream.length; revision += 1) {
      const proof = proofFor(stream, revision);
      expect(proof.laterEvents).toHaveLength(stream.length - 1 - revision);
      expect(verifyProof(proof, key.publicKeyPem)).toEqual({ valid: true, problems: [] });
    }
  });

  it('verify for a stream at every position of the tree of seven leaves', () => {
    for (const stream of streams) expect(verifyProof(proofFor(stream, 0), key.publicKeyPem).valid).toBe(true);
    // The odd last leaf was carried up a level: its path is one hash shorter.
    const lengths = streams.map((stream) => proofFor(stream, 0).auditPath.length).sort();
    expect(lengths).toEqual([2, 3, 3, 3, 3, 3, 3]);
  });

  it('show the event with the fields its hash covers and its link, and nothing of other streams', () => {
    const proof = proofFor(streams[0], 2);
    expect(Object.keys(proof.event).sort()).toEqual(['data', 'eventId', 'metadata', 'position', 'recordedAt', 'revision', 'schemaVersion', 'streamId', 'type']);
    expect(Object.keys(proof.event.metadata).sort()).toEqual(['actor', 'causationId', 'correlationId', 'hash', 'prevHash']);
    expect(proof.laterEvents.map((event) => `${event.streamId}@${event.revision}`)).toEqual(['consignment-7@3', 'consignment-7@4']);
    expect(JSON.stringify(proof)).not.toMatch(/licence-1|mine-3/);
    expect(proof.leaf).toEqual({ ...headOf(streams[0]), index: leaves.findIndex((leaf) => leaf.streamId === 'consignment-7') });
  });

  it('fail when any single character or number of a value that matters changes', () => {
    const proof = proofFor(streams[0], 2);
    // The anchor's id names the stored anchor; nothing is signed or hashed with it.
    const values = valuesOf(proof).filter(({ path }) => path.join('.') !== 'anchor.id');
    let changes = 0;
    for (const { path, value } of values) {
      const changed: unknown[] =
        typeof value === 'string' ? changedStrings(value) : typeof value === 'number' ? [value + 1, value - 1] : value === null ? [0, 'null'] : [!value];
      for (const replacement of changed) {
        changes += 1;
        const result = verifyProof(withValue(proof, path, replacement), key.publicKeyPem);
        if (result.valid) throw new Error(`Changing ${path.join('.')} to ${JSON.stringify(replacement)} still verifies`);
      }
    }
    expect(changes).toBeGreaterThan(1000);
    expect(valuesOf(proof).map(({ path }) => path[0])).toEqual(expect.arrayContaining(['format', 'event', 'laterEvents', 'leaf', 'auditPath', 'anchor']));
  });

  it('fail when a later event was rewritten with a consistent chain: the head no longer is the anchored one', () => {
    const proof = proofFor(streams[0], 1);
    const later = proof.laterEvents.map((event) => ({ ...event }));
    let prevHash = proof.event.metadata.hash;
    for (const [index, event] of later.entries()) {
      const data = index === 0 ? { ...(event.data as object), outputGrams: 1 } : event.data;
      const metadata = { ...event.metadata, prevHash };
      later[index] = { ...event, data, metadata: { ...metadata, hash: eventHash({ ...event, data, metadata }) } };
      prevHash = later[index].metadata.hash;
    }
    const rewritten = { ...proof, laterEvents: later, leaf: { ...proof.leaf, headHash: prevHash } };
    expect(verifyProof(rewritten, key.publicKeyPem).problems).toEqual(["the leaf and its audit path do not lead to the anchor's root"]);
    expect(verifyProof({ ...proof, laterEvents: later }, key.publicKeyPem).problems).toEqual([
      "leaf is not the stream's last event shown (stream consignment-7, revision 4)",
    ]);
  });

  it('fail when events are left out, repeated or taken from another stream', () => {
    const proof = proofFor(streams[0], 1);
    const [first, ...rest] = proof.laterEvents;
    expect(verifyProof({ ...proof, laterEvents: rest }, key.publicKeyPem).valid).toBe(false);
    expect(verifyProof({ ...proof, laterEvents: [first, first, ...rest] }, key.publicKeyPem).valid).toBe(false);
    const foreign = proofFor(streams[1], 0).event;
    expect(verifyProof({ ...proof, laterEvents: [...proof.laterEvents, foreign] }, key.publicKeyPem).valid).toBe(false);
  });

  it('fail against another anchor, another key, or with a path of another leaf', () => {
    const proof = proofFor(streams[0], 0);
    const later = anchorOver(streams.slice(1), key, '2026-03-11T12:00:00.000Z');
    expect(verifyProof({ ...proof, anchor: later }, key.publicKeyPem).problems).toEqual(["the leaf and its audit path do not lead to the anchor's root"]);
    expect(verifyProof(proof, testKey().publicKeyPem).valid).toBe(false);
    expect(verifyProof({ ...proof, auditPath: proofFor(streams[1], 0).auditPath }, key.publicKeyPem).valid).toBe(false);
  });

  it('answer a malformed document with its reasons, never an exception', () => {
    const proof = proofFor(streams[0], 0);
    const documents = [null, 'proof', [], {}, { ...proof, event: null }, { ...proof, laterEvents: {} }, { ...proof, leaf: [] }, { ...proof, auditPath: 'x' }];
    for (const document of documents) expect(verifyProof(document, key.publicKeyPem).valid).toBe(false);
    const cyclic: Record<string, unknown> = { a: 1 };
    cyclic.self = cyclic;
    const broken = verifyProof({ ...proof, event: { ...proof.event, data: cyclic } }, key.publicKeyPem);
    expect(broken.valid).toBe(false);
  });
});
