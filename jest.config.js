const { loadEnv } = require("@medusajs/framework/utils")
loadEnv("test", process.cwd())

// TEST_TYPE picks one kind of test per jest run (Medusa's starter convention);
// scripts/test.mjs runs them one after another.
const testMatchByType = {
  unit: [
    "**/src/**/__tests__/**/*.unit.spec.[jt]s",
    "**/scripts/**/__tests__/**/*.unit.spec.[jt]s",
    "**/test-utils/**/__tests__/**/*.unit.spec.[jt]s",
  ],
  "integration:modules": ["**/src/modules/*/__tests__/**/*.spec.[jt]s"],
  "integration:http": ["**/integration-tests/http/**/*.spec.[jt]s"],
  browser: ["**/integration-tests/browser/**/*.spec.[jt]s"],
  // Each plugin packed with npm and installed into a new Medusa app, as a developer would.
  package: ["**/integration-tests/package/**/*.spec.[jt]s"],
}

module.exports = {
  transform: {
    "^.+\\.[jt]sx?$": [
      "@swc/jest",
      {
        jsc: { parser: { syntax: "typescript", decorators: true, tsx: true } },
        // import() stays a real dynamic import (jest runs with --experimental-vm-modules), so an
        // ES-module-only package such as the `meilisearch` client loads as it does in Node.
        module: { type: "commonjs", ignoreDynamic: true },
      },
    ],
  },
  testEnvironment: "node",
  moduleFileExtensions: ["js", "ts", "tsx", "json"],
  modulePathIgnorePatterns: ["dist/", "<rootDir>/.medusa/", "<rootDir>/.data/", "<rootDir>/bench/"],
  setupFiles: ["./integration-tests/setup.js"],
  // scripts/test.js runs each kind in one worker; a worker left holding more than this
  // after a spec file is replaced by a fresh one (see the comment there).
  workerIdleMemoryLimit: "700MB",
  testMatch: testMatchByType[process.env.TEST_TYPE] ?? testMatchByType.unit,
  testPathIgnorePatterns: [
    "/node_modules/",
    // A plugin's sources are tested; its build and its own node_modules are not.
    "<rootDir>/src/plugins/[^/]+/(node_modules|\\.medusa)/",
    // A module's unit specs run with the unit kind; the modules kind runs its database specs only.
    ...(process.env.TEST_TYPE === "integration:modules" ? ["\\.unit\\.spec\\.[jt]s$"] : []),
  ],
}
