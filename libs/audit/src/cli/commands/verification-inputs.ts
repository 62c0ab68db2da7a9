import { readFile } from 'node:fs/promises';
import { parseArguments } from '../arguments';
import { CliError, UsageError } from '../audit-command';

/** The document to check and the public key to check it with. */
export interface VerificationInputs {
  readonly document: unknown;
  readonly publicKeyPem: string;
  /** Where the key came from, for the report. */
  readonly keySource: string;
}

/**
 * `<file.json> [--public-key <file.pem>]`: the JSON document, and the key from the file when
 * given. Without it the key is fetched from the API (`API_URL`, default http://127.0.0.1:$PORT,
 * `/api/v1/audit/public-key`, no token needed); an auditor who does not trust that channel
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
  return { document, publicKeyPem: await fetchPublicKey(apiUrl), keySource: `${apiUrl}/api/v1/audit/public-key` };
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

async function fetchPublicKey(apiUrl: string): Promise<string> {
  let response: Response;
  try {
    response = await fetch(`${apiUrl}/api/v1/audit/public-key`);
  } catch (error) {
    const cause = error instanceof Error && error.cause instanceof Error ? error.cause.message : String(error);
    throw new CliError(`Cannot fetch the public key from ${apiUrl} (${cause}); pass --public-key <file.pem>, or set API_URL`);
  }
  if (!response.ok) throw new CliError(`GET /api/v1/audit/public-key answered ${response.status}; pass --public-key <file.pem>`);
  return response.text();
}
