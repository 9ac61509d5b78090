import { spawn, spawnSync, type ChildProcess } from "child_process"
import crypto from "crypto"
import fs from "fs"
import net from "net"
import os from "os"
import path from "path"
import { Client } from "pg"

const ROOT = path.resolve(__dirname, "..", "..")
const rootPackage = JSON.parse(fs.readFileSync(path.join(ROOT, "package.json"), "utf8"))

/** The versions a Medusa 2.21 app pins, taken from Emporium's own package.json so they never drift. */
const APP_DEPENDENCIES = [
  "@medusajs/medusa",
  "@medusajs/framework",
  "@medusajs/cli",
  "@medusajs/admin-sdk",
  "@medusajs/ui",
  "@mikro-orm/core",
  "@mikro-orm/knex",
  "@mikro-orm/migrations",
  "@mikro-orm/postgresql",
  "awilix",
  "pg",
  "react",
  "react-dom",
]

function run(command: string, args: string[], cwd: string, env: NodeJS.ProcessEnv = process.env): string {
  const result = spawnSync(command, args, { cwd, env, encoding: "utf8", maxBuffer: 64 * 1024 * 1024 })
  if (result.status !== 0) {
    throw new Error(`${command} ${args.join(" ")} failed in ${cwd} (exit ${result.status}):\n${result.stdout}\n${result.stderr}`.slice(-6000))
  }
  return result.stdout
}

/**
 * `run` without blocking this process: what the app calls during migrations may be served by
 * this very process (a protocol fake started by the test), which spawnSync would starve.
 */
function runAsync(command: string, args: string[], cwd: string, env: NodeJS.ProcessEnv): Promise<string> {
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, { cwd, env, stdio: ["ignore", "pipe", "pipe"] })
    let out = ""
    child.stdout?.on("data", (d) => (out += d))
    child.stderr?.on("data", (d) => (out += d))
    child.on("error", reject)
    child.on("exit", (code) =>
      code === 0 ? resolve(out) : reject(new Error(`${command} ${args.join(" ")} failed in ${cwd} (exit ${code}):\n${out}`.slice(-6000)))
    )
  })
}

/**
 * The medusa-config.js `projectConfig` and `admin` entries of every clean app, as source text to
 * put into its `defineConfig({ … })`: the database from DATABASE_URL, fixed secrets, no admin.
 */
export const CLEAN_APP_PROJECT_CONFIG = `projectConfig: {
    databaseUrl: process.env.DATABASE_URL,
    http: {
      jwtSecret: "clean-app-jwt-secret-0123456789",
      cookieSecret: "clean-app-cookie-secret-0123456789",
      storeCors: "http://localhost:8000",
      adminCors: "http://localhost:9000",
      authCors: "http://localhost:9000",
    },
  },
  admin: { disable: true },`

/** `npm pack` of a built plugin: the tarball a developer would get from npm. */
export function packPlugin(pluginDir: string, into: string): string {
  const out = run("npm", ["pack", "--json", "--pack-destination", into], pluginDir)
  const [{ filename }] = JSON.parse(out) as { filename: string }[]
  return path.join(into, filename)
}

export function tarballFiles(tarball: string): string[] {
  return run("tar", ["-tzf", tarball], path.dirname(tarball)).trim().split("\n")
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = net.createServer()
    server.once("error", reject)
    server.listen(0, "127.0.0.1", () => {
      const { port } = server.address() as net.AddressInfo
      server.close(() => resolve(port))
    })
  })
}

/** A database on the PostgreSQL the tests use (DB_HOST, DB_PORT, DB_USERNAME, DB_PASSWORD, as scripts/test.js sets them). */
function testDatabaseUrl(database: string): string {
  const password = process.env.DB_PASSWORD ? `:${encodeURIComponent(process.env.DB_PASSWORD)}` : ""
  return `postgres://${process.env.DB_USERNAME || "postgres"}${password}@${process.env.DB_HOST || "localhost"}:${process.env.DB_PORT || 5432}/${database}`
}

/** One statement on the server's maintenance database (creating and dropping the app's own). */
async function onServer(sql: string): Promise<void> {
  const client = new Client({ connectionString: testDatabaseUrl("postgres") })
  await client.connect()
  try {
    await client.query(sql)
  } finally {
    await client.end()
  }
}

export type CleanApp = { dir: string; url: string; databaseUrl: string; logs: () => string; stop: () => Promise<void> }

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms))

/**
 * A plain Medusa 2.21 app's `node_modules` (and lockfile), installed from the registry once per
 * set of versions and kept in the temporary folder like npm's own cache. Each clean app starts
 * from a hard-linked copy of it and then `npm install`s its plugin tarball, as a developer adds a
 * plugin to an app that already has Medusa: ~5 s instead of a 50 s install (70 s of CPU) per app.
 * Spec files run side by side, so one installs while the others wait for its `.complete` mark.
 */
