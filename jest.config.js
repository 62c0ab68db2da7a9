/**
 * Three kinds of test (docs/quality.md, "Kinds of test"): `*.spec.ts` pure, `*.int-spec.ts` against the real PostgreSQL
 * and Redis, `*.e2e-spec.ts` through HTTP. `npm test` runs them all, one file at a time.
 */
const { pathsToModuleNameMapper } = require('ts-jest');
const { compilerOptions } = require('./tsconfig.json');

const common = {
  rootDir: __dirname,
  testEnvironment: 'node',
  moduleFileExtensions: ['ts', 'js', 'json'],
  transform: { '^.+\\.ts$': ['ts-jest', { tsconfig: 'tsconfig.json' }] },
  moduleNameMapper: pathsToModuleNameMapper(compilerOptions.paths, { prefix: '<rootDir>/' }),
  modulePathIgnorePatterns: ['<rootDir>/dist/'],
};

module.exports = {
  globalSetup: '<rootDir>/test/setup/global-setup.ts',
  // A ceiling, never a measure: far above any test's quiet duration (the longest-running tests set
  // their own, at least five times theirs), so that only a hung test reaches it on a busy machine.
  // Tests wait on conditions, with ceilings of 60 s (docs/decisions.md, 26).
  testTimeout: 120_000,
  projects: [
    { ...common, displayName: 'unit', testMatch: ['<rootDir>/{apps,libs,test}/**/*.spec.ts'] },
    { ...common, displayName: 'integration', testMatch: ['<rootDir>/{apps,libs,test}/**/*.int-spec.ts'], setupFiles: ['<rootDir>/test/setup/test-env.ts'] },
    { ...common, displayName: 'e2e', testMatch: ['<rootDir>/test/**/*.e2e-spec.ts'], setupFiles: ['<rootDir>/test/setup/test-env.ts'] },
  ],
};
