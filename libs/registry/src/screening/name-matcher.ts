import { CONFUSABLES_SOURCE } from './confusables.table';
import { nameSkeleton, skeletonKeys } from './name-skeleton';

/**
 * The matcher's name, recorded with every screening so that a later reader knows how its scores
 * were made: pg_trgm similarity of UTS #39 skeletons, with the confusables data's version.
 * Screenings recorded as `pg_trgm-similarity/normalised-name@1` compared names without skeletons.
 */
export const SCREENING_ALGORITHM = `pg_trgm-similarity/uts39-skeleton-${CONFUSABLES_SOURCE.version}@2`;

/**
 * The score from which a name is a match (libs/registry/README.md, "Screening": a one-letter typo
 * in a two-word name still matches, names that share only generic words do not).
 */
export const DEFAULT_SCREENING_THRESHOLD = 0.7;

/** A name with its skeleton and the two keys it is scored by. */
export interface SkeletonisedName {
  readonly name: string;
  readonly skeleton: string;
  readonly sorted: string;
  readonly compact: string;
}

/** Computes a name's skeleton once; screening compares the keys, the evidence records the skeleton. */
export function skeletonise(name: string): SkeletonisedName {
  const skeleton = nameSkeleton(name);
  return { name, skeleton, ...skeletonKeys(skeleton) };
}

/**
 * The score of two names, in SQL: the better of the trigram similarities of their sorted keys and
 * of their compact keys. Every screening (one name against the list, one listed party against
 * every licence) scores with this expression and nothing else.
 */
export const scoreSql = (left: { sorted: string; compact: string }, right: { sorted: string; compact: string }): string =>
  `GREATEST(similarity(${left.sorted}, ${right.sorted}), similarity(${left.compact}, ${right.compact}))`;

/** Scores are compared rounded to four decimals: SQL lets through what rounds up to the threshold. */
export const sqlCutoff = (threshold: number): number => Math.max(0, threshold - 0.0001);

export const roundScore = (score: number): number => Math.min(1, Math.max(0, Math.round(score * 10000) / 10000));
