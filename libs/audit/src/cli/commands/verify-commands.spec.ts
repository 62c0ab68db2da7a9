import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { createServer, Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { sortLeaves } from '../../anchors/anchor';
import { eventProofOf } from '../../anchors/event-proof';
import { anchorOver, chainOf, headOf, testKey } from '../../testing/anchors';
import type { AuditApi } from '../audit-api';
import { CliError, CliIo, UsageError } from '../audit-command';
import { verifyAnchorCommand } from './verify-anchor.command';
import { verifyProofCommand } from './verify-proof.command';

describe('the offline verification commands (verify-anchor, verify-proof)', () => {
  const key = testKey();
  const streams = ['consignment-a', 'licence-b', 'mine-c'].map((id, n) => chainOf(id, n + 2));
  const anchor = anchorOver(streams, key);
  const leaves = sortLeaves(streams.map(headOf));
  const proof = eventProofOf({ events: streams[0].slice(1), anchor, leaves, index: 0 });
  let dir: string;
  let lines: string[];
  const io: CliIo = { out: (line) => lines.push(line), err: (line) => lines.push(line) };
  // Neither command talks to the API through the client: only the public key may be fetched, and without a token.
  const context = { api: {} as AuditApi, io };

  const file = (name: string, content: unknown) => {
    const path = join(dir, name);
    writeFileSync(path, typeof content === 'string' ? content : JSON.stringify(content, null, 2));
    return path;
  };

  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'audit-cli-'));
    lines = [];
  });
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  it('verify-anchor: 0 and a report for a valid anchor, 1 and the reasons for a changed one or another key', async () => {
    const publicKey = file('key.pem', key.publicKeyPem);
    expect(await verifyAnchorCommand.run([file('anchor.json', anchor), '--public-key', publicKey], context)).toBe(0);
    expect(lines.at(-1)).toBe('Valid: the signature holds.');
    lines = [];
    expect(await verifyAnchorCommand.run([file('changed.json', { ...anchor, events: anchor.events + 1 }), '--public-key', publicKey], context)).toBe(1);
    expect(lines).toEqual([expect.stringContaining(`Anchor ${anchor.id}`), 'NOT VALID:', '  ✗ the signature does not verify with the public key']);
    expect(await verifyAnchorCommand.run([file('anchor.json', anchor), '--public-key', file('other.pem', testKey().publicKeyPem)], context)).toBe(1);
  });

  it('verify-proof: 0 for a valid proof, 1 when one character of it changed', async () => {
    const publicKey = file('key.pem', key.publicKeyPem);
    expect(await verifyProofCommand.run([file('proof.json', proof), '--public-key', publicKey], context)).toBe(0);
    expect(lines[0]).toBe(`Event ${proof.event.eventId} (ProcessingStepRecorded, consignment-a revision 1), key from ${publicKey}`);
    expect(lines.at(-1)).toBe('Valid: the event is part of the record the anchor signed.');
    const text = JSON.stringify(proof);
    const changed = text.replace(`"grams":`, '"grams":').replace('"outputGrams":125001', '"outputGrams":125002');
    expect(changed).not.toBe(text);
    lines = [];
    expect(await verifyProofCommand.run([file('changed.json', changed), '--public-key', publicKey], context)).toBe(1);
    expect(lines).toContain('  ✗ event: its fields do not give its hash (revision 1)');
  });

  it('fetches the key the anchor names from API_URL when none is given, a retired one too, and refuses it outside its validity', async () => {
    const current = testKey();
    let keyValidUntil = '2026-06-01T00:00:00.000Z';
    const server: Server = createServer((request, response) => {
      if (request.url !== '/api/v1/audit/keys' || request.headers.authorization) return void response.writeHead(404).end();
      const keys = [
        { keyId: current.keyId, publicKeyPem: current.publicKeyPem, validFrom: keyValidUntil, validUntil: null, current: true },
        { keyId: key.keyId, publicKeyPem: key.publicKeyPem, validFrom: null, validUntil: keyValidUntil, current: false },
      ];
      response.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify({ keys }));
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const saved = process.env.API_URL;
    process.env.API_URL = `http://127.0.0.1:${(server.address() as AddressInfo).port}/`;
    try {
      expect(await verifyProofCommand.run([file('proof.json', proof)], context)).toBe(0);
      expect(lines[0]).toMatch(/key from http:\/\/127\.0\.0\.1:\d+\/api\/v1\/audit\/keys$/);
      expect(await verifyAnchorCommand.run([file('anchor.json', anchor)], context)).toBe(0);
      // Retired before the anchor was taken: its signature holds, its key was no longer valid.
      keyValidUntil = '2026-03-01T00:00:00.000Z';
      lines = [];
      expect(await verifyAnchorCommand.run([file('anchor.json', anchor)], context)).toBe(1);
      expect(lines).toContain(`  ✗ the anchor was taken at ${anchor.takenAt}, outside its key's validity (from the start until ${keyValidUntil})`);
    } finally {
      process.env.API_URL = saved;
      await new Promise((resolve) => server.close(resolve));
    }
  });

  it('stops with a usage or input error: no file, an extra argument, a missing or non-JSON file, an unreachable API', async () => {
    await expect(verifyAnchorCommand.run([], context)).rejects.toThrow(UsageError);
    await expect(verifyAnchorCommand.run(['a.json', 'b.json'], context)).rejects.toThrow(UsageError);
    await expect(verifyAnchorCommand.run(['a.json', '--key', 'k.pem'], context)).rejects.toThrow(UsageError);
    await expect(verifyAnchorCommand.run([join(dir, 'missing.json'), '--public-key', 'k.pem'], context)).rejects.toThrow(
      new CliError(`Cannot read the anchor file ${join(dir, 'missing.json')} (ENOENT)`),
    );
    await expect(verifyProofCommand.run([file('junk.json', '{nope'), '--public-key', 'k.pem'], context)).rejects.toThrow(/is not JSON/);
    const saved = process.env.API_URL;
    process.env.API_URL = 'http://127.0.0.1:1';
    try {
      await expect(verifyProofCommand.run([file('proof.json', proof)], context)).rejects.toThrow(/Cannot fetch the public key from http:\/\/127\.0\.0\.1:1 .*pass --public-key/);
    } finally {
      process.env.API_URL = saved;
    }
  });
});
