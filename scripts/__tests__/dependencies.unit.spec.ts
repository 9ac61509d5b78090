import fs from "fs"
import path from "path"

const ROOT = path.resolve(__dirname, "..", "..")
// eslint-disable-next-line @typescript-eslint/no-var-requires
const { missingPlatformEntries, LOCK } = require("../complete-lockfile.js")

describe("dependencies", () => {
  it("pins every @medusajs package to one exact version", () => {
    const pkg = JSON.parse(fs.readFileSync(path.join(ROOT, "package.json"), "utf8"))
    const specs = Object.entries({ ...pkg.dependencies, ...pkg.devDependencies })
      .filter(([name]) => name.startsWith("@medusajs/") && name !== "@medusajs/ui")
      .map(([, spec]) => spec)
    expect(specs.length).toBeGreaterThan(5)
    expect(new Set(specs)).toEqual(new Set(["2.21.2"]))
  })

  it("the lock lists every platform's optional binaries, or `npm ci` refuses it", () => {
    // Run `node scripts/complete-lockfile.js` after `npm install` when this fails.
    const lock = JSON.parse(fs.readFileSync(LOCK, "utf8"))
    expect(Object.keys(missingPlatformEntries(lock.packages))).toEqual([])
  })
})
