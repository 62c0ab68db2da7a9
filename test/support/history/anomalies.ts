import { ANOMALY_KINDS, AnomalyKind } from './history';

const EXAMPLES_PER_KIND = 5;

/** Counts anomalies by kind and keeps the first few of each, described in words. */
export class Anomalies {
  readonly counts = Object.fromEntries(ANOMALY_KINDS.map((kind) => [kind, 0])) as Record<AnomalyKind, number>;
  readonly examples: Partial<Record<AnomalyKind, string[]>> = {};

  /** `describe` runs only for the examples kept, so that a million anomalies cost no million strings. */
  add(kind: AnomalyKind, describe: () => string): void {
    this.counts[kind]++;
    const examples = (this.examples[kind] ??= []);
    if (examples.length < EXAMPLES_PER_KIND) examples.push(describe());
  }

  get total(): number {
    return Object.values(this.counts).reduce((sum, count) => sum + count, 0);
  }
}
