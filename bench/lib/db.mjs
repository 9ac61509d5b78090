// Direct SQL on the bench database, for scenarios that must check what the server stored.
import { createRequire } from "node:module"

const require = createRequire(import.meta.url)
const pg = require("pg")

/** Runs fn(client) on a fresh connection to url and closes it afterwards. */
export async function withDb(url, fn) {
  const client = new pg.Client({ connectionString: url, connectionTimeoutMillis: 5000 })
  await client.connect()
  try {
    return await fn(client)
  } finally {
    await client.end().catch(() => undefined)
  }
}
