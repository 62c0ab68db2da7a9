/**
 * The architecture rules of docs/quality.md (point 8), checked by `npm run lint`:
 * - domain code (below) imports no framework, and reaches none through any chain of imports;
 * - a library imports another only through that library's entry points (`index.ts`, its pure `domain.ts`,
 *   the platform's parts);
 * - production library code never imports infra/;
 * - production code never imports tests or the test support (libs/testing, each library's src/testing/); no cycles;
 * - tests and benchmarks reach a library through its index.ts or its src/testing/ folder;
 * - a command slice imports no other slice.
 */
// `(^|node_modules/)`: a package resolves to `node_modules/<name>/…`, or further up when
// node_modules is a link (a git worktree's), or stays `<name>` when it cannot be resolved.
const FRAMEWORKS = '(^|node_modules/)(@nestjs|typeorm|bullmq|ioredis|pg|express|@eventstore)(/|$)';
const PLATFORM_PACKAGES = '(^|node_modules/)(@nestjs|typeorm|pg|bullmq|ioredis)(/|$)';
/**
 * Domain code (docs/decisions.md, 38): deciders and the commands they take, events, state and
 * evolve, stream ids, errors, statuses, quantities, review flag rules and folds, each context's
 * `domain.ts` entry point, and the shared kernel. The audit CLI's `*.command.ts` are commander
 * commands, not domain messages.
 */
const DOMAIN_FILES = [
  '\\.(decide|command|events|state|stream|errors|status|quantities|rule|fold)\\.ts$',
  '^libs/[^/]+/src/domain\\.ts$',
  '^libs/shared-kernel/',
];
const NOT_DOMAIN = ['\\.(spec|int-spec|e2e-spec)\\.ts$', '^libs/audit/src/cli/'];
/**
 * A library's entry points: its index.ts, its pure domain.ts and, for the platform, one index.ts per
 * part (`@ree/platform/http`, `/auth`, `/database`, `/jobs`, `/observability`, …; docs/decisions.md 42).
 */
const ENTRY_POINTS = ['^libs/[^/]+/src/(index|domain)\\.ts$', '^libs/platform/src/[^/]+/index\\.ts$'];
/** Specs and test support, which may build a database from infra/ as test/ does. */
const TEST_CODE = ['\\.(spec|int-spec|e2e-spec)\\.ts$', '^libs/testing/', '^libs/[^/]+/src/testing/'];

module.exports = {
  forbidden: [
    {
      name: 'domain-imports-no-framework',
      comment: 'Decisions are pure: aggregate files and the shared kernel import no NestJS, TypeORM, BullMQ or driver.',
      severity: 'error',
      from: { path: DOMAIN_FILES, pathNot: NOT_DOMAIN },
      to: { path: FRAMEWORKS },
    },
    {
      name: 'domain-reaches-no-platform',
      comment:
        'Domain code reaches no NestJS, TypeORM, pg, BullMQ or ioredis through any chain of imports, type-only ones ' +
        "included: it imports the shared kernel and other contexts' `@ree/<context>/domain`, never a library's index.",
      severity: 'error',
      from: { path: DOMAIN_FILES, pathNot: NOT_DOMAIN },
      to: { path: PLATFORM_PACKAGES, reachable: true },
    },
    {
      name: 'libraries-import-no-infra',
      comment: 'infra/ (migrations, roles, privileges, seeds) is run by scripts and tests; production library code never imports it.',
      severity: 'error',
      from: { path: '^libs/', pathNot: TEST_CODE },
      to: { path: '^infra/' },
    },
    {
      name: 'libraries-meet-through-index',
      comment: 'A library (bounded context or shared) is imported by another only through its index.ts or its pure domain.ts (its tests may also use the other\'s testing/ folder).',
      severity: 'error',
      from: { path: '^libs/([^/]+)/' },
      to: { path: '^libs/', pathNot: ['^libs/$1/', ...ENTRY_POINTS, '^libs/[^/]+/src/testing/'] },
    },
    {
      name: 'slices-import-no-other-slice',
      comment:
        'A command slice (libs/<context>/src/commands/<slice>/) imports no other slice: what several slices share lives in the ' +
        "aggregate's folder (src/<aggregate>/) or beside the slices (src/commands/*.ts). A slice's tests may drive other slices.",
      severity: 'error',
      from: { path: '^libs/([^/]+)/src/commands/([^/]+)/', pathNot: '\\.(spec|int-spec|e2e-spec)\\.ts$' },
      to: { path: '^libs/$1/src/commands/[^/]+/', pathNot: '^libs/$1/src/commands/$2/' },
    },
    {
      name: 'apps-meet-libraries-through-index',
      severity: 'error',
      from: { path: '^apps/' },
      to: { path: '^libs/', pathNot: ENTRY_POINTS },
    },
    {
      name: 'no-test-code-in-production',
      severity: 'error',
      from: { path: '^(apps|libs)/', pathNot: ['\\.(spec|int-spec|e2e-spec)\\.ts$', '^libs/testing/', '^libs/[^/]+/src/testing/', '/contract/'] },
      to: { path: ['\\.(spec|int-spec|e2e-spec)\\.ts$', '^libs/testing/', '^libs/[^/]+/src/testing/', '^test/', '/contract/'] },
    },
    {
      name: 'tests-and-bench-meet-libraries-through-entry-points',
      comment:
        'test/ and bench/ reach a library through its index.ts, its pure domain.ts or its testing/ folder (event builders, fixtures, harnesses), ' +
        'never a deep path. test/setup/ is exempt: Jest loads its global set-up without the @ree/* path mapping.',
      severity: 'error',
      from: { path: '^(test|bench)/', pathNot: '^test/setup/' },
      to: { path: '^libs/[^/]+/src/', pathNot: [...ENTRY_POINTS, '^libs/[^/]+/src/testing/'] },
    },
    {
      name: 'no-circular',
      severity: 'error',
      from: {},
      to: { circular: true },
    },
  ],
  options: {
    doNotFollow: { path: 'node_modules' },
    exclude: { path: '(^dist/|^node_modules/)' },
    tsConfig: { fileName: 'tsconfig.json' },
    tsPreCompilationDeps: true,
    enhancedResolveOptions: { exportsFields: ['exports'], conditionNames: ['import', 'require', 'node', 'default'] },
  },
};
