/**
 * Drives the Meilisearch fake through the real `meilisearch` JS client (0.62) over HTTP,
 * asserting what a Meilisearch user would observe.
 */
import { importMeilisearchClient, MeilisearchModule } from "../client"
import { MeilisearchFake, startMeilisearchFake } from "../index"

type Client = InstanceType<MeilisearchModule["Meilisearch"]>

let Meilisearch: MeilisearchModule["Meilisearch"]
let MeilisearchApiError: MeilisearchModule["MeilisearchApiError"]

const MASTER_KEY = "emporium-master-key"

let fake: MeilisearchFake
let client: Client

/** Resolves with the error the promise rejects with; fails the test if it resolves. */
async function failure(p: Promise<unknown>): Promise<any> {
  try {
    await p
  } catch (e) {
    return e
  }
  throw new Error("expected the Meilisearch call to fail")
}

const PRODUCTS = [
  { id: 1, title: "Red cotton shirt", brand: "Acme", price: 25, tags: ["apparel", "summer"], stock: { eu: 4, us: 0 } },
  { id: 2, title: "Blue denim jacket", brand: "Acme", price: 80, tags: ["apparel"], stock: { eu: 0, us: 3 } },
  { id: 3, title: "Leather shoes", brand: "Stride", price: 120, tags: ["footwear"], stock: { eu: 2, us: 2 } },
  { id: 4, title: "Running shoes blue", brand: "Stride", price: 95.5, tags: ["footwear", "sport"], stock: { eu: 9, us: 1 } },
  { id: 5, title: "Wool scarf", brand: "Nordic", price: 30, tags: [], stock: { eu: 1, us: 1 } },
  { id: 6, title: "Cotton socks", brand: null, price: 5, stock: { eu: 50, us: 50 } },
]

async function seedProducts(uid = "products") {
  const index = client.index(uid)
  await index.addDocuments(PRODUCTS).waitTask()
  await index
    .updateSettings({
      filterableAttributes: ["brand", "price", "tags", "stock"],
      sortableAttributes: ["price", "title"],
    })
    .waitTask()
  return index
}

beforeAll(async () => {
  ;({ Meilisearch, MeilisearchApiError } = await importMeilisearchClient())
  fake = await startMeilisearchFake({ masterKey: MASTER_KEY })
  client = new Meilisearch({ host: fake.url, apiKey: MASTER_KEY, defaultWaitOptions: { interval: 5, timeout: 3000 } })
})

beforeEach(() => {
  fake.reset()
  // tasks finish quickly so that waitTask rarely polls twice (the lifecycle tests slow them down)
  fake.setTaskDelay(1)
})

afterAll(async () => {
  await fake.close()
})

describe("health, version and authentication", () => {
  it("answers /health without a key and reports a version", async () => {
    const res = await fetch(`${fake.url}/health`)
    expect(res.status).toBe(200)
    expect(await res.json()).toEqual({ status: "available" })
    expect(await client.isHealthy()).toBe(true)
    const version = await client.getVersion()
    expect(version.pkgVersion).toMatch(/^1\.\d+\.\d+$/)
  })

  it("rejects a missing Authorization header with 401 and a wrong key with 403", async () => {
    const anonymous = new Meilisearch({ host: fake.url })
    const e1 = await failure(anonymous.getIndexes())
    expect(e1).toBeInstanceOf(MeilisearchApiError)
    expect(e1.response.status).toBe(401)
    expect(e1.cause).toEqual({
      message: "The Authorization header is missing. It must use the bearer authorization method.",
      code: "missing_authorization_header",
      type: "auth",
      link: "https://docs.meilisearch.com/errors#missing_authorization_header",
    })

    const wrong = new Meilisearch({ host: fake.url, apiKey: "not-the-key" })
    const e2 = await failure(wrong.index("products").search("x"))
    expect(e2.response.status).toBe(403)
    expect(e2.cause).toMatchObject({ code: "invalid_api_key", type: "auth", message: "The provided API key is invalid." })
  })

  it("serves the default API keys; the search key can search but not write", async () => {
    await seedProducts()
    const keys = await client.getKeys()
    const searchKey = keys.results.find((k) => k.name === "Default Search API Key")!
    expect(searchKey.actions).toEqual(["search"])
    const searcher = new Meilisearch({ host: fake.url, apiKey: searchKey.key })
    expect((await searcher.index("products").search("shirt")).hits.map((h) => h.id)).toEqual([1])
    const e = await failure(searcher.index("products").addDocuments([{ id: 9 }]))
    expect(e.response.status).toBe(403)
    expect(e.cause.code).toBe("invalid_api_key")
  })

  it("records every request", async () => {
    await client.index("logged").search("hello").catch(() => undefined)
    const last = fake.requests[fake.requests.length - 1]
    expect(last).toMatchObject({ method: "POST", path: "/indexes/logged/search", body: { q: "hello" }, status: 404 })
  })
})

