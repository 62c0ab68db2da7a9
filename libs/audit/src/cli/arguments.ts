import { UsageError } from './audit-command';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export interface ParsedArguments {
  readonly positional: readonly string[];
  readonly options: Readonly<Record<string, string>>;
}

/** `<positional…> [--name value…]`: only the options named are accepted, each with a value. */
export function parseArguments(args: readonly string[], allowed: readonly string[]): ParsedArguments {
  const positional: string[] = [];
  const options: Record<string, string> = {};
  for (let index = 0; index < args.length; index++) {
    const argument = args[index];
    if (!argument.startsWith('--')) {
      positional.push(argument);
      continue;
    }
    const name = argument.slice(2);
    const value = args[index + 1];
    if (!allowed.includes(name)) throw new UsageError(`Unknown option ${argument}.`);
    if (value === undefined || value.startsWith('--')) throw new UsageError(`${argument} needs a value.`);
    options[name] = value;
    index++;
  }
  return { positional, options };
}

/** The one consignment id a command works on. */
export function consignmentIdFrom({ positional }: ParsedArguments): string {
  const [consignmentId, ...rest] = positional;
  if (consignmentId === undefined) throw new UsageError('A consignment id is required.');
  if (rest.length > 0) throw new UsageError(`Unexpected argument ${rest[0]}.`);
  if (!UUID.test(consignmentId)) throw new UsageError(`${consignmentId} is not a consignment id (a UUID).`);
  return consignmentId;
}

/** A whole number option within bounds, or undefined when absent. */
export function wholeNumberOption(options: ParsedArguments['options'], name: string, min: number, max: number): number | undefined {
  const raw = options[name];
  if (raw === undefined) return undefined;
  const value = Number(raw);
  if (!/^\d+$/.test(raw) || value < min || value > max) throw new UsageError(`--${name} must be a whole number from ${min} to ${max}.`);
  return value;
}
