/**
 * `npm start`: one command from a fresh clone to a running engine with a demo store.
 *
 * Ensures a database (embedded PostgreSQL unless DATABASE_URL is set), builds the app
 * when its sources changed, migrates when the build or the database changed, seeds the
 * demo store and the admin user on first run, then serves API and dashboard with
 * `medusa start` in production mode. Ctrl-C stops the server and the embedded database.
 */
import { spawn, type ChildProcess } from "child_process"
import fs from "fs"
import net from "net"
import os from "os"
import path from "path"
import { loadEnv } from "@medusajs/framework/utils"
import {
  ConfigurationError,
  DEFAULT_ADMIN_EMAIL,
  backendUrl,
  dataDir,
  readEnv,
  type Env,
} from "../src/config/env"
import { readStoredSecrets, resolveSecrets, storedSecret } from "../src/config/secrets"
import {
  ensureDatabase,
  planDatabase,
  startEmbeddedPostgres,
  type EmbeddedHandle,
} from "./lib/database"
import { buildFingerprint } from "./lib/fingerprint"
import { databaseKey, inspectDatabase, readState, writeState } from "./lib/state"
import { processPlan } from "./lib/processes"
import { describeServices } from "./lib/services"

const ROOT = path.resolve(__dirname, "..")
const SERVER_DIR = path.join(ROOT, ".medusa", "server")
const BUILD_STAMP = path.join(SERVER_DIR, ".emporium-build")
const MEDUSA_CLI = require.resolve("@medusajs/cli/cli.js")
const DEV_MODE = process.argv.includes("--dev")
/** `npm run build`: the plugins and the app, when stale, then exit (no database, no server). */
const BUILD_ONLY = process.argv.includes("--build-only")

let embedded: EmbeddedHandle | undefined
/** Medusa processes this script started and has not seen exit (a build, migrations, the servers). */
const running = new Set<ChildProcess>()
let stopping = false

const say = (line: string) => console.log(`[emporium] ${line}`)

function runMedusa(args: string[], cwd: string, env: NodeJS.ProcessEnv): Promise<void> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [MEDUSA_CLI, ...args], { cwd, env, stdio: "inherit" })
    running.add(child)
    child.on("exit", (code, signal) => {
      running.delete(child)
      if (code === 0) resolve()
      else reject(new Error(`medusa ${args[0]} ended with ${signal ?? `exit code ${code}`}`))
    })
  })
}

function assertPortFree(port: number): Promise<void> {
  return new Promise((resolve, reject) => {
    const probe = net.createServer()
    probe.once("error", (error: NodeJS.ErrnoException) =>
      reject(
        new ConfigurationError(
          error.code === "EADDRINUSE"
            ? `Port ${port} is already in use: stop what uses it or set PORT to another port.`
            : `Cannot listen on port ${port}: ${error.message}.`
        )
      )
    )
    probe.listen(port, () => probe.close(() => resolve()))
  })
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = net.createServer()
    probe.once("error", reject)
    probe.listen(0, "127.0.0.1", () => {
      const { port } = probe.address() as net.AddressInfo
      probe.close(() => resolve(port))
    })
  })
}

async function waitForHealth(url: string, child: ChildProcess): Promise<void> {
  for (;;) {
    if (child.exitCode !== null) throw new Error("the server stopped while starting")
    try {
      const res = await fetch(`${url}/health`)
      if (res.ok) return
    } catch {
      // not listening yet
    }
    await new Promise((r) => setTimeout(r, 500))
  }
}

async function buildIfStale(env: NodeJS.ProcessEnv): Promise<string> {
  const fingerprint = buildFingerprint(ROOT)
  const built = fs.existsSync(BUILD_STAMP) ? fs.readFileSync(BUILD_STAMP, "utf8").trim() : ""
  if (built === fingerprint) {
    say("build is current: skipping `medusa build`")
    return fingerprint
  }
  say("building the engine and admin dashboard (first start or changed sources, ~1 min)…")
  await runMedusa(["build"], ROOT, env)
  fs.writeFileSync(BUILD_STAMP, fingerprint)
  return fingerprint
}