describe("tasks", () => {
  it("answers writes with 202 enqueued summarized tasks and processes them asynchronously", async () => {
    fake.setTaskDelay(400) // ~200 ms enqueued, then ~200 ms processing
    const enqueued = await client.index("movies").addDocuments([{ id: 1, title: "Carol" }])
    expect(enqueued).toEqual({
      taskUid: 0,
      indexUid: "movies",
      status: "enqueued",
      type: "documentAdditionOrUpdate",
      enqueuedAt: expect.any(String),
    })
    expect(fake.requests[fake.requests.length - 1].status).toBe(202)
    const early = await client.tasks.getTask(enqueued.taskUid)
    expect(early.status).toBe("enqueued")
    expect(early.details).toEqual({ receivedDocuments: 1, indexedDocuments: null })

    // enqueued → processing → succeeded, and nothing is visible before the task succeeded
    const seen = [early.status as string]
    for (let status = early.status as string; status !== "succeeded"; await new Promise((r) => setTimeout(r, 10))) {
      const documents = fake.documents("movies") // read before the status: a later "not yet succeeded" proves these were not visible
      status = (await client.tasks.getTask(enqueued.taskUid)).status
      if (status !== "succeeded") expect(documents).toEqual([])
      if (status !== seen[seen.length - 1]) seen.push(status)
    }
    expect(seen).toEqual(["enqueued", "processing", "succeeded"])

    const done = await client.tasks.waitForTask(enqueued.taskUid)
    expect(done).toMatchObject({
      uid: 0,
      batchUid: 0,
      indexUid: "movies",
      status: "succeeded",
      type: "documentAdditionOrUpdate",
      canceledBy: null,
      details: { receivedDocuments: 1, indexedDocuments: 1 },
      error: null,
    })
    expect(done.duration).toMatch(/^PT\d+(\.\d+)?S$/)
    expect(Date.parse(done.startedAt!)).toBeGreaterThanOrEqual(Date.parse(done.enqueuedAt))
    expect(Date.parse(done.finishedAt!)).toBeGreaterThanOrEqual(Date.parse(done.startedAt!))
    expect(fake.documents("movies")).toEqual([{ id: 1, title: "Carol" }])
    expect((await client.getIndex("movies")).primaryKey).toBe("id")
  })

  it("processes tasks one at a time in enqueue order", async () => {
    const index = client.index("queue")
    const t1 = await index.addDocuments([{ id: 1, n: 1 }])
    const t2 = await index.updateDocuments([{ id: 1, n: 2 }])
    const t3 = await index.deleteDocument(1)
    const t4 = await index.addDocuments([{ id: 1, n: 4 }])
    const tasks = await client.tasks.waitForTasks([t1, t2, t3, t4])
    expect(tasks.map((t) => t.status)).toEqual(["succeeded", "succeeded", "succeeded", "succeeded"])
    for (let i = 1; i < tasks.length; i++) {
      expect(Date.parse(tasks[i].startedAt!)).toBeGreaterThanOrEqual(Date.parse(tasks[i - 1].finishedAt!))
    }
    expect(fake.documents("queue")).toEqual([{ id: 1, n: 4 }])
  })

  it("lists and filters tasks newest first with limit / from / next", async () => {
    const a = client.index("a")
    const b = client.index("b")
    await a.addDocuments([{ id: 1 }]).waitTask()
    await b.addDocuments([{ id: 1 }]).waitTask()
    await a.updateSettings({ searchableAttributes: ["title"] }).waitTask()
    fake.failNextTask({ indexUid: "b" })
    await b.deleteAllDocuments().waitTask()

    const all = await client.tasks.getTasks()
    expect(all.results.map((t) => t.uid)).toEqual([3, 2, 1, 0])
    expect(all).toMatchObject({ total: 4, limit: 20, from: 3, next: null })

    const page = await client.tasks.getTasks({ limit: 2 })
    expect(page.results.map((t) => t.uid)).toEqual([3, 2])
    expect(page.next).toBe(1)
    const page2 = await client.tasks.getTasks({ limit: 2, from: page.next! })
    expect(page2.results.map((t) => t.uid)).toEqual([1, 0])

    expect((await client.tasks.getTasks({ indexUids: ["a"] })).results.map((t) => t.uid)).toEqual([2, 0])
    expect((await client.tasks.getTasks({ types: ["settingsUpdate"] })).results.map((t) => t.uid)).toEqual([2])
    expect((await client.tasks.getTasks({ statuses: ["failed"] })).results.map((t) => t.uid)).toEqual([3])
    expect((await client.tasks.getTasks({ uids: [0, 3] })).results.map((t) => t.uid)).toEqual([3, 0])

    const bad = await failure(client.tasks.getTasks({ statuses: ["done" as never] }))
    expect(bad.cause.code).toBe("invalid_task_statuses")
    const missing = await failure(client.tasks.getTask(99))
    expect(missing.response.status).toBe(404)
    expect(missing.cause).toMatchObject({ code: "task_not_found", message: "Task `99` not found." })
  })

  it("failNextTask: the next matching task fails with an internal error (or the given one) and changes nothing", async () => {
    const index = client.index("fragile")
    await index.addDocuments([{ id: 1, title: "kept" }]).waitTask()

    fake.failNextTask({ type: "documentAdditionOrUpdate", indexUid: "fragile" })
    const failed = await index.addDocuments([{ id: 2, title: "lost" }]).waitTask()
    expect(failed.status).toBe("failed")
    expect(failed.error).toEqual({
      message: expect.stringContaining("internal error"),
      code: "internal",
      type: "internal",
      link: "https://docs.meilisearch.com/errors#internal",
    })
    expect(failed.details).toEqual({ receivedDocuments: 1, indexedDocuments: 0 })
    expect(fake.documents("fragile").map((d) => d.id)).toEqual([1])

    // only the next matching task fails; other types and indexes are untouched
    fake.failNextTask({ type: "settingsUpdate" }, { code: "io_error", message: "disk quota exceeded", type: "system" })
    expect((await client.index("other").addDocuments([{ id: 1 }]).waitTask()).status).toBe("succeeded")
    const settings = await index.updateSettings({ filterableAttributes: ["title"] }).waitTask()
    expect(settings.error).toEqual({
      message: "disk quota exceeded",
      code: "io_error",
      type: "system",
      link: "https://docs.meilisearch.com/errors#io_error",
    })
    expect(fake.settings("fragile").filterableAttributes).toEqual([])
    expect((await index.updateSettings({ filterableAttributes: ["title"] }).waitTask()).status).toBe("succeeded")
  })

  it("cancels enqueued tasks", async () => {
    fake.setTaskDelay(250) // t2 must still be waiting behind t1 when the cancelation arrives
    const index = client.index("slow")
    const t1 = await index.addDocuments([{ id: 1 }])
    const t2 = await index.addDocuments([{ id: 2 }])
    const cancel = await client.tasks.cancelTasks({ uids: [t2.taskUid] }).waitTask()
    expect(cancel).toMatchObject({ type: "taskCancelation", status: "succeeded", details: { matchedTasks: 1, canceledTasks: 1 } })
    expect(await client.tasks.waitForTask(t2.taskUid)).toMatchObject({ status: "canceled", canceledBy: cancel.uid })
    await client.tasks.waitForTask(t1.taskUid)
    expect(fake.documents("slow").map((d) => d.id)).toEqual([1])
  })
})

