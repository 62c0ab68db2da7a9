import { readFile } from 'node:fs/promises';
import { keyValidAt, type PublishedKey } from '../../anchors/anchor-keyring';
import { parseArguments } from '../arguments';
import { CliError, type CliIo, UsageError } from '../audit-command';

/** The document to check and the public key to check it with. */
export interface VerificationInputs {
  readonly document: unknown;
  readonly publicKeyPem: string;
  /** Where the key came from, for the report. */
  readonly keySource: string;
  /** The published key with its validity, when it was fetched from the API's list. */
  readonly published?: PublishedKey;
}

/** The anchor a document is or carries (a proof's `anchor`). */
type AnchorLike = { keyId?: unknown; takenAt?: unknown };
const anchorOf = (document: unknown, what: string): AnchorLike => {
  const object = (typeof document === 'object' && document !== null ? document : {}) as AnchorLike & { anchor?: unknown };
  return (what === 'proof' ? (object.anchor ?? {}) : object) as AnchorLike;
};

/**
 * Problems with the validity of the key fetched from the API's list: the anchor must have been
 * taken while its key signed anchors (a retired key used after its retirement is refused).
 */
export function validityProblems({ document, published }: VerificationInputs, what: string): string[] {
  const anchor = anchorOf(document, what);
  if (!published || published.keyId !== anchor.keyId || typeof anchor.takenAt !== 'string' || keyValidAt(published, anchor.takenAt)) return [];
  return [`the anchor was taken at ${anchor.takenAt}, outside its key's validity (from ${published.validFrom ?? 'the start'} until ${published.validUntil ?? 'now'})`];
}

/**
 * `<file.json> [--public-key <file.pem>]`: the JSON document, and the key from the file when
 * given. Without it the key the anchor names is fetched from the API's list of keys (`API_URL`,
 * default http://127.0.0.1:$PORT, `/api/v1/audit/keys`, no token needed), with its validity, so
 * that an anchor signed before a key rotation verifies; an auditor who does not trust that channel
 * passes the key received another way, and then nothing leaves the machine.
 */
export async function verificationInputs(args: readonly string[], what: string): Promise<VerificationInputs> {
  const parsed = parseArguments(args, ['public-key']);
  const [file, ...rest] = parsed.positional;
  if (file === undefined) throw new UsageError(`The ${what} file (JSON) is required.`);
  if (rest.length > 0) throw new UsageError(`Unexpected argument ${rest[0]}.`);
  const document = parseJson(await readText(file, what), file);
  const keyFile = parsed.options['public-key'];
  if (keyFile !== undefined) return { document, publicKeyPem: await readText(keyFile, 'public key'), keySource: keyFile };
  const apiUrl = (process.env.API_URL || `http://127.0.0.1:${process.env.PORT || 3000}`).replace(/\/+$/, '');
  const keys = await fetchKeys(apiUrl);
  const wanted = anchorOf(document, what).keyId;
  const published = keys.find((key) => key.keyId === wanted) ?? keys.find((key) => key.current) ?? keys[0];
  if (!published) throw new CliError(`GET /api/v1/audit/keys listed no key; pass --public-key <file.pem>`);
  return { document, publicKeyPem: published.publicKeyPem, keySource: `${apiUrl}/api/v1/audit/keys`, published };
}

async function readText(file: string, what: string): Promise<string> {
  try {
    return await readFile(file, 'utf8');
  } catch (error) {
    throw new CliError(`Cannot read the ${what} file ${file} (${(error as NodeJS.ErrnoException).code ?? (error as Error).message})`);
  }
}

function parseJson(text: string, file: string): unknown {
  try {
    return JSON.parse(text);
  } catch (error) {
    throw new CliError(`${file} is not JSON (${(error as Error).message})`);
  }
}

async function fetchKeys(apiUrl: string): Promise<PublishedKey[]> {
  let response: Response;
  try {
    response = await fetch(`${apiUrl}/api/v1/audit/keys`, { headers: { accept: 'application/json' } });
  } catch (error) {
    const cause = error instanceof Error && error.cause instanceof Error ? error.cause.message : String(error);
    throw new CliError(`Cannot fetch the public key from ${apiUrl} (${cause}); pass --public-key <file.pem>, or set API_URL`);
  }
  if (!response.ok) throw new CliError(`GET /api/v1/audit/keys answered ${response.status}; pass --public-key <file.pem>`);
  const body = (await response.json().catch(() => null)) as { keys?: unknown } | null;
  if (!Array.isArray(body?.keys)) throw new CliError('GET /api/v1/audit/keys did not answer a list of keys; pass --public-key <file.pem>');
  return body.keys as PublishedKey[];
}

/**
 * Prints an offline verification's verdict after its heading: every problem and exit code 1, or
 * the checks that held (`held` runs only then, when the document is known to be whole) and 0.
 */
export function printVerdict(io: CliIo, problems: readonly string[], held: () => readonly string[], conclusion: string): number {
  if (problems.length > 0) {
    io.out('NOT VALID:');
    problems.forEach((problem) => io.out(`  ✗ ${problem}`));
    return 1;
  }
  held().forEach((line) => io.out(`  ✓ ${line}`));
  io.out(conclusion);
  return 0;
}
