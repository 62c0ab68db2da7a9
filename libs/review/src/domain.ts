/**
 * The pure part of this context's public surface: the red-flag rules (`src/flags/`), which the
 * review fold evaluates and the compliance context's deadline jobs evaluate at their own time, so
 * that both say the same of the same events. Domain code of other contexts imports it as
 * `@ree/review/domain`: it reaches no framework (the `domain-reaches-no-platform` rule of
 * .dependency-cruiser.js). `index.ts` re-exports it.
 */
export * from './flags';