describe("indexes", () => {
  it("creates, lists, updates and deletes indexes", async () => {
    const created = await client.createIndex("books", { primaryKey: "isbn" }).waitTask()
    expect(created).toMatchObject({ type: "indexCreation", status: "succeeded", details: { primaryKey: "isbn" } })
    await client.createIndex("authors").waitTask()
    const again = await client.createIndex("books").waitTask()
    expect(again.status).toBe("failed")
    expect(again.error).toMatchObject({ code: "index_already_exists", message: "Index `books` already exists." })

    const list = await client.getRawIndexes({ limit: 1 })
    expect(list).toMatchObject({ offset: 0, limit: 1, total: 2 })
    expect(list.results).toEqual([{ uid: "authors", primaryKey: null, createdAt: expect.any(String), updatedAt: expect.any(String) }])

    expect((await client.updateIndex("authors", { primaryKey: "author_id" }).waitTask()).status).toBe("succeeded")
    expect((await client.getIndex("authors")).primaryKey).toBe("author_id")

    const e = await failure(client.getIndex("nope"))
    expect(e.response.status).toBe(404)
    expect(e.cause).toMatchObject({ code: "index_not_found", message: "Index `nope` not found.", type: "invalid_request" })

    const deleted = await client.deleteIndex("books").waitTask()
    expect(deleted).toMatchObject({ type: "indexDeletion", status: "succeeded", details: { deletedDocuments: 0 } })
    const missing = await client.deleteIndex("books").waitTask()
    expect(missing.error).toMatchObject({ code: "index_not_found" })
    expect(await client.deleteIndexIfExists("books")).toBe(true) // the client only sees the 202
  })

  it("reports index and global stats", async () => {
    await seedProducts()
    const stats = await client.index("products").getStats()
    expect(stats).toMatchObject({ numberOfDocuments: 6, isIndexing: false })
    expect(stats.fieldDistribution).toMatchObject({ id: 6, title: 6, brand: 6, tags: 5, "stock.eu": 6 })
    const global = await client.getStats()
    expect(Object.keys(global.indexes)).toEqual(["products"])
    expect(global.lastUpdate).toEqual(expect.any(String))
  })

  it("rejects invalid index uids synchronously", async () => {
    const e = await failure(client.createIndex("bad uid!"))
    expect(e.response.status).toBe(400)
    expect(e.cause.code).toBe("invalid_index_uid")
  })
})

