/**
 * A protocol-level fake of Meilisearch's HTTP API (v1.x), written from Meilisearch's public API
 * reference — it is not Meilisearch. See README.md.
 *
 *   const fake = await startMeilisearchFake({ masterKey: "masterKey" })
 *   const client = new Meilisearch({ host: fake.url, apiKey: fake.masterKey })
 */
import http from "http"
import { AddressInfo } from "net"
import { createHandler } from "./server"
import { settingsView } from "./settings"
import { FakeState } from "./state"
import type { FakeTaskError, MeilisearchFake, MeilisearchFakeOptions, RecordedRequest } from "./types"
import { clone } from "./validate"

export type { FakeTaskError, MeilisearchFake, MeilisearchFakeOptions, RecordedRequest } from "./types"

export async function startMeilisearchFake(options: MeilisearchFakeOptions = {}): Promise<MeilisearchFake> {
  const state = new FakeState(options.masterKey)
  const requests: RecordedRequest[] = []
  const server = http.createServer(createHandler(state, requests))
  const host = options.host ?? "127.0.0.1"
  await new Promise<void>((resolve, reject) => {
    server.once("error", reject)
    server.listen(options.port ?? 0, host, () => resolve())
  })
  const port = (server.address() as AddressInfo).port
  const urlHost = host.includes(":") ? `[${host}]` : host

  return {
    url: `http://${urlHost}:${port}`,
    masterKey: options.masterKey,
    requests,
    failNextTask: (match: { type?: string; indexUid?: string }, error?: FakeTaskError) => state.failNextTask(match, error),
    setTaskDelay: (ms: number) => {
      if (!Number.isFinite(ms) || ms < 0) throw new Error(`Meilisearch fake: invalid task delay ${ms}`)
      state.taskDelay = ms
    },
    documents: (indexUid: string) => clone([...(state.indexes.get(indexUid)?.docs.values() ?? [])]),
    settings: (indexUid: string) => {
      const index = state.indexes.get(indexUid)
      if (!index) throw new Error(`Meilisearch fake: no index '${indexUid}'`)
      return settingsView(index.settings)
    },
    reset: () => {
      state.reset()
      requests.length = 0
    },
    close: async () => {
      state.close()
      await new Promise<void>((resolve) => {
        server.close(() => resolve())
        server.closeAllConnections()
      })
    },
  }
}
