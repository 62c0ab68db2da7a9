import { createPublicKey, KeyObject, verify } from 'node:crypto';
import { eventHash } from '@ree/event-store';
import { AnchorBody, anchorLeafHash, anchorMessage, keyIdOf } from './anchor';
import { EVENT_PROOF_FORMAT, ProvenEvent } from './event-proof';
import { rootFromAuditPath } from './merkle';

/**
 * Offline verification of anchors and proofs: pure functions of a parsed JSON document and the
 * public key's PEM, with no framework and no I/O, shared by the tests and the auditors' command
 * line. Inputs are `unknown` because they come from files: every field is checked for its exact
 * form (lower-case hex, canonical base64, whole numbers), a malformed document is invalid with a
 * reason, never an exception.
 */
export interface Verification {
  readonly valid: boolean;
  /** Why it is not valid, one line each; empty when valid. */
  readonly problems: readonly string[];
}

const HEX_64 = /^[0-9a-f]{64}$/;
const INSTANT = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z$/;
const POSITION = /^(0|[1-9]\d*)$/;

type Json = Record<string, unknown>;
const isObject = (value: unknown): value is Json => typeof value === 'object' && value !== null && !Array.isArray(value);
const isCount = (value: unknown): value is number => typeof value === 'number' && Number.isSafeInteger(value) && value >= 0;
const isHex64 = (value: unknown): value is string => typeof value === 'string' && HEX_64.test(value);
const isPosition = (value: unknown): value is string => typeof value === 'string' && POSITION.test(value);

/** The fields an anchor's signature covers, each of its exact form (`logHash` absent in anchors taken before the log was). */
type SignedFields = Omit<AnchorBody, 'logHash'> & { readonly logHash?: string | null };
const isSignedFields = (value: Json): value is Json & SignedFields =>
  isHex64(value.root) &&
  typeof value.takenAt === 'string' &&
  INSTANT.test(value.takenAt) &&
  isCount(value.streams) &&
  isCount(value.events) &&
  (value.lastPosition === null || isPosition(value.lastPosition)) &&
  isHex64(value.keyId) &&
  (value.logHash === undefined || value.logHash === null || isHex64(value.logHash));

/** Every field the hash covers is there, of its exact form: the event can be hashed as a chain link. */
const isProvenEvent = (value: Json): value is Json & ProvenEvent =>
  typeof value.eventId === 'string' &&
  typeof value.type === 'string' &&
  isCount(value.schemaVersion) &&
  typeof value.streamId === 'string' &&
  isCount(value.revision) &&
  isPosition(value.position) &&
  (value.transactionId === undefined || isPosition(value.transactionId)) &&
  typeof value.recordedAt === 'string' &&
  'data' in value &&
  isObject(value.metadata) &&
  isHex64(value.metadata.prevHash) &&
  isHex64(value.metadata.hash);

/** Checks an anchor's form, that `publicKeyPem` is the key it names, and its Ed25519 signature. */
export function verifyAnchor(anchor: unknown, publicKeyPem: string): Verification {
  const problems: string[] = [];
  checkAnchor(anchor, publicKeyPem, problems);
  return { valid: problems.length === 0, problems };
}

/** Checks an event's inclusion proof against its anchor and the public key (the steps in `event-proof.ts`). */
export function verifyProof(proof: unknown, publicKeyPem: string): Verification {
  const problems: string[] = [];
  try {
    checkProof(proof, publicKeyPem, problems);
  } catch (error) {
    problems.push(`the proof could not be checked: ${(error as Error).message}`);
  }
  return { valid: problems.length === 0, problems };
}

function publicKeyFrom(pem: string, problems: string[]): KeyObject | undefined {
  try {
    const key = createPublicKey(pem);
    if (key.asymmetricKeyType === 'ed25519') return key;
    problems.push(`the public key is ${key.asymmetricKeyType ?? 'not asymmetric'}, not Ed25519`);
  } catch {
    problems.push('the public key is not a PEM public key');
  }
  return undefined;
}