describe("documents", () => {
  it("POST replaces and PUT merges documents; GET reads them back with fields and filters", async () => {
    const index = await seedProducts()
    await index.addDocuments([{ id: 1, title: "Replaced shirt" }]).waitTask()
    expect(await index.getDocument(1)).toEqual({ id: 1, title: "Replaced shirt" })
    await index.updateDocuments([{ id: 2, price: 70 }]).waitTask()
    expect(await index.getDocument(2)).toMatchObject({ id: 2, title: "Blue denim jacket", price: 70, brand: "Acme" })

    const page = await index.getDocuments({ limit: 2, offset: 1, fields: ["id", "title"] })
    expect(page).toEqual({ results: [{ id: 2, title: "Blue denim jacket" }, { id: 3, title: "Leather shoes" }], offset: 1, limit: 2, total: 6 })

    const filtered = await index.getDocuments({ filter: "brand = Stride", fields: ["id"] })
    expect(filtered.results).toEqual([{ id: 3 }, { id: 4 }])

    const e = await failure(index.getDocument(42))
    expect(e.response.status).toBe(404)
    expect(e.cause).toMatchObject({ code: "document_not_found", message: "Document `42` not found." })

    const bad = await failure(index.getDocuments({ filter: "title = x" }))
    expect(bad.cause.code).toBe("invalid_document_filter")
  })

  it("infers the primary key and fails the task on missing or invalid document ids", async () => {
    const index = client.index("people")
    const noCandidate = await index.addDocuments([{ name: "Ada" }]).waitTask()
    expect(noCandidate.error).toMatchObject({ code: "index_primary_key_no_candidate_found" })
    const several = await index.addDocuments([{ id: 1, user_id: 2 }]).waitTask()
    expect(several.error).toMatchObject({
      code: "index_primary_key_multiple_candidates_found",
      message: expect.stringContaining("found 2 fields ending with `id` in their names: 'id' and 'user_id'"),
    })

    const ok = await index.addDocuments([{ person_id: "ada-1", name: "Ada" }]).waitTask()
    expect(ok.status).toBe("succeeded")
    expect((await client.getIndex("people")).primaryKey).toBe("person_id")

    const missing = await index.addDocuments([{ name: "Grace" }]).waitTask()
    expect(missing.error).toMatchObject({
      code: "missing_document_id",
      message: 'Document doesn\'t have a `person_id` attribute: `{"name":"Grace"}`.',
    })
    const invalid = await index.addDocuments([{ person_id: "grace hopper" }, { person_id: "ok" }]).waitTask()
    expect(invalid.error).toMatchObject({ code: "invalid_document_id", message: expect.stringContaining('Document identifier `"grace hopper"` is invalid') })
    // atomic: the valid document of the failed batch was not stored
    expect(fake.documents("people")).toEqual([{ person_id: "ada-1", name: "Ada" }])
    const changePk = await index.addDocuments([{ id: 1 }], { primaryKey: "id" }).waitTask()
    expect(changePk.error).toMatchObject({ code: "index_primary_key_already_exists" })
  })

  it("deletes documents by id, by batch, by filter and all", async () => {
    const index = await seedProducts()
    expect(await index.deleteDocument(1).waitTask()).toMatchObject({ details: { providedIds: 1, deletedDocuments: 1 } })
    expect(await index.deleteDocuments(["2", "3", "99"]).waitTask()).toMatchObject({ details: { providedIds: 3, deletedDocuments: 2 } })
    const byFilter = await index.deleteDocuments({ filter: "price < 40" }).waitTask()
    expect(byFilter).toMatchObject({ status: "succeeded", details: { providedIds: 0, deletedDocuments: 2, originalFilter: '"price < 40"' } })
    expect(fake.documents("products").map((d) => d.id)).toEqual([4])

    const notFilterable = await index.deleteDocuments({ filter: "title = x" }).waitTask()
    expect(notFilterable.status).toBe("failed")
    expect(notFilterable.error).toMatchObject({
      code: "invalid_document_filter",
      message: expect.stringMatching(/^Index `products`: Attribute `title` is not filterable\./),
    })
    const syntax = await failure(index.deleteDocuments({ filter: "price <" }))
    expect(syntax.response.status).toBe(400)
    expect(syntax.cause.code).toBe("invalid_document_filter")

    expect(await index.deleteAllDocuments().waitTask()).toMatchObject({ details: { deletedDocuments: 1 } })
    expect(fake.documents("products")).toEqual([])
  })

  it("accepts NDJSON and CSV payloads", async () => {
    const index = client.index("raw")
    await index.addDocumentsFromString('{"id":1,"name":"a"}\n{"id":2,"name":"b"}\n', "application/x-ndjson").waitTask()
    await index.addDocumentsFromString("id,name,price:number\n3,c,1.5\n", "text/csv").waitTask()
    expect(fake.documents("raw")).toEqual([
      { id: 1, name: "a" },
      { id: 2, name: "b" },
      { id: "3", name: "c", price: 1.5 },
    ])
  })
})

