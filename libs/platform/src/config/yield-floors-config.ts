import { PROCESSES, type Process } from '@ree/shared-kernel';

const RATIO = /^(0(\.\d+)?|1(\.0+)?)$/;

/**
 * `LOW_YIELD_FLOORS=separation=0.9,smelting=0.92`: a floor in (0, 1] per process named; the others
 * keep the review library's default. One line for the first bad entry, since one mistake usually
 * explains the rest.
 */
export function yieldFloors(env: Readonly<Record<string, string | undefined>>, problems: string[]): Partial<Record<Process, number>> {
  const raw = env.LOW_YIELD_FLOORS;
  if (raw === undefined || raw.trim() === '') return {};
  const floors: Partial<Record<Process, number>> = {};
  for (const entry of raw.split(',')) {
    const parsed = yieldFloor(entry.trim(), floors);
    if (typeof parsed === 'string') {
      problems.push(`LOW_YIELD_FLOORS: ${parsed}; expected process=ratio pairs, e.g. separation=0.9,smelting=0.92`);
      return {};
    }
    floors[parsed.process] = parsed.ratio;
  }
  return floors;
}

/** One `process=ratio` entry, or what is wrong with it. */
function yieldFloor(entry: string, seen: Partial<Record<Process, number>>): { process: Process; ratio: number } | string {
  const parts = entry.split('=').map((part) => part.trim());
  if (parts.length !== 2) return `"${entry}" is not process=ratio`;
  const [name, value] = parts;
  if (!(PROCESSES as readonly string[]).includes(name)) return `"${name}" is not a process (${PROCESSES.join(', ')})`;
  const process = name as Process;
  if (!RATIO.test(value) || Number(value) === 0) return `${process}: "${value}" is not a ratio greater than 0 and at most 1`;
  if (seen[process] !== undefined) return `${process} is named twice`;
  return { process, ratio: Number(value) };
}
