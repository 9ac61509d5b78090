#!/usr/bin/env node
/**
 * `npm run bench:flash-sale`: the flash-sale scenario (bench/scenarios/flash-sale.mjs) against
 * vanilla Medusa and Emporium, in every deployment shape that changes the outcome:
 *
 *   memory      one process, in-memory event bus / workflow engine, PostgreSQL locking
 *   redis       one process, Redis event bus / workflow engine / cache / locking
 *   memory-2p   two processes on one database, no Redis (PostgreSQL locking)
 *   redis-2p    two processes on one database and one Redis
 *
 * Servers run one at a time (vanilla and Emporium would otherwise share Redis queues), each
 * setup × server gets --runs bursts on a fresh product. Results replace the "Flash sale"
 * section of BENCHMARKS.md and are kept in bench/results/flash-sale-<date>.json.
 */
import { spawn } from "node:child_process"
import fs from "node:fs"
import path from "node:path"
import { createRequire } from "node:module"
import scenario from "./scenarios/flash-sale.mjs"
import { updateFlashSaleSection } from "./lib/flash-report.mjs"
import { environ } from "./lib/proc.mjs"
import { ROOT, Server, WORK_DIR } from "./lib/servers.mjs"
import { discoverCatalog, storeClient } from "./lib/store.mjs"

const require = createRequire(import.meta.url)
const pg = require("pg")
const MEDUSA_CLI = require.resolve("@medusajs/cli/cli.js", { paths: [ROOT] })

const SETUPS = {
  memory: { label: "1 process, in-memory modules", redis: false, processes: 1 },
  redis: { label: "1 process, Redis modules", redis: true, processes: 1 },
  "memory-2p": { label: "2 processes, no Redis", redis: false, processes: 2 },
  "redis-2p": { label: "2 processes, Redis modules", redis: true, processes: 2 },
}
const PORTS = { emporium: [9200, 9201], vanilla: [9202, 9203] }

const args = process.argv.slice(2)
const option = (name, fallback) => {
  const at = args.findIndex((a) => a === name || a.startsWith(`${name}=`))
  if (at < 0) return fallback
  return args[at].includes("=") ? args[at].split("=")[1] : args[at + 1]
}
const runs = Number(option("--runs", 3))
const setups = String(option("--setups", Object.keys(SETUPS).join(","))).split(",")
const kinds = String(option("--servers", "vanilla,emporium")).split(",")
const write = !args.includes("--no-write")
const resume = option("--resume", null)
const dbUrl = process.env.BENCH_DATABASE_URL || "postgres://postgres@localhost:5432/emporium_bench"
const redisUrl = process.env.BENCH_REDIS_URL || "redis://127.0.0.1:6379"
for (const s of setups) if (!SETUPS[s]) throw new Error(`unknown setup ${s}; known: ${Object.keys(SETUPS).join(", ")}`)

const t0 = Date.now()
const log = (line) => console.log(`[flash ${String(Math.round((Date.now() - t0) / 1000)).padStart(4)}s] ${line}`)
const sleep = (ms) => new Promise((r) => setTimeout(r, ms))

async function freshDatabase() {
  const admin = new URL(dbUrl)
  const name = decodeURIComponent(admin.pathname.slice(1))
  admin.pathname = "/postgres"
  const client = new pg.Client({ connectionString: admin.toString() })
  await client.connect()
  await client.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`)
  await client.query(`CREATE DATABASE "${name}"`)
  await client.end()
}

/** A further `medusa start` of an already running server: same directory and environment, another port. */
async function startSibling(first, port) {
  const env = { ...environ(first.medusaPid), PORT: String(port) }
  const cwd = fs.readlinkSync(`/proc/${first.medusaPid}/cwd`)
  const logFile = fs.createWriteStream(path.join(WORK_DIR, "logs", `${first.kind}-${port}.log`))
  const child = spawn(process.execPath, [MEDUSA_CLI, "start"], { cwd, env, stdio: ["ignore", "pipe", "pipe"] })
  child.stdout.pipe(logFile)
  child.stderr.pipe(logFile)
  const url = `http://127.0.0.1:${port}`
  for (let i = 0; i < 240; i++) {
    if (child.exitCode !== null) throw new Error(`second ${first.name} process exited (log: bench/.work/logs/${first.kind}-${port}.log)`)
    if (await fetch(`${url}/health`).then((r) => r.ok, () => false)) return { url, child }
    await sleep(500)
  }
  child.kill("SIGKILL")
  throw new Error(`second ${first.name} process did not answer /health within 2 min`)
}

function baseEnv(redis) {
  const env = { ...process.env }
  delete env.NODE_ENV
  Object.assign(env, {
    DATABASE_URL: dbUrl,
    EMPORIUM_DATA_DIR: path.join(WORK_DIR, "data"),
    MEDUSA_DISABLE_TELEMETRY: "true",
    REDIS_URL: redis ? redisUrl : "",
    MEDUSA_BACKEND_URL: "",
  })
  for (const k of ["JWT_SECRET", "COOKIE_SECRET", "EMPORIUM_VANILLA"]) delete env[k]
  return env
}