describe("settings", () => {
  it("returns the documented defaults and applies updates, sub-routes and resets", async () => {
    await client.createIndex("s").waitTask()
    const index = client.index("s")
    const defaults = await index.getSettings()
    expect(defaults).toMatchObject({
      searchableAttributes: ["*"],
      displayedAttributes: ["*"],
      filterableAttributes: [],
      sortableAttributes: [],
      rankingRules: ["words", "typo", "proximity", "attribute", "sort", "exactness"],
      stopWords: [],
      synonyms: {},
      distinctAttribute: null,
      typoTolerance: { enabled: true, minWordSizeForTypos: { oneTypo: 5, twoTypos: 9 }, disableOnWords: [], disableOnAttributes: [] },
      faceting: { maxValuesPerFacet: 100, sortFacetValuesBy: { "*": "alpha" } },
      pagination: { maxTotalHits: 1000 },
    })

    const task = await index.updateSettings({ filterableAttributes: ["brand"], rankingRules: ["words", "sort", "price:asc"] }).waitTask()
    expect(task).toMatchObject({ type: "settingsUpdate", status: "succeeded", details: { filterableAttributes: ["brand"] } })
    await index.updateSortableAttributes(["price", "brand"]).waitTask()
    await index.updateTypoTolerance({ minWordSizeForTypos: { oneTypo: 4 } }).waitTask()
    await index.updateFaceting({ sortFacetValuesBy: { brand: "count" } }).waitTask()
    expect(await index.getSortableAttributes()).toEqual(["brand", "price"])
    expect(await index.getTypoTolerance()).toMatchObject({ minWordSizeForTypos: { oneTypo: 4, twoTypos: 9 } })
    expect(await index.getFaceting()).toEqual({ maxValuesPerFacet: 100, sortFacetValuesBy: { "*": "alpha", brand: "count" } })
    expect(await index.getRankingRules()).toEqual(["words", "sort", "price:asc"])

    await index.resetRankingRules().waitTask()
    expect(fake.settings("s").rankingRules).toEqual(defaults.rankingRules)
    await index.updateSettings({ filterableAttributes: null }).waitTask()
    expect(await index.getFilterableAttributes()).toEqual([])
  })

  it("creates the index on a settings update", async () => {
    await client.index("implicit").updateSettings({ searchableAttributes: ["title"] }).waitTask()
    expect((await client.getIndex("implicit")).uid).toBe("implicit")
  })

  it("rejects malformed settings with 400 invalid_settings_* before enqueuing", async () => {
    const index = client.index("s")
    const rule = await failure(index.updateSettings({ rankingRules: ["words", "popularity"] }))
    expect(rule.response.status).toBe(400)
    expect(rule.cause).toEqual({
      message:
        "Invalid value at `.rankingRules[1]`: `popularity` ranking rule is invalid. Valid ranking rules are words, typo, sort, proximity, attribute, exactness and custom ranking rules.",
      code: "invalid_settings_ranking_rules",
      type: "invalid_request",
      link: "https://docs.meilisearch.com/errors#invalid_settings_ranking_rules",
    })
    const type = await failure(index.updateSettings({ filterableAttributes: "brand" as never }))
    expect(type.cause).toMatchObject({
      code: "invalid_settings_filterable_attributes",
      message: 'Invalid value type at `.filterableAttributes`: expected an array, but found a string: `"brand"`',
    })
    const unknown = await failure(index.updateSettings({ rankingRule: [] } as never))
    expect(unknown.cause.code).toBe("bad_request")
    expect((await client.tasks.getTasks()).total).toBe(0)
  })

  it("fails the settingsUpdate task when minWordSizeForTypos is inconsistent", async () => {
    const task = await client.index("s").updateTypoTolerance({ minWordSizeForTypos: { oneTypo: 8, twoTypos: 3 } }).waitTask()
    expect(task.status).toBe("failed")
    expect(task.error).toMatchObject({ code: "invalid_settings_typo_tolerance" })
  })
})

