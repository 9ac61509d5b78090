/** The scratch database: created from scratch, the module's tables made by its own migrations, and a `pg` RunSql. */
import fs from "node:fs"
import path from "node:path"
import pg from "pg"
import type { RunSql } from "../../src/modules/recommendation/engine"

export const DEFAULT_DATABASE_URL = "postgres://postgres@127.0.0.1:5432/emporium_rec_eval"
const MIGRATIONS_DIR = path.join(__dirname, "../../src/modules/recommendation/migrations")

/** Drops and creates the database of `url` (connecting to the server's `postgres` database to do it). */
export async function recreateDatabase(url: string): Promise<void> {
  const target = new URL(url)
  const name = decodeURIComponent(target.pathname.slice(1))
  if (!/^[A-Za-z0-9_]+$/.test(name)) throw new Error(`refusing to drop database "${name}": unexpected name`)
  const admin = new URL(url)
  admin.pathname = "/postgres"
  const client = new pg.Client({ connectionString: admin.toString() })
  await client.connect()
  try {
    await client.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`)
    await client.query(`CREATE DATABASE "${name}"`)
  } finally {
    await client.end()
  }
}

/**
 * The SQL of every migration of the module, in file-name order: each migration class is
 * instantiated with a stub driver and its `up()` run with `addSql` collecting the statements
 * (no hand-copied DDL). Returns [migration name, statements] pairs.
 */
export async function migrationStatements(): Promise<[string, string[]][]> {
  const files = fs
    .readdirSync(MIGRATIONS_DIR)
    .filter((f) => /^Migration\d+\.(ts|js)$/.test(f))
    .sort()
  const out: [string, string[]][] = []
  for (const file of files) {
    // eslint-disable-next-line @typescript-eslint/no-var-requires
    const mod = require(path.join(MIGRATIONS_DIR, file)) as Record<string, unknown>
    for (const [name, value] of Object.entries(mod)) {
      if (typeof value !== "function" || typeof (value as { prototype?: { up?: unknown } }).prototype?.up !== "function") continue
      const statements: string[] = []
      const Ctor = value as new (driver: unknown, config: unknown) => { up(): Promise<void> | void; addSql(sql: unknown): void }
      const migration = new Ctor(undefined, undefined)
      migration.addSql = (sql: unknown) => {
        if (typeof sql !== "string") throw new Error(`${name}: addSql with a query builder is not supported here`)
        statements.push(sql)
      }
      await migration.up()
      out.push([name, statements])
    }
  }
  if (!out.length) throw new Error(`no migrations found in ${MIGRATIONS_DIR}`)
  return out
}

/**
 * `?` placeholders to `$1..$n`. Skips quoted strings, quoted identifiers, comments and
 * dollar-quoted bodies, so a `?` there is left alone (the module's SQL has none).
 */
export function toPositional(sql: string): { text: string; count: number } {
  let out = ""
  let n = 0
  let i = 0
  while (i < sql.length) {
    const c = sql[i]
    const skipTo = (endIndex: number) => {
      const stop = endIndex < 0 ? sql.length : endIndex
      out += sql.slice(i, stop)
      i = stop
    }
    if (c === "'" || c === '"') {
      let j = i + 1
      while (j < sql.length) {
        if (sql[j] === c && sql[j + 1] === c) j += 2
        else if (sql[j] === c) break
        else j++
      }
      skipTo(j + 1)
    } else if (c === "-" && sql[i + 1] === "-") {
      const eol = sql.indexOf("\n", i)
      skipTo(eol < 0 ? -1 : eol)
    } else if (c === "/" && sql[i + 1] === "*") {
      const close = sql.indexOf("*/", i + 2)
      skipTo(close < 0 ? -1 : close + 2)
    } else if (c === "$" && /^\$[A-Za-z_]*\$/.test(sql.slice(i, i + 64))) {
      const tag = sql.slice(i, i + 64).match(/^\$[A-Za-z_]*\$/)![0]
      const close = sql.indexOf(tag, i + tag.length)
      skipTo(close < 0 ? -1 : close + tag.length)
    } else if (c === "?") {
      out += `$${++n}`
      i++
    } else {
      out += c
      i++
    }
  }
  return { text: out, count: n }
}

export type QueryLog = { statements: number; ms: number }

/** A RunSql over one `pg` client; converted statements are cached by their text. */
export function pgRunSql(client: pg.ClientBase, log?: QueryLog): RunSql {
  const cache = new Map<string, { text: string; count: number }>()
  return async <T>(sql: string, params: unknown[]): Promise<T[]> => {
    let converted = cache.get(sql)
    if (!converted) {
      converted = toPositional(sql)
      cache.set(sql, converted)
    }
    if (converted.count !== params.length) {
      throw new Error(`statement has ${converted.count} placeholders but ${params.length} parameters: ${sql.slice(0, 120)}…`)
    }
    const t = performance.now()
    const result = await client.query({ text: converted.text, values: params as unknown[] })
    if (log) {
      log.statements++
      log.ms += performance.now() - t
    }
    return result.rows as T[]
  }
}

export async function connect(url: string): Promise<pg.Client> {
  const client = new pg.Client({ connectionString: url, application_name: "recommendations-eval" })
  await client.connect()
  return client
}