async function medusaBaseInstall(dependencies: Record<string, string>): Promise<string> {
  const key = crypto.createHash("sha256").update(JSON.stringify(dependencies)).digest("hex").slice(0, 12)
  const dir = path.join(os.tmpdir(), `emporium-medusa-base-${key}`)
  const complete = path.join(dir, ".complete")
  const lock = `${dir}.lock`
  for (const deadline = Date.now() + 10 * 60_000; !fs.existsSync(complete); await sleep(1000)) {
    try {
      fs.mkdirSync(lock)
    } catch {
      // Another spec file is installing; a lock older than the deadline was left by a killed run.
      const held = fs.statSync(lock, { throwIfNoEntry: false })
      if (held && Date.now() - held.mtimeMs > 10 * 60_000) fs.rmSync(lock, { recursive: true, force: true })
      if (Date.now() > deadline) throw new Error(`gave up waiting for ${dir} (lock ${lock})`)
      continue
    }
    try {
      fs.rmSync(dir, { recursive: true, force: true })
      fs.mkdirSync(dir)
      fs.writeFileSync(path.join(dir, "package.json"), JSON.stringify({ name: "medusa-base", private: true, dependencies }, null, 2))
      await runAsync("npm", ["install", "--prefer-offline", "--no-audit", "--no-fund", "--loglevel=error"], dir, process.env)
      fs.writeFileSync(complete, new Date().toISOString())
    } finally {
      fs.rmSync(lock, { recursive: true, force: true })
    }
  }
  return dir
}

/**
 * A new Medusa 2.21 app in a temporary folder, made as a developer would: its own package.json
 * with the plugin's tarball as a dependency, `npm install` (on top of a plain Medusa install, see
 * `medusaBaseInstall`), `medusa db:migrate` on a new database, `medusa start`. `configJs` is the body of its
 * medusa-config.js; DATABASE_URL and PORT are in its environment. `files` are the app's own
 * sources (path relative to the app → contents), e.g. a search index definition under src/search.
 */
export async function startCleanApp(
  tarballs: Record<string, string>,
  configJs: string,
  files: Record<string, string> = {},
  admin?: { email: string; password: string }
): Promise<CleanApp> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "emporium-clean-app-"))
  const dependencies: Record<string, string> = {}
  for (const name of APP_DEPENDENCIES) dependencies[name] = rootPackage.dependencies[name]
  const base = await medusaBaseInstall({ ...dependencies })
  // Hard links: the same folder tree without copying its bytes. npm replaces package files by
  // renaming new ones into place, but rewrites its hidden lockfile in place: that one is copied.
  run("cp", ["-al", path.join(base, "node_modules"), path.join(dir, "node_modules")], dir)
  const hiddenLockfile = path.join(dir, "node_modules", ".package-lock.json")
  fs.rmSync(hiddenLockfile)
  fs.copyFileSync(path.join(base, "node_modules", ".package-lock.json"), hiddenLockfile)
  fs.copyFileSync(path.join(base, "package-lock.json"), path.join(dir, "package-lock.json"))
  for (const [name, tarball] of Object.entries(tarballs)) dependencies[name] = `file:${tarball}`
  fs.writeFileSync(path.join(dir, "package.json"), JSON.stringify({ name: "clean-medusa-app", private: true, dependencies }, null, 2))
  fs.writeFileSync(path.join(dir, "medusa-config.js"), configJs)
  for (const [file, contents] of Object.entries(files)) {
    fs.mkdirSync(path.dirname(path.join(dir, file)), { recursive: true })
    fs.writeFileSync(path.join(dir, file), contents)
  }
  run("npm", ["install", "--prefer-offline", "--no-audit", "--no-fund", "--loglevel=error"], dir)

  const database = `clean_app_${Date.now()}_${Math.floor(Math.random() * 1e6)}`
  await onServer(`CREATE DATABASE "${database}"`)
  const databaseUrl = testDatabaseUrl(database)

  const port = await freePort()
  const env: NodeJS.ProcessEnv = { ...process.env, DATABASE_URL: databaseUrl, PORT: String(port), NODE_ENV: "production", MEDUSA_DISABLE_TELEMETRY: "true" }
  delete env.NODE_OPTIONS
  delete env.TEST_TYPE
  const cli = path.join(dir, "node_modules", "@medusajs", "cli", "cli.js")
  await runAsync(process.execPath, [cli, "db:migrate"], dir, env)
  if (admin) await runAsync(process.execPath, [cli, "user", "-e", admin.email, "-p", admin.password], dir, env)

  let output = ""
  const server: ChildProcess = spawn(process.execPath, [cli, "start"], { cwd: dir, env, stdio: ["ignore", "pipe", "pipe"] })
  server.stdout?.on("data", (d) => (output += d))
  server.stderr?.on("data", (d) => (output += d))
  const url = `http://127.0.0.1:${port}`
  const deadline = Date.now() + 120_000
  for (;;) {
    if (server.exitCode !== null) throw new Error(`medusa start exited (${server.exitCode}):\n${output.slice(-4000)}`)
    const healthy = await fetch(`${url}/health`).then((r) => r.ok, () => false)
    if (healthy) break
    if (Date.now() > deadline) throw new Error(`medusa start did not answer /health in 120 s:\n${output.slice(-4000)}`)
    await new Promise((r) => setTimeout(r, 500))
  }

  return {
    dir,
    url,
    databaseUrl,
    logs: () => output,
    stop: async () => {
      if (server.exitCode === null) {
        server.kill("SIGTERM")
        await new Promise((r) => server.once("exit", r))
      }
      await onServer(`DROP DATABASE IF EXISTS "${database}" WITH (FORCE)`)
      fs.rmSync(dir, { recursive: true, force: true })
    },
  }
}
