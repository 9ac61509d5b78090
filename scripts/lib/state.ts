import fs from "fs"
import path from "path"
import { Client } from "pg"

/** What the start script remembers between runs, in `<data dir>/state.json`. */
type State = { migrated?: Record<string, { build: string; migrations: number }> }

function stateFile(dir: string) {
  return path.join(dir, "state.json")
}

export function readState(dir: string): State {
  const file = stateFile(dir)
  return fs.existsSync(file) ? JSON.parse(fs.readFileSync(file, "utf8")) : {}
}

export function writeState(dir: string, state: State): void {
  fs.mkdirSync(dir, { recursive: true })
  fs.writeFileSync(stateFile(dir), JSON.stringify(state, null, 2))
}

/** A database's identity without its password, as a key in the state file. */
export function databaseKey(url: string): string {
  const u = new URL(url)
  u.password = ""
  return u.toString()
}

export type DatabaseFacts = {
  appliedMigrations: number
  products: number
  adminExists: boolean
  publishableKey: string | null
}

/** Reads what the start script needs to know about a database, in one connection. */
export async function inspectDatabase(url: string, adminEmail: string): Promise<DatabaseFacts> {
  const client = new Client({ connectionString: url, connectionTimeoutMillis: 5000 })
  await client.connect()
  try {
    const tables = await client.query<{ name: string }>(
      `SELECT table_name AS name FROM information_schema.tables
        WHERE table_schema = current_schema() AND table_name = ANY($1)`,
      [["mikro_orm_migrations", "product", "user", "api_key"]]
    )
    const has = new Set(tables.rows.map((r) => r.name))
    const count = async (sql: string, params: unknown[] = []) =>
      Number((await client.query<{ n: string }>(sql, params)).rows[0].n)

    const facts: DatabaseFacts = {
      appliedMigrations: has.has("mikro_orm_migrations")
        ? await count("SELECT count(*) AS n FROM mikro_orm_migrations")
        : 0,
      products: has.has("product")
        ? await count("SELECT count(*) AS n FROM product WHERE deleted_at IS NULL")
        : 0,
      adminExists: has.has("user")
        ? (await count(`SELECT count(*) AS n FROM "user" WHERE email = $1 AND deleted_at IS NULL`, [
            adminEmail,
          ])) > 0
        : false,
      publishableKey: null,
    }
    if (has.has("api_key")) {
      const key = await client.query<{ token: string }>(
        `SELECT token FROM api_key
          WHERE type = 'publishable' AND revoked_at IS NULL AND deleted_at IS NULL
          ORDER BY created_at ASC LIMIT 1`
      )
      facts.publishableKey = key.rows[0]?.token ?? null
    }
    return facts
  } finally {
    await client.end()
  }
}
