/**
 * Loads the real `meilisearch` JS client (ESM-only) from CommonJS code such as this repo's jest
 * specs, which @swc/jest compiles to CommonJS and which leave node_modules untransformed.
 *
 * `importMeilisearchClient()` (async) first tries a real `import("meilisearch")` — which works
 * when jest runs with --experimental-vm-modules and keeps dynamic imports (as `npm test` does), and
 * then yields the very module instance the code under test imports (same error classes for
 * `instanceof`). Otherwise, and for `loadMeilisearchClient()` (sync):
 *
 * - When jest is configured to transform `node_modules/meilisearch` (see README), a plain
 *   `require` works and is used.
 * - Otherwise the client's single-file bundle (dist/index.js, no imports of its own) is evaluated
 *   as-is, with its final `export { … }` statement turned into a returned object. The client's
 *   code is not modified otherwise.
 */
import fs from "fs"

export type MeilisearchModule = typeof import("meilisearch", { with: { "resolution-mode": "import" } })

let cached: MeilisearchModule | undefined

export function loadMeilisearchClient(): MeilisearchModule {
  if (cached) return cached
  try {
    cached = require("meilisearch") as MeilisearchModule
    if (typeof cached.Meilisearch === "function") return cached
  } catch {
    // ESM syntax that the current loader cannot require — evaluate the bundle below
  }
  const file = require.resolve("meilisearch")
  const source = fs.readFileSync(file, "utf8")
  const m = /\nexport\s*\{([^}]*)\};?\s*(\/\/# sourceMappingURL=.*)?\s*$/.exec(source)
  if (!m || /^\s*import\s/m.test(source)) {
    throw new Error(`Meilisearch fake: cannot load the meilisearch client from ${file}; transform it in jest.config.js (see test-utils/meilisearch-fake/README.md)`)
  }
  const exported = m[1]
    .split(",")
    .map((s) => s.trim())
    .filter(Boolean)
    .map((spec) => {
      const [local, name] = spec.split(/\s+as\s+/)
      return `${JSON.stringify(name ?? local)}: ${local}`
    })
  // eslint-disable-next-line @typescript-eslint/no-implied-eval
  cached = new Function(`${source.slice(0, m.index)}\nreturn { ${exported.join(", ")} };\n//# sourceURL=${file}`)() as MeilisearchModule
  return cached
}

/** The real ES module when this runtime can import it, else `loadMeilisearchClient()`. */
export async function importMeilisearchClient(): Promise<MeilisearchModule> {
  try {
    const mod = (await import("meilisearch")) as MeilisearchModule
    if (typeof mod.Meilisearch === "function") return mod
  } catch {
    // e.g. "A dynamic import callback was invoked without --experimental-vm-modules"
  }
  return loadMeilisearchClient()
}