/**
 * The plugins, then (outside dev mode) the app, each when stale; returns the app build's
 * fingerprint ("dev" in dev mode). The app loads its plugins (notifications always; Stripe,
 * Meilisearch when configured) from their builds, as it would from npm, and its admin bundle
 * takes in their admin pages.
 */
async function buildStale(env: Env, buildEnv: NodeJS.ProcessEnv): Promise<string> {
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  if (!env.EMPORIUM_VANILLA) require("./lib/build-plugins").buildPluginsIfStale(say)
  return DEV_MODE ? "dev" : buildIfStale(buildEnv)
}

function banner(env: Env, info: { adminEmail: string; adminPassword?: string; key: string | null; services: string[] }) {
  const url = backendUrl(env)
  const lines = [
    "",
    "  Emporium is running",
    `  Store API       ${url}/store`,
    `  Admin dashboard ${url}/app`,
    `  Admin login     ${info.adminEmail} / ${info.adminPassword ?? "(password chosen when this user was created)"}`,
    `  Publishable key ${info.key ?? "(none found: create one in the dashboard)"}`,
    "  Services:",
    ...info.services.map((s) => `    - ${s}`),
    "  Ctrl-C stops everything.",
    "",
  ]
  console.log(lines.join("\n"))
}

async function main() {
  loadEnv(process.env.NODE_ENV || "development", ROOT)
  const env = readEnv()
  const dir = dataDir(env, ROOT)
  fs.mkdirSync(dir, { recursive: true })

  if (BUILD_ONLY) {
    await buildStale(env, { ...process.env, NODE_ENV: "production", MEDUSA_DISABLE_TELEMETRY: "true", EMPORIUM_DATA_DIR: dir })
    return
  }

  await assertPortFree(env.PORT)

  const plan = planDatabase(env, dir)
  if (plan.kind === "embedded") {
    say(`starting ${plan.description}`)
    embedded = await startEmbeddedPostgres(plan, say)
  } else {
    say(`using ${plan.description}`)
    await ensureDatabase(plan.url)
  }

  const secrets = resolveSecrets(env, dir)
  const adminEmail = env.ADMIN_EMAIL ?? DEFAULT_ADMIN_EMAIL
  const childEnv: NodeJS.ProcessEnv = {
    ...process.env,
    NODE_ENV: DEV_MODE ? "development" : "production",
    MEDUSA_DISABLE_TELEMETRY: "true",
    // One line per HTTP request ("http" level) drowns the banner and costs throughput.
    LOG_LEVEL: process.env.LOG_LEVEL ?? "info",
    PORT: String(env.PORT),
    DATABASE_URL: plan.url,
    JWT_SECRET: secrets.jwtSecret,
    COOKIE_SECRET: secrets.cookieSecret,
    EMPORIUM_DATA_DIR: dir,
  }

  const appDir = DEV_MODE ? ROOT : SERVER_DIR
  const build = await buildStale(env, childEnv)

  const state = readState(dir)
  const key = databaseKey(plan.url)
  let facts = await inspectDatabase(plan.url, adminEmail)
  const last = state.migrated?.[key]
  if (last && last.build === build && last.migrations === facts.appliedMigrations && facts.appliedMigrations > 0) {
    say("database schema is current: skipping migrations")
  } else {
    say("migrating the database…")
    await runMedusa(["db:migrate"], appDir, childEnv)
    facts = await inspectDatabase(plan.url, adminEmail)
    state.migrated = { ...state.migrated, [key]: { build, migrations: facts.appliedMigrations } }
    writeState(dir, state)
  }

  const seeding = facts.products === 0
  if (seeding) {
    say("seeding the demo store (first run)…")
    // EMPORIUM_SEEDING: the seed process leaves the search index alone (src/search/product.ts).
    await runMedusa(["exec", "./src/scripts/seed" + (DEV_MODE ? ".ts" : ".js")], appDir, { ...childEnv, EMPORIUM_SEEDING: "true" })
  }

  let adminPassword: string | undefined = env.ADMIN_PASSWORD
  const creatingAdmin = !facts.adminExists
  if (creatingAdmin) {
    adminPassword = adminPassword ?? storedSecret(dir, "adminPassword")
    say(`creating the admin user ${adminEmail}`)
    // `--x=value` form: a password may start with "-", which the CLI would read as a flag.
    await runMedusa(["user", `--email=${adminEmail}`, `--password=${adminPassword}`], appDir, childEnv)
  } else {
    adminPassword = adminPassword ?? readStoredSecrets(dir).adminPassword
  }
  // Only what this start wrote can have changed (the seed makes the publishable key).
  if (seeding || creatingAdmin) {
    facts = await inspectDatabase(plan.url, adminEmail)
    if (!facts.adminExists) {
      throw new Error(`\`medusa user\` did not create the admin user ${adminEmail}`)
    }
  }

  const processes = processPlan(env, os.cpus().length, DEV_MODE)
  say(DEV_MODE ? "starting `medusa develop`…" : `starting the server (${processes.description})…`)
  const launch = (args: string[], extraEnv: NodeJS.ProcessEnv) => {
    const child = spawn(process.execPath, [MEDUSA_CLI, ...args], {
      cwd: appDir,
      env: { ...childEnv, ...extraEnv },
      stdio: "inherit",
      // Its own process group: shutdown signals the cluster's workers too, not only its primary
      // (Medusa's primary waits for them and does not forward signals).
      detached: true,
    })
    running.add(child)
    child.on("exit", (code, signal) => {
      running.delete(child)
      if (!stopping) {
        console.error(`[emporium] a server process stopped (${signal ?? `exit code ${code}`})`)
        void shutdown(code ?? 1)
      }
    })
    return child
  }
  const server = launch([DEV_MODE ? "develop" : "start", ...processes.args], processes.backgroundWorker ? { MEDUSA_WORKER_MODE: "server" } : {})
  if (processes.backgroundWorker) {
    // Its HTTP listener only answers /health, on loopback and a port of its own.
    const workerPort = await freePort()
    const worker = launch(["start", "--host", "127.0.0.1", "--port", String(workerPort)], { MEDUSA_WORKER_MODE: "worker", PORT: String(workerPort) })
    await waitForHealth(`http://127.0.0.1:${workerPort}`, worker)
  }
  await waitForHealth(`http://127.0.0.1:${env.PORT}`, server)
  banner(env, {
    adminEmail,
    adminPassword,
    key: facts.publishableKey,
    services: [...describeServices(env, plan.description), processes.description],
  })
}

