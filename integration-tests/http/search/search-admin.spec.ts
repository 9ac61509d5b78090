import { medusaIntegrationTestRunner } from "@medusajs/test-utils"
import { createProductTagsWorkflow } from "@medusajs/medusa/core-flows"
import type { SearchTypes } from "@medusajs/framework/types"
import { ContainerRegistrationKeys, Modules, ProductStatus } from "@medusajs/framework/utils"
import { expectClientError } from "../../helpers/bad-inputs"
import { signUp } from "../../helpers/customer"
import { attempt, ok, storeHeaders, type Api, type HttpResult } from "../../helpers/http"
import { eventually, makeProduct, type Made, type ProductSpec } from "../../helpers/recommendations"
import { seedStore, type StoreFixture } from "../../helpers/store-fixture"

jest.setTimeout(300_000)
delete process.env.REDIS_URL

type SyncRun = {
  id: string
  job_id: string | null
  version: number
  status: string
  documents_synced: number
  started_at: string | null
  completed_at: string | null
  error: string | null
}
type IndexStatus = {
  name: string
  entity: string
  provider: string
  status: string
  active_version: number | null
  documents: number | null
  documents_estimated: boolean
  documents_error: string | null
  source_rows: number
  last_sync: SyncRun | null
  running: (SyncRun & { total: number }) | null
  failures: { error: string | null; completed_at: string | null }[]
  searchable_fields: { name: string; weight: number }[]
  synonyms_changed: boolean
}
type SynonymGroup = { id: string; terms: string[]; created_at: string; updated_at: string }
type SearchAnswer = { products: { id: string; title: string }[]; count: number }