describe("search", () => {
  it("matches typos and prefixes as the typo tolerance rules say", async () => {
    const index = await seedProducts()
    const ids = async (q: string, options = {}) => (await index.search(q, options)).hits.map((h) => h.id)
    expect(await ids("shirt")).toEqual([1])
    expect(await ids("shrit")).toEqual([1]) // 5 letters: one typo (a transposition)
    expect(await ids("shrt")).toEqual([]) // 4 letters: no typo allowed, and not a prefix of "shirt"
    expect(await ids("xhirt")).toEqual([]) // a typo on the first letter counts as two
    expect(await ids("lether shoos")).toEqual([3]) // "lether" has one typo; "shoos" is the prefix-typo last word
    expect(await ids("sho")).toEqual([3, 4]) // the last word is a prefix
    expect(await ids("sho ")).toEqual([]) // …unless the query ends with a separator
    expect(await ids("denm")).toEqual([]) // prefix search does not forgive a missing letter below 5 letters
    expect(await ids("cottn")).toEqual([6, 1]) // "cotton" is the first word of 6's title (attribute rule)

    await index.updateTypoTolerance({ disableOnWords: ["shrit"] }).waitTask()
    expect(await ids("shrit")).toEqual([])
    await index.updateTypoTolerance({ enabled: false }).waitTask()
    expect(await ids("cottn")).toEqual([])
  })

  it("ranks with the ranking rules: words, typo, proximity, attribute, exactness", async () => {
    const index = client.index("rank")
    await index
      .addDocuments([
        { id: "a", title: "shoes", description: "blue running" },
        { id: "b", title: "blue running shoes", description: "" },
        { id: "c", title: "blue shoes", description: "for running" },
        { id: "d", title: "blue shoos", description: "" },
        { id: "e", title: "running blue", description: "shoes" },
      ])
      .waitTask()
    await index.updateSearchableAttributes(["title", "description"]).waitTask()
    const res = await index.search("blue shoes", { showRankingScore: true })
    // all words without typo, adjacent in title first; then farther apart; then the typo
    expect(res.hits.map((h) => h.id)).toEqual(["c", "b", "a", "e", "d"])
    const scores = res.hits.map((h) => h._rankingScore!)
    expect(scores[0]).toBeLessThanOrEqual(1)
    expect(scores.every((s) => s > 0 && s <= 1)).toBe(true)
    expect([...scores].sort((x, y) => y - x)).toEqual(scores)

    // matchingStrategy last keeps documents matching the first words only; all does not
    const last = await index.search("blue unicorn")
    expect(last.hits.map((h) => h.id).sort()).toEqual(["a", "b", "c", "d", "e"])
    expect((await index.search("blue unicorn", { matchingStrategy: "all" })).hits).toEqual([])
  })

  it("honours stop words, synonyms, phrases and negative words", async () => {
    const index = await seedProducts()
    await index.updateSettings({ stopWords: ["the"], synonyms: { sneakers: ["running shoes"], scarf: ["muffler"], muffler: ["scarf"] } }).waitTask()
    expect((await index.search("the scarf")).hits.map((h) => h.id)).toEqual([5])
    expect((await index.search("muffler")).hits.map((h) => h.id)).toEqual([5])
    expect((await index.search("sneakers")).hits.map((h) => h.id)).toEqual([4])
    expect((await index.search('"shoes blue"')).hits.map((h) => h.id)).toEqual([4])
    expect((await index.search("shoes -leather")).hits.map((h) => h.id)).toEqual([4])
  })

  it("computes facet distribution and numeric facet stats over all matching documents", async () => {
    const index = await seedProducts()
    const res = await index.search("", { facets: ["brand", "tags", "price"] })
    expect(res.facetDistribution).toEqual({
      brand: { Acme: 2, Nordic: 1, Stride: 2 },
      tags: { apparel: 2, footwear: 2, sport: 1, summer: 1 },
      price: { "5": 1, "25": 1, "30": 1, "80": 1, "95.5": 1, "120": 1 },
    })
    expect(res.facetStats).toEqual({ price: { min: 5, max: 120 } })

    const filtered = await index.search("shoes", { facets: ["brand"], filter: "price > 100" })
    expect(filtered.facetDistribution).toEqual({ brand: { Stride: 1 } })

    await index.updateFaceting({ maxValuesPerFacet: 2, sortFacetValuesBy: { tags: "count" } }).waitTask()
    const limited = await index.search("", { facets: ["tags"] })
    expect(limited.facetDistribution).toEqual({ tags: { apparel: 2, footwear: 2 } })

    const e = await failure(index.search("", { facets: ["title"] }))
    expect(e.response.status).toBe(400)
    expect(e.cause).toMatchObject({
      code: "invalid_search_facets",
      message: "Invalid facet distribution: Pattern `title` is not filterable. Available filterable attributes patterns are: `brand, price, stock, tags`.",
    })
  })

  it("sorts by sortable attributes at the position of the sort rule", async () => {
    const index = await seedProducts()
    const ids = async (options: object, q = "") => (await index.search(q, options)).hits.map((h) => h.id)
    expect(await ids({ sort: ["price:asc"] })).toEqual([6, 1, 5, 2, 4, 3])
    expect(await ids({ sort: ["price:desc"] })).toEqual([3, 4, 2, 5, 1, 6])
    // with a query, "words" comes before "sort": documents matching both words first; with the
    // default matchingStrategy (last) documents must at least match the first word ("blue")
    expect(await ids({ sort: ["price:asc"] }, "blue shoes")).toEqual([4, 2])
    expect(await ids({ sort: ["price:desc"] }, "shoes")).toEqual([3, 4])
    expect(await ids({ sort: ["title:asc"], filter: "brand = Acme" })).toEqual([2, 1])

    const e = await failure(index.search("", { sort: ["brand:asc"] }))
    expect(e.cause).toMatchObject({
      code: "invalid_search_sort",
      message: "Index `products`: Attribute `brand` is not sortable. Available sortable attributes are: `price, title`.",
    })
    const syntax = await failure(index.search("", { sort: ["price"] }))
    expect(syntax.cause.message).toBe("Invalid syntax for the sort parameter: expected expression ending by `:asc` or `:desc`, found `price`.")
  })

  it("paginates with offset/limit (estimatedTotalHits) and page/hitsPerPage (totalHits, totalPages)", async () => {
    const index = await seedProducts()
    const windowed = await index.search("", { offset: 2, limit: 2 })
    expect(windowed).toMatchObject({ offset: 2, limit: 2, estimatedTotalHits: 6, query: "", processingTimeMs: expect.any(Number) })
    expect(windowed.hits.map((h) => h.id)).toEqual([3, 4])

    const paged = await index.search("", { page: 2, hitsPerPage: 4 })
    expect(paged).toMatchObject({ page: 2, hitsPerPage: 4, totalHits: 6, totalPages: 2 })
    expect(paged.hits.map((h) => h.id)).toEqual([5, 6])
    expect(paged).not.toHaveProperty("estimatedTotalHits")

    await index.updatePagination({ maxTotalHits: 3 }).waitTask()
    const capped = await index.search("", { limit: 10 })
    expect(capped.hits).toHaveLength(3)
    expect(capped.estimatedTotalHits).toBe(3)
    expect((await index.search("", { hitsPerPage: 2 })).totalPages).toBe(2)
  })

  it("retrieves, highlights and searches on selected attributes; distinct", async () => {
    const index = await seedProducts()
    const res = await index.search("blue sho", {
      attributesToRetrieve: ["id", "title"],
      attributesToHighlight: ["title"],
      highlightPreTag: "[",
      highlightPostTag: "]",
    })
    expect(res.hits[0]).toEqual({
      id: 4,
      title: "Running shoes blue",
      _formatted: { id: "4", title: "Running [sho]es [blue]" },
    })

    await index.updateSearchableAttributes(["title", "brand"]).waitTask()
    expect((await index.search("acme", { attributesToSearchOn: ["brand"] })).hits.map((h) => h.id)).toEqual([1, 2])
    expect((await index.search("acme", { attributesToSearchOn: ["title"] })).hits).toEqual([])
    const e = await failure(index.search("acme", { attributesToSearchOn: ["tags"] }))
    expect(e.cause).toMatchObject({ code: "invalid_search_attributes_to_search_on" })

    const distinct = await index.search("", { distinct: "brand" })
    expect(distinct.hits.map((h) => h.id)).toEqual([1, 3, 5, 6])
  })

  it("answers GET searches from query parameters", async () => {
    const index = await seedProducts()
    const res = await index.searchGet("shoes", { filter: "price >= 100", sort: ["price:desc"], facets: ["brand"] })
    expect(res.hits.map((h) => h.id)).toEqual([3])
    expect(res.facetDistribution).toEqual({ brand: { Stride: 1 } })
  })

  it("returns 404 index_not_found for a missing index and rejects unknown parameters", async () => {
    const e = await failure(client.index("missing").search("x"))
    expect(e.response.status).toBe(404)
    expect(e.cause.code).toBe("index_not_found")
    await seedProducts()
    const unknown = await failure(client.index("products").search("x", { marin: 1 } as never))
    expect(unknown.cause.code).toBe("bad_request")
    const limit = await failure(client.index("products").search("x", { limit: -1 }))
    expect(limit.cause).toMatchObject({
      code: "invalid_search_limit",
      message: "Invalid value type at `.limit`: expected a positive integer, but found a negative integer: `-1`",
    })
  })
})

