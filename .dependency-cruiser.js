/**
 * STYLE.md's architecture rules, checked by `npm run lint`:
 * - domain files (events, state, streams, errors, decisions) and the shared kernel import no framework;
 * - a library imports another only through that library's `index.ts`;
 * - production code never imports tests or the test support (libs/testing, each library's src/testing/); no cycles;
 * - tests and benchmarks reach a library through its index.ts or its src/testing/ folder.
 */
const FRAMEWORKS = '^(node_modules/)?(@nestjs|typeorm|bullmq|ioredis|pg|express|@eventstore)(/|$)';
const DOMAIN_FILES = '(\\.(events|state|stream|errors|decide)\\.ts$)|^libs/shared-kernel/';

module.exports = {
  forbidden: [
    {
      name: 'domain-imports-no-framework',
      comment: 'Decisions are pure: aggregate files and the shared kernel import no NestJS, TypeORM, BullMQ or driver.',
      severity: 'error',
      from: { path: DOMAIN_FILES, pathNot: '\\.spec\\.ts$' },
      to: { path: FRAMEWORKS },
    },
    {
      name: 'libraries-meet-through-index',
      comment: 'A library (bounded context or shared) is imported by another only through its index.ts (its tests may also use the other\'s testing/ folder).',
      severity: 'error',
      from: { path: '^libs/([^/]+)/' },
      to: { path: '^libs/', pathNot: ['^libs/$1/', '^libs/[^/]+/src/index\\.ts$', '^libs/[^/]+/src/testing/'] },
    },
    {
      name: 'apps-meet-libraries-through-index',
      severity: 'error',
      from: { path: '^apps/' },
      to: { path: '^libs/', pathNot: '^libs/[^/]+/src/index\\.ts$' },
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
        'test/ and bench/ reach a library through its index.ts or its testing/ folder (event builders, fixtures, harnesses), ' +
        'never a deep path. test/setup/ is exempt: Jest loads its global set-up without the @ree/* path mapping.',
      severity: 'error',
      from: { path: '^(test|bench)/', pathNot: '^test/setup/' },
      to: { path: '^libs/[^/]+/src/', pathNot: ['^libs/[^/]+/src/index\\.ts$', '^libs/[^/]+/src/testing/'] },
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