function checkAnchor(anchor: unknown, publicKeyPem: string, problems: string[], prefix = ''): void {
  const problem = (text: string): void => {
    problems.push(`${prefix}${text}`);
  };
  const key = publicKeyFrom(publicKeyPem, problems);
  if (!isObject(anchor)) return problem('the anchor is not a JSON object');
  const { root, takenAt, streams, events, lastPosition, keyId, logHash, signature } = anchor;
  if (!isHex64(root)) problem('root is not 64 lower-case hex digits');
  if (typeof takenAt !== 'string' || !INSTANT.test(takenAt)) problem('takenAt is not an ISO 8601 instant with milliseconds in UTC');
  if (!isCount(streams)) problem('streams is not a whole number');
  if (!isCount(events)) problem('events is not a whole number');
  else if (isCount(streams) && events < streams) problem('events is fewer than streams: every stream holds at least one event');
  if (lastPosition !== null && !isPosition(lastPosition)) problem('lastPosition is neither null nor a position');
  if ((lastPosition === null) !== (streams === 0)) problem('lastPosition is null exactly when the anchor covers no stream');
  if (!isHex64(keyId)) problem('keyId is not 64 lower-case hex digits');
  if (logHash !== undefined && logHash !== null && !isHex64(logHash)) problem('logHash is neither null nor 64 lower-case hex digits');
  const signatureBytes = typeof signature === 'string' ? Buffer.from(signature, 'base64') : undefined;
  // Only the canonical encoding counts: a decoder ignores stray padding bits, which would let a changed string pass.
  if (!signatureBytes || signatureBytes.length !== 64 || signatureBytes.toString('base64') !== signature) {
    problem('signature is not 64 bytes in canonical base64');
  }
  if (problems.length > 0 || !key || !isSignedFields(anchor)) return;
  const expectedKeyId = keyIdOf(key);
  if (keyId !== expectedKeyId) return problem(`the anchor was signed by key ${anchor.keyId}; the public key given is ${expectedKeyId}`);
  const message = Buffer.from(anchorMessage({ ...anchor, logHash: anchor.logHash ?? null }), 'utf8');
  if (!verify(null, message, key, signatureBytes!)) problem('the signature does not verify with the public key');
}

function checkProof(proof: unknown, publicKeyPem: string, problems: string[]): void {
  const problem = (text: string): void => {
    problems.push(text);
  };
  if (!isObject(proof)) return problem('the proof is not a JSON object');
  if (proof.format !== EVENT_PROOF_FORMAT) problem(`format is not "${EVENT_PROOF_FORMAT}"`);
  checkAnchor(proof.anchor, publicKeyPem, problems, 'anchor: ');
  const { event, laterEvents, leaf, auditPath } = proof;
  if (!Array.isArray(laterEvents)) return problem('laterEvents is not a list');
  const chain = [event, ...laterEvents];
  let head: ProvenEvent | undefined;
  for (const [offset, candidate] of chain.entries()) {
    const name = offset === 0 ? 'event' : `laterEvents[${offset - 1}]`;
    const link = checkLink(candidate, head, name, problems);
    if (!link) return;
    head = link;
  }
  if (!isObject(leaf)) return problem('leaf is not a JSON object');
  if (leaf.streamId !== head!.streamId || leaf.revision !== head!.revision || leaf.headHash !== head!.metadata.hash) {
    return problem(`leaf is not the stream's last event shown (stream ${head!.streamId}, revision ${head!.revision})`);
  }
  const anchor = proof.anchor as Json;
  if (!isCount(leaf.index) || !isCount(anchor.streams) || leaf.index >= anchor.streams) {
    return problem('leaf.index is not a position in the anchor\'s tree');
  }
  if (!Array.isArray(auditPath) || !auditPath.every((hash) => typeof hash === 'string' && HEX_64.test(hash))) {
    return problem('auditPath is not a list of 64-hex-digit hashes');
  }
  const root = rootFromAuditPath(
    anchorLeafHash({ streamId: head!.streamId, revision: head!.revision, headHash: head!.metadata.hash }),
    leaf.index,
    anchor.streams,
    auditPath.map((hash: string) => Buffer.from(hash, 'hex')),
  );
  if (root === null || root.toString('hex') !== anchor.root) problem("the leaf and its audit path do not lead to the anchor's root");
}

/** One event of the chain: its form, its place after `previous`, and its recomputed hash. */
function checkLink(candidate: unknown, previous: ProvenEvent | undefined, name: string, problems: string[]): ProvenEvent | undefined {
  const problem = (text: string): undefined => {
    problems.push(`${name}${text}`);
    return undefined;
  };
  if (!isObject(candidate)) return problem(' is not a JSON object');
  if (!isProvenEvent(candidate)) return problem(' lacks a field the hash covers, or has one of the wrong form');
  const { streamId, revision, metadata } = candidate;
  if (previous && (streamId !== previous.streamId || revision !== previous.revision + 1 || metadata.prevHash !== previous.metadata.hash)) {
    return problem(` does not follow revision ${previous.revision} of stream ${previous.streamId}`);
  }
  if ('seal' in metadata) return problem(': a seal has no place in a proof, nobody but the service can check it');
  if (eventHash(candidate) !== metadata.hash) return problem(`: its fields do not give its hash (revision ${revision})`);
  return candidate;
}