describe("user-provided vectors (approximation)", () => {
  it("hides _vectors unless retrieveVectors, checks dimensions and merges hybrid results", async () => {
    const index = client.index("vec")
    await index.updateSettings({ embedders: { default: { source: "userProvided", dimensions: 2 } } }).waitTask()
    await index
      .addDocuments([
        { id: 1, title: "north", _vectors: { default: [0, 1] } },
        { id: 2, title: "east", _vectors: { default: [1, 0] } },
        { id: 3, title: "north east", _vectors: { default: { embeddings: [[0.7, 0.7]], regenerate: false } } },
        { id: 4, title: "nowhere" },
      ])
      .waitTask()
    expect(await index.getDocument(1)).toEqual({ id: 1, title: "north" })
    expect(await index.getDocument(1, { retrieveVectors: true } as never)).toEqual({
      id: 1,
      title: "north",
      _vectors: { default: { embeddings: [[0, 1]], regenerate: false } },
    })

    const semantic = await index.search("", { vector: [1, 0.1], hybrid: { embedder: "default", semanticRatio: 1 }, showRankingScore: true })
    expect(semantic.hits.map((h) => h.id)).toEqual([2, 3, 1])
    expect(semantic.hits[0]).not.toHaveProperty("_vectors")
    expect((semantic as Record<string, unknown>).semanticHitCount).toBe(3)
    // without a vector the fake cannot embed the query: keyword results only
    const keyword = await index.search("north", { hybrid: { embedder: "default", semanticRatio: 0.5 } })
    expect(keyword.hits.map((h) => h.id)).toEqual([1, 3])
    expect((keyword as Record<string, unknown>).semanticHitCount).toBe(0)

    const unknown = await failure(index.search("", { vector: [1, 0], hybrid: { embedder: "nope" } }))
    expect(unknown.cause).toMatchObject({ code: "invalid_search_embedder", message: "Index `vec`: Cannot find embedder with name `nope`." })
    const dims = await failure(index.search("", { vector: [1, 0, 0], hybrid: { embedder: "default" } }))
    expect(dims.cause.code).toBe("invalid_vector_dimensions")
    const noHybrid = await failure(index.search("", { vector: [1, 0] }))
    expect(noHybrid.cause.code).toBe("missing_search_hybrid")
    const badDoc = await index.addDocuments([{ id: 5, _vectors: { default: [1, 2, 3] } }]).waitTask()
    expect(badDoc.error).toMatchObject({ code: "invalid_vector_dimensions" })
  })
})

