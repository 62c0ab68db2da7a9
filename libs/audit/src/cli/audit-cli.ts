import { AuditApi } from './audit-api';
import { CliError, CliIo, UsageError } from './audit-command';
import { AUDIT_COMMANDS } from './commands';

export interface AuditCliOptions {
  /** The API's base URL, without `/api/v1`. */
  readonly apiUrl: string;
  /** A bearer token of an auditor (or a licensing officer), or where to get one when a command first calls the API. */
  readonly token: string | (() => string);
  readonly io: CliIo;
}

const usage = (): string[] => [
  'usage: npm run audit -- <command> <arguments>',
  ...AUDIT_COMMANDS.map((command) => `  ${command.name} ${command.usage}\n      ${command.summary}`),
  'environment: API_URL (default http://127.0.0.1:3000), AUDIT_TOKEN (default: a development token)',
];

/**
 * The auditor's command line: looks the command up in `AUDIT_COMMANDS` and runs it. Answers the
 * exit code: the command's (0 clean, 1 a finding), or 2 for a usage mistake or an API error.
 */
export async function runAuditCli(argv: readonly string[], { apiUrl, token, io }: AuditCliOptions): Promise<number> {
  const [name, ...args] = argv;
  const command = AUDIT_COMMANDS.find((candidate) => candidate.name === name);
  if (command === undefined) {
    if (name !== undefined && name !== 'help' && name !== '--help') io.err(`Unknown command ${name}.`);
    usage().forEach((line) => io.err(line));
    return 2;
  }
  try {
    return await command.run(args, { api: new AuditApi(apiUrl, token), io });
  } catch (error) {
    if (error instanceof UsageError) {
      io.err(`${error.message}\nusage: npm run audit -- ${command.name} ${command.usage}`);
      return 2;
    }
    if (error instanceof CliError) {
      io.err(error.message);
      return 2;
    }
    throw error;
  }
}
