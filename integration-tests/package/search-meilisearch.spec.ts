import fs from "fs"
import os from "os"
import path from "path"
import { startMeilisearchFake, type MeilisearchFake } from "../../test-utils/meilisearch-fake"
import { CLEAN_APP_PROJECT_CONFIG, packPlugin, startCleanApp, tarballFiles, type CleanApp } from "../helpers/clean-app"

// eslint-disable-next-line @typescript-eslint/no-require-imports
const { buildPluginsIfStale } = require("../../scripts/lib/build-plugins")

jest.setTimeout(600_000)

const PLUGIN = "@emporium/medusa-search-meilisearch"
const PLUGIN_DIR = path.resolve(__dirname, "../../src/plugins/search-meilisearch")
const ADMIN = { email: "admin@clean-app.test", password: "clean-app-password" }

/** The medusa-config.js a developer writes after `npm install @emporium/medusa-search-meilisearch` (README). */
const config = (host: string) => `
const { defineConfig } = require("@medusajs/framework/utils")
const { meilisearchSearchProvider } = require("${PLUGIN}/config")

module.exports = defineConfig({
  ${CLEAN_APP_PROJECT_CONFIG}
  modules: [
    {
      resolve: "@medusajs/medusa/search",
      options: { providers: [meilisearchSearchProvider({ host: "${host}", apiKey: "clean-app-key" })] },
    },
  ],
})
`

/** The developer's own product index: Medusa loads every file under src/search. */
const PRODUCT_INDEX = `
const { defineSearchIndex, graphConsume, graphSeed, search } = require("@medusajs/framework/utils")

const fields = ["id", "title", "status"]

module.exports = defineSearchIndex({
  name: "product",
  entity: "product",
  fields: search.define({
    id: search.keyword().filterable(),
    title: search.text().searchable(),
    status: search.keyword().filterable().facetable(),
  }),
  events: ["product.created", "product.updated", "product.deleted"],
  consume: graphConsume({ fields }),
  seed: graphSeed({ fields }),
})
`

describe(`${PLUGIN} installed from its npm tarball into a clean Medusa 2.21 app (against the Meilisearch protocol fake)`, () => {
  let tarball: string
  let app: CleanApp
  let fake: MeilisearchFake

  beforeAll(async () => {
    buildPluginsIfStale()
    fake = await startMeilisearchFake({ masterKey: "clean-app-key" })
    tarball = packPlugin(PLUGIN_DIR, fs.mkdtempSync(path.join(os.tmpdir(), "emporium-pack-")))
    app = await startCleanApp({ [PLUGIN]: tarball }, config(fake.url), { "src/search/product.js": PRODUCT_INDEX }, ADMIN)
  })
  afterAll(async () => {
    await app?.stop()
    await fake?.close()
    if (tarball) fs.rmSync(path.dirname(tarball), { recursive: true, force: true })
  })

  it("ships its build, README and package.json, and no sources or tests", () => {
    const files = tarballFiles(tarball)
    expect(files).toEqual(
      expect.arrayContaining(["package/package.json", "package/README.md", "package/.medusa/server/src/providers/meilisearch/index.js", "package/.medusa/server/src/config.js"])
    )
    expect(files.filter((f) => /\.tsx?$|__tests__/.test(f) && !f.endsWith(".d.ts"))).toEqual([])
  })

  it("creates the index on Meilisearch at db:migrate with the definition's attributes", () => {
    const created = fake.requests.find((r) => r.method === "POST" && r.path === "/indexes")
    expect(created?.body).toMatchObject({ primaryKey: "id" })
    const uid = (created?.body as { uid: string }).uid
    expect(fake.settings(uid)).toMatchObject({ searchableAttributes: ["title"], filterableAttributes: expect.arrayContaining(["id", "status"]) })
  })

  it("indexes a product created in the admin, and the admin lists the index as ready on meilisearch", async () => {
    const login = await fetch(`${app.url}/auth/user/emailpass`, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify(ADMIN),
    })
    const { token } = (await login.json()) as { token: string }
    const headers = { "content-type": "application/json", authorization: `Bearer ${token}` }
    const created = await fetch(`${app.url}/admin/products`, {
      method: "POST",
      headers,
      body: JSON.stringify({ title: "Clean app lamp", options: [{ title: "Default", values: ["Default"] }] }),
    })
    expect(created.status).toBe(200)
    const { product } = (await created.json()) as { product: { id: string } }

    const deadline = Date.now() + 30_000
    let indexed: Record<string, unknown>[] = []
    for (;;) {
      const uid = fake.requests.find((r) => /^\/indexes\/[^/]+\/documents$/.test(r.path))?.path.split("/")[2]
      indexed = uid ? fake.documents(uid) : []
      if (indexed.some((d) => d.id === product.id) || Date.now() > deadline) break
      await new Promise((r) => setTimeout(r, 250))
    }
    expect(indexed).toEqual([expect.objectContaining({ id: product.id, title: "Clean app lamp" })])

    const listed = await fetch(`${app.url}/admin/search-indexes`, { headers })
    const { search_indexes } = (await listed.json()) as { search_indexes: { name: string; provider: string; status: string }[] }
    expect(search_indexes).toEqual([expect.objectContaining({ name: "product", provider: "meilisearch", status: "ready" })])
  })
})