async function shutdown(code: number) {
  if (stopping) return
  stopping = true
  await Promise.all(
    [...running].filter((child) => child.exitCode === null).map(async (child) => {
      const exited = new Promise((r) => child.once("exit", r))
      const signalGroup = (signal: NodeJS.Signals) => {
        try {
          process.kill(-child.pid!, signal)
        } catch {
          child.kill(signal)
        }
      }
      signalGroup("SIGTERM")
      const timer = setTimeout(() => signalGroup("SIGKILL"), 10_000)
      await exited
      clearTimeout(timer)
    })
  )
  if (embedded) {
    say("stopping the embedded PostgreSQL")
    await embedded.stop().catch(() => undefined)
  }
  process.exit(code)
}

process.on("SIGINT", () => void shutdown(130))
process.on("SIGTERM", () => void shutdown(143))
process.on("SIGHUP", () => void shutdown(129))

// `npm start` runs this script through `sh -c`. A supervisor that signals npm's pid alone (not
// its process group) ends npm and the shell, never this process: the server and the embedded
// PostgreSQL would live on as orphans. Losing the parent therefore counts as being stopped.
const parentAtStart = process.ppid
setInterval(() => {
  if (process.ppid !== parentAtStart) {
    void shutdown(143)
  }
}, 1000).unref()

main().catch(async (error) => {
  if (error instanceof ConfigurationError) {
    console.error(`\n[emporium] ${error.message}\n`)
  } else {
    console.error(`\n[emporium] start failed: ${(error as Error).message}\n`)
  }
  await shutdown(1)
})
