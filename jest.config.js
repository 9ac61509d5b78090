const { loadEnv } = require("@medusajs/framework/utils")
loadEnv("test", process.cwd())

// TEST_TYPE picks one kind of test per jest run (Medusa's starter convention);
// scripts/test.mjs runs them one after another.
const testMatchByType = {
  unit: ["**/src/**/__tests__/**/*.unit.spec.[jt]s", "**/scripts/**/__tests__/**/*.unit.spec.[jt]s"],
  "integration:modules": ["**/src/modules/*/__tests__/**/*.spec.[jt]s"],
  "integration:http": ["**/integration-tests/http/**/*.spec.[jt]s"],
  browser: ["**/integration-tests/browser/**/*.spec.[jt]s"],
}

module.exports = {
  transform: {
    "^.+\\.[jt]sx?$": [
      "@swc/jest",
      { jsc: { parser: { syntax: "typescript", decorators: true, tsx: true } } },
    ],
  },
  testEnvironment: "node",
  moduleFileExtensions: ["js", "ts", "tsx", "json"],
  modulePathIgnorePatterns: ["dist/", "<rootDir>/.medusa/", "<rootDir>/.data/", "<rootDir>/bench/"],
  setupFiles: ["./integration-tests/setup.js"],
  testMatch: testMatchByType[process.env.TEST_TYPE] ?? testMatchByType.unit,
  testPathIgnorePatterns: [
    "/node_modules/",
    "<rootDir>/src/plugins/",
    // A module's unit specs run with the unit kind; the modules kind runs its database specs only.
    ...(process.env.TEST_TYPE === "integration:modules" ? ["\\.unit\\.spec\\.[jt]s$"] : []),
  ],
}