medusaIntegrationTestRunner({
  testSuite: ({ api: rawApi, getContainer, utils }) => {
    const api = rawApi as Api
    let f: StoreFixture
    let tagIds: Record<string, string>
    const p = {} as Record<string, Made>

    beforeAll(async () => {
      const container = getContainer()
      f = await seedStore(container, api)
      const { result: tags } = await createProductTagsWorkflow(container).run({
        input: { product_tags: ["organic", "cotton"].map((value) => ({ value })) },
      })
      tagIds = Object.fromEntries(tags.map((t) => [t.value, t.id]))
      p.tee = await makeProduct(container, f, { title: "Organic cotton tee", price: 20, stock: 10, tags: ["organic", "cotton"] }, tagIds)
      p.draft = await makeProduct(container, f, { title: "Paper lamp draft", price: 30, stock: 5, status: ProductStatus.DRAFT })
      await utils.waitWorkflowExecutions()
      await eventually(status, (s) => s.status === "ready" && s.documents === s.source_rows && !s.running, "the catalogue reaching the search index")
    })

    const admin = () => f.admin.headers

    async function status(): Promise<IndexStatus> {
      const { indexes } = await ok<{ indexes: IndexStatus[] }>(api.get("/admin/search/status", admin()))
      const product = indexes.find((index) => index.name === "product")
      if (!product) throw new Error(`no product index in ${JSON.stringify(indexes)}`)
      return product
    }

    /** The index once a rebuild that was not there at `before` (the last run's id then) has completed. */
    const rebuilt = (before: string | null) =>
      eventually(
        status,
        (s) => !s.running && !!s.last_sync && s.last_sync.id !== before && s.last_sync.status !== "processing",
        "a new rebuild to finish",
        90_000
      )

    const search = (q: string) =>
      ok<SearchAnswer>(api.get(`/store/search/products?q=${encodeURIComponent(q)}&limit=50`, storeHeaders(f.storefront.publishableKey)))
    const titles = async (q: string) => (await search(q)).products.map((hit) => hit.title)

    const addGroup = (terms: unknown) => attempt(api.post("/admin/search/synonyms", { terms }, admin()))
    const make = (spec: ProductSpec) => makeProduct(getContainer(), f, spec, tagIds)

    /** Every product not deleted, whatever its status or sales channel: what a full rebuild writes. */
    async function catalogueCount(): Promise<number> {
      const { count } = await ok<{ count: number }>(api.get("/admin/products?limit=1&fields=id", admin()))
      return count
    }

    describe("status", () => {
      it("shows the product index ready, serving one document per product in the catalogue (published and draft, every channel)", async () => {
        const s = await status()
        const products = await catalogueCount()
        // Linen shirt, Wool socks, the wholesale-only product, the tee and the draft lamp.
        expect(products).toBe(5)
        expect(s).toMatchObject({
          name: "product",
          entity: "product",
          provider: "search-postgres",
          status: "ready",
          documents: products,
          documents_estimated: false,
          documents_error: null,
          source_rows: products,
          running: null,
          failures: [],
          synonyms_changed: false,
        })
        expect(s.active_version).toBeGreaterThanOrEqual(1)
        // Medusa's seed of the (then empty) index at boot is the last completed run.
        expect(s.last_sync).toMatchObject({ status: "done", error: null })
        expect(s.last_sync!.completed_at).not.toBeNull()

        // "documents" counts what the index serves, drafts included: the store's routes filter to published.
        const searchModule = getContainer().resolve<SearchTypes.ISearchModuleService>(Modules.SEARCH)
        const drafts = await searchModule.search({ entity: "product", fields: ["id"], filters: { status: "draft" }, pagination: { take: 10 } })
        expect(drafts.hits.map((hit) => hit.id)).toEqual([p.draft.id])
        expect((await titles("lamp")).includes("Paper lamp draft")).toBe(false)

        expect(s.searchable_fields[0]).toEqual({ name: "title", weight: 10 })
        expect(s.searchable_fields).toContainEqual({ name: "also_known_as", weight: 2 })
        const weights = s.searchable_fields.map((field) => field.weight)
        expect(weights).toEqual([...weights].sort((a, b) => b - a))
      })

      it("reports the running rebuild with its progress (never a dead one), and the last 10 failed runs newest first, a seed and its catch-up pass as one run", async () => {
        // Medusa's own sync records, written as a crashed and a running job would leave them.
        const knex = getContainer().resolve(ContainerRegistrationKeys.PG_CONNECTION)
        const {
          rows: [version],
        } = await knex.raw(
          `SELECT v.id FROM search_index_version v JOIN search_index i ON i.id = v.search_index_id AND v.version = i.active_version WHERE i.name = 'product'`
        )
        const at = (minutesAgo: number) => new Date(Date.now() - minutesAgo * 60_000)
        const sync = (id: string, job: string, status: string, startedMinutesAgo: number, extra: Record<string, unknown> = {}) => ({
          id,
          job_id: job,
          search_index_version_id: version.id,
          status,
          documents_synced: 0,
          resumable: false,
          started_at: at(startedMinutesAgo),
          completed_at: status === "processing" ? null : at(startedMinutesAgo - 1),
          created_at: at(startedMinutesAgo),
          updated_at: at(startedMinutesAgo),
          ...extra,
        })
        const failed = Array.from({ length: 12 }, (_, i) => [
          sync(`srhsync_f${i}a`, `job-f${i}`, "failed", 100 - i, { error: `seed ${i} failed` }),
          // The catch-up pass of the same job, failed first: folded into its run.
          sync(`srhsync_f${i}b`, `job-f${i}`, "failed", 99.5 - i, { error: `seed ${i} failed` }),
        ]).flat()
        // Left "processing" by a process that died before the boot seed ran: not running.
        const ghost = sync("srhsync_ghost", "job-ghost", "processing", 200, { documents_synced: 1 })
        await knex("search_index_sync").insert([...failed, ghost])
        expect((await status()).running).toBeNull()

        await knex("search_index_sync").insert(sync("srhsync_run", "job-run", "processing", 0, { documents_synced: 3, resumable: true }))
        const s = await status()
        expect(s.running).toMatchObject({ id: "srhsync_run", job_id: "job-run", status: "processing", documents_synced: 3, total: 5, completed_at: null })
        expect(s.failures.map((failure) => failure.error)).toEqual(Array.from({ length: 10 }, (_, i) => `seed ${11 - i} failed`))
        // The boot seed finished after these fabricated runs, so it stays the last finished one.
        expect(s.last_sync).toMatchObject({ status: "done" })
      })

      it("counts a product once it is created and drops it once it is deleted", async () => {
        const made = await make({ title: "Walnut bowl", price: 18 })
        await eventually(status, (s) => s.documents === 6 && s.source_rows === 6, "the new product reaching the index")
        await ok(api.delete(`/admin/products/${made.id}`, admin()))
        await eventually(status, (s) => s.documents === 5 && s.source_rows === 5, "the deleted product leaving the index")
      })
    })

    describe("reindex", () => {
      it("answers 202 with a job id, and the status then shows a new completed rebuild of every product into a new version", async () => {
        const before = await status()
        const started = await attempt(api.post("/admin/search/reindex", {}, admin()))
        expect(started.status).toBe(202)
        expect(started.data).toEqual({ job_id: expect.any(String), index: "product" })

        const after = await rebuilt(before.last_sync?.id ?? null)
        expect(after.last_sync).toMatchObject({ status: "done", documents_synced: 5, error: null })
        expect(new Date(after.last_sync!.started_at!).getTime()).toBeGreaterThanOrEqual(new Date(before.last_sync!.completed_at!).getTime())
        expect(after.last_sync!.version).toBe(before.active_version! + 1)
        expect(after).toMatchObject({ status: "ready", active_version: before.active_version! + 1, documents: 5, source_rows: 5, failures: [] })
        expect((await titles("cotton tee"))[0]).toBe("Organic cotton tee")
      })

      it("rebuilds in place when asked: same version, every document again", async () => {
        const before = await status()
        const started = await attempt(api.post("/admin/search/reindex", { index: "product", strategy: "in_place" }, admin()))
        expect(started.status).toBe(202)
        const after = await rebuilt(before.last_sync?.id ?? null)
        expect(after.last_sync).toMatchObject({ status: "done", documents_synced: 5, version: before.active_version })
        expect(after).toMatchObject({ active_version: before.active_version, documents: 5 })
      })
    })

    describe("synonyms", () => {
      it('makes "t-shirt" find the Organic cotton tee once the reindex it starts is done, and no longer once the group is deleted', async () => {
        expect(await titles("t-shirt")).not.toContain("Organic cotton tee")
        const before = await status()

        const saved = await addGroup(["Tee", "  T-Shirt "])
        expect(saved.status).toBe(200)
        expect(saved.data).toEqual({
          synonym_group: { id: expect.stringMatching(/^ssyn_/), terms: ["tee", "t-shirt"], created_at: expect.any(String), updated_at: expect.any(String) },
          job_id: expect.any(String),
        })
        const group = saved.data.synonym_group as SynonymGroup
        const afterSave = await rebuilt(before.last_sync?.id ?? null)
        expect(afterSave.last_sync).toMatchObject({ status: "done", documents_synced: 5 })
        expect(afterSave.synonyms_changed).toBe(false)
        expect(await titles("t-shirt")).toContain("Organic cotton tee")
        expect(await titles("tee")).toContain("Organic cotton tee")

        const listed = await ok<{ synonym_groups: SynonymGroup[]; count: number }>(api.get("/admin/search/synonyms", admin()))
        expect(listed).toMatchObject({ count: 1, synonym_groups: [{ id: group.id, terms: ["tee", "t-shirt"] }] })

        // Documents written from events (no reindex) carry the synonyms too.
        await make({ title: "Bamboo tee", price: 22 })
        await eventually(() => titles("t-shirt"), (found) => found.includes("Bamboo tee"), "a new tee being found as a t-shirt")

        // The same terms in another order and case are the same group.
        const twice = await addGroup(["T-SHIRT", "tee"])
        expect(twice.status).toBe(400)
        expect(twice.data.message).toBe(`A synonym group with these terms already exists (${group.id}).`)

        const removed = await attempt(api.delete(`/admin/search/synonyms/${group.id}`, admin()))
        expect(removed.status).toBe(200)
        expect(removed.data).toEqual({ id: group.id, object: "search_synonym_group", deleted: true, job_id: expect.any(String) })
        await rebuilt(afterSave.last_sync!.id)
        const stillFound = await titles("t-shirt")
        expect(stillFound).not.toContain("Organic cotton tee")
        expect(stillFound).not.toContain("Bamboo tee")
        expect(await titles("tee")).toContain("Organic cotton tee")
        expect(await ok(api.get("/admin/search/synonyms", admin()))).toMatchObject({ count: 0, synonym_groups: [] })

        const again = await attempt(api.delete(`/admin/search/synonyms/${group.id}`, admin()))
        expect(again.status).toBe(404)
      })
    })

    describe("bad input", () => {
      it("answers every bad request with a 4xx and a message, never a 5xx", async () => {
        const before = await status()
        const cases: [string, () => Promise<HttpResult>][] = [
          ["one term", () => addGroup(["tee"])],
          ["no terms", () => addGroup([])],
          ["an empty term", () => addGroup(["tee", "   "])],
          ["the same term twice", () => addGroup(["tee", " TEE "])],
          ["21 terms", () => addGroup(Array.from({ length: 21 }, (_, i) => `term ${i}`))],
          ["a term that is not text", () => addGroup(["tee", 5])],
          ["terms that are not a list", () => addGroup("tee, t-shirt")],
          ["a 61-character term", () => addGroup(["tee", "x".repeat(61)])],
          ["a term without a letter or digit", () => addGroup(["tee", "--"])],
          ["no body", () => attempt(api.post("/admin/search/synonyms", {}, admin()))],
          ["an unknown field", () => attempt(api.post("/admin/search/synonyms", { terms: ["a", "b"], weight: 3 }, admin()))],
          ["a limit of 0", () => attempt(api.get("/admin/search/synonyms?limit=0", admin()))],
          ["an unknown synonym group", () => attempt(api.delete("/admin/search/synonyms/ssyn_01JZZZZZZZZZZZZZZZZZZZZZZZ", admin()))],
          ["an unknown index", () => attempt(api.post("/admin/search/reindex", { index: "nope" }, admin()))],
          ["an index that is not text", () => attempt(api.post("/admin/search/reindex", { index: 5 }, admin()))],
          ["an unknown strategy", () => attempt(api.post("/admin/search/reindex", { strategy: "fast" }, admin()))],
        ]
        const statuses: Record<string, number> = {}
        for (const [label, send] of cases) {
          const result = await send()
          expectClientError(result, label)
          statuses[label] = result.status
        }
        expect(statuses["an unknown synonym group"]).toBe(404)
        expect(statuses["an unknown index"]).toBe(404)
        expect(statuses["one term"]).toBe(400)
        expect(statuses["21 terms"]).toBe(400)
        expect(statuses["a term that is not text"]).toBe(400)
        expect(await ok(api.get("/admin/search/synonyms", admin()))).toMatchObject({ count: 0 })
        // Nothing was rebuilt by a refused request.
        expect((await status()).last_sync?.id).toBe(before.last_sync?.id)
      })

      it("needs an admin: 401 without a token or with a customer's", async () => {
        const routes: [string, string][] = [
          ["get", "/admin/search/status"],
          ["post", "/admin/search/reindex"],
          ["get", "/admin/search/synonyms"],
          ["post", "/admin/search/synonyms"],
          ["delete", "/admin/search/synonyms/ssyn_1"],
        ]
        for (const [method, url] of routes) {
          const result = await attempt(method === "post" ? api.post(url, { terms: ["a", "b"] }) : method === "get" ? api.get(url) : api.delete(url))
          expect({ route: `${method.toUpperCase()} ${url}`, status: result.status }).toEqual({ route: `${method.toUpperCase()} ${url}`, status: 401 })
        }
        const shopper = await signUp(api, f.storefront.publishableKey)
        const asCustomer = await attempt(api.post("/admin/search/synonyms", { terms: ["a", "b"] }, { headers: { authorization: `Bearer ${shopper.token}` } }))
        expect(asCustomer.status).toBe(401)
        expect(await ok(api.get("/admin/search/synonyms", admin()))).toMatchObject({ count: 0 })
      })
    })
  },
})
