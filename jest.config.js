/**
 * Jest: TypeScript through ts-jest; a CustomFunctions stand-in for every test file. One
 * production build per run, shared by every suite that needs it (test/support/built-addin.ts):
 * globalSetup starts it in the background, the sequencer runs the suites that read it last.
 *
 * At least two workers, even on two cores: much of the suite waits on other processes (webpack,
 * Chromium, the CLI), so a second worker overlaps the INFRA_URL build with the browser suites.
 * jest's default (cores − 1) would run everything in one process there.
 */
const os = require("node:os");

module.exports = {
  testEnvironment: "node",
  roots: ["<rootDir>/test"],
  testMatch: ["**/*.test.ts"],
  transform: {
    "^.+\\.ts$": ["ts-jest", { tsconfig: "tsconfig.json", diagnostics: { warnOnly: false } }],
  },
  setupFiles: ["<rootDir>/test/setup/custom-functions.ts"],
  globalSetup: "<rootDir>/test/support/global-setup.js",
  globalTeardown: "<rootDir>/test/support/global-teardown.js",
  testSequencer: "<rootDir>/test/support/sequencer.js",
  testTimeout: 30000,
  maxWorkers: Math.max(2, (os.availableParallelism?.() ?? os.cpus().length) - 1),
};