/** Everything started, so Ctrl-C (or a crash) never leaves a server behind on its port. */
const running = new Set()
process.on("SIGINT", async () => {
  log("interrupted: stopping the servers")
  await Promise.all([...running].map((stop) => stop().catch(() => undefined)))
  process.exit(130)
})

async function main() {
  log(`setups ${setups.join(", ")}; servers ${kinds.join(", ")}; ${runs} run(s) each; ${scenario.description}`)
  // --resume <json>: keep the setups and servers that file already has complete, run the rest.
  const results = resume
    ? JSON.parse(fs.readFileSync(path.resolve(ROOT, resume), "utf8"))
    : { date: new Date().toISOString(), runs, carts: Number(process.env.BENCH_FLASH_CARTS || 200), units: Number(process.env.BENCH_FLASH_UNITS || 5), setups: {} }
  if (!resume) await freshDatabase()
  const json = resume
    ? path.resolve(ROOT, resume)
    : path.join(ROOT, "bench", "results", `flash-sale-${results.date.slice(0, 19).replace(/:/g, "-")}Z.json`)
  const save = () => {
    if (!write) return
    results.wallSeconds = (results.wallSecondsBefore ?? 0) + Math.round((Date.now() - t0) / 1000)
    fs.mkdirSync(path.dirname(json), { recursive: true })
    fs.writeFileSync(json, JSON.stringify(results, null, 1) + "\n")
    updateFlashSaleSection(path.join(ROOT, "BENCHMARKS.md"), results, path.relative(ROOT, json))
  }
  results.wallSecondsBefore = results.wallSeconds ?? 0
  const done = (setupName, kind) => (results.setups[setupName]?.servers?.[kind]?.length ?? 0) >= runs
  let seed = 1 + Object.values(results.setups).reduce((n, s) => n + Object.values(s.servers).flat().length, 0)
  for (const setupName of setups) {
    const setup = SETUPS[setupName]
    results.setups[setupName] ??= { label: setup.label, servers: {} }
    if (kinds.every((kind) => done(setupName, kind))) continue
    // Emporium starts first in every setup: start.js builds, migrates and seeds; vanilla reuses its environment.
    let emporiumEnv
    for (const kind of ["emporium", "vanilla"]) {
      const ports = PORTS[kind]
      const env = kind === "emporium" ? { ...baseEnv(setup.redis), PORT: String(ports[0]) } : { ...emporiumEnv, PORT: String(ports[0]), EMPORIUM_VANILLA: "true" }
      const server = new Server({ kind, port: ports[0], env, log })
      const siblings = []
      const stopAll = async () => {
        for (const s of siblings) {
          s.child.kill("SIGINT")
          await new Promise((r) => (s.child.exitCode !== null ? r() : s.child.once("exit", r)))
        }
        await server.stop()
      }
      running.add(stopAll)
      try {
        log(`${setup.label}: starting ${server.name}${setup.processes > 1 ? ` (${setup.processes} processes)` : ""}…`)
        await server.start({ timeoutMs: 30 * 60_000 })
        if (kind === "emporium") {
          emporiumEnv = { ...environ(server.medusaPid) }
          results.publishableKey = server.publishableKey ?? results.publishableKey
        }
        if (!kinds.includes(kind) || done(setupName, kind)) continue
        for (let p = 1; p < setup.processes; p++) siblings.push(await startSibling(server, ports[p]))
        const key = results.publishableKey
        const store = storeClient(server.url, key)
        const catalog = await discoverCatalog(store)
        const outcomes = (results.setups[setupName].servers[kind] ??= [])
        for (let run = outcomes.length + 1; run <= runs; run++) {
          const ctx = { server, store, catalog, seed: seed++, state: {}, urls: [server.url, ...siblings.map((s) => s.url)] }
          await scenario.setup(ctx)
          const out = await scenario.run(ctx)
          const m = Object.fromEntries(out.metrics.map((x) => [x.key, x.value]))
          log(`${setup.label} · ${server.name} run ${run}: ${m.orders} orders, ${m.server_errors}× 5xx, ${m.conflicts}× 409, ${m.client_errors}× 4xx, reserved−orders ${m.reserved_mismatch}, losers p50 ${m.loser_p50} ms, burst ${m.burst_s} s ${JSON.stringify(out.raw.statuses)}`)
          outcomes.push({ run, metrics: m, statuses: out.raw.statuses, samples: out.raw.samples, prepareSeconds: out.raw.prepareSeconds })
          save()
          if (out.raw.statuses["no answer"] && run < runs) {
            // Deadlocked (it stops answering for good): start it afresh for the next run.
            log(`${server.name} stopped answering: restarting it for the next run`)
            for (const s of siblings.splice(0)) {
              s.child.kill("SIGKILL")
            }
            await server.stop()
            await server.start({ timeoutMs: 10 * 60_000 })
            for (let p = 1; p < setup.processes; p++) siblings.push(await startSibling(server, ports[p]))
          }
        }
      } finally {
        await stopAll()
        running.delete(stopAll)
      }
    }
  }
  save()
  if (write) log(`wrote ${path.relative(ROOT, json)} and the flash-sale section of BENCHMARKS.md`)
  log(`done in ${Math.round(results.wallSeconds / 60)} min`)
}

main().catch((error) => {
  console.error(`\n[flash] ${error.stack ?? error}\n`)
  process.exit(1)
})