describe("multi-search", () => {
  it("runs every query and returns the results in order", async () => {
    await seedProducts()
    await client.index("brands").addDocuments([{ id: "acme", name: "Acme" }]).waitTask()
    const res = await client.multiSearch({
      queries: [
        { indexUid: "products", q: "shoes", limit: 1 },
        { indexUid: "brands", q: "acm" },
        { indexUid: "products", q: "", filter: "brand = Acme", page: 1, hitsPerPage: 1 },
      ],
    })
    expect(res.results.map((r) => r.indexUid)).toEqual(["products", "brands", "products"])
    expect(res.results[0]).toMatchObject({ limit: 1, estimatedTotalHits: 2 })
    expect(res.results[1].hits).toEqual([{ id: "acme", name: "Acme" }])
    expect(res.results[2]).toMatchObject({ totalHits: 2, totalPages: 2 })
  })

  it("fails the whole request when one query fails", async () => {
    await seedProducts()
    const e = await failure(
      client.multiSearch({
        queries: [
          { indexUid: "products", q: "shoes" },
          { indexUid: "products", filter: "title = shoes" },
        ],
      })
    )
    expect(e.response.status).toBe(400)
    expect(e.cause.code).toBe("invalid_search_filter")
    expect(e.cause.message).toMatch(/^Inside `\.queries\[1\]`: Index `products`: Attribute `title` is not filterable/)

    const missing = await failure(client.multiSearch({ queries: [{ indexUid: "nope", q: "x" }] }))
    expect(missing.response.status).toBe(404)
    expect(missing.cause.message).toBe("Inside `.queries[0]`: Index `nope` not found.")
  })
})

describe("test controls", () => {
  it("reset() drops indexes, tasks and requests", async () => {
    await seedProducts()
    fake.reset()
    expect(fake.requests).toEqual([])
    expect((await client.getIndexes()).total).toBe(0)
    expect((await client.tasks.getTasks()).total).toBe(0)
    expect(fake.documents("products")).toEqual([])
    const next = await client.index("fresh").addDocuments([{ id: 1 }])
    expect(next.taskUid).toBe(0)
  })
})
