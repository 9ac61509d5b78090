import { spawnSync } from "child_process"
import fs from "fs"
import net from "net"
import os from "os"
import path from "path"
import { readEnv } from "../../src/config/env"
import { planDatabase } from "../lib/database"

const tmp = () => fs.mkdtempSync(path.join(os.tmpdir(), "emporium-start-"))
const START = path.resolve(__dirname, "..", "start.js")

/** Runs `npm start`'s script with only the given variables and a throwaway data dir. */
function start(vars: Record<string, string>) {
  const env: NodeJS.ProcessEnv = { PATH: process.env.PATH, HOME: process.env.HOME, EMPORIUM_DATA_DIR: tmp(), ...vars }
  const result = spawnSync(process.execPath, [START], { env, encoding: "utf8", timeout: 60_000 })
  return { code: result.status, output: `${result.stdout}${result.stderr}` }
}

describe("start script: which database", () => {
  it("starts an embedded PostgreSQL under the data dir when DATABASE_URL is absent", () => {
    const dir = tmp()
    const plan = planDatabase(readEnv({ EMBEDDED_PG_PORT: "55001" }), dir)
    expect(plan.kind).toBe("embedded")
    if (plan.kind !== "embedded") return
    expect(plan.directory).toBe(path.join(dir, "postgres"))
    expect(plan.url).toMatch(/^postgres:\/\/postgres:[^@]+@127\.0\.0\.1:55001\/emporium$/)
    // The password is generated once and kept, so a second start opens the same cluster.
    expect(planDatabase(readEnv({ EMBEDDED_PG_PORT: "55001" }), dir).url).toBe(plan.url)
    expect(planDatabase(readEnv({}), tmp()).url).not.toBe(plan.url)
  })

  it("uses DATABASE_URL as given and starts nothing", () => {
    const url = "postgres://shop:pw@db.internal:6543/shop"
    const plan = planDatabase(readEnv({ DATABASE_URL: url }), tmp())
    expect(plan).toEqual({ kind: "external", url, description: "PostgreSQL at db.internal:6543/shop" })
  })
})

describe("start script: bad configuration ends with one clear sentence", () => {
  jest.setTimeout(90_000)

  it("a malformed DATABASE_URL", () => {
    const { code, output } = start({ DATABASE_URL: "mysql://root@localhost/shop" })
    expect(code).toBe(1)
    expect(output).toContain("DATABASE_URL must be a URL starting with postgres:// or postgresql://")
    expect(output).not.toMatch(/\n\s+at /) // no stack trace
  })

  it("an unreachable DATABASE_URL", () => {
    const { code, output } = start({ DATABASE_URL: "postgres://postgres@127.0.0.1:1/shop", PORT: "59123" })
    expect(code).toBe(1)
    expect(output).toContain("Cannot reach the database at 127.0.0.1:1: nothing is listening there (check DATABASE_URL).")
    expect(output).not.toMatch(/\n\s+at /)
  })

  it("a busy PORT", async () => {
    const blocker = net.createServer()
    await new Promise<void>((r) => blocker.listen(0, r))
    const port = (blocker.address() as net.AddressInfo).port
    try {
      const { code, output } = start({ PORT: String(port) })
      expect(code).toBe(1)
      expect(output).toContain(`Port ${port} is already in use: stop what uses it or set PORT to another port.`)
    } finally {
      blocker.close()
    }
  })
})

describe("how many processes npm start runs", () => {
  // Imported here so the earlier suites keep their own imports untouched.
  const { processPlan } = require("../lib/processes") as typeof import("../lib/processes")
  const redis = "redis://127.0.0.1:6379"

  it("runs one process without Redis, whatever the cores: events and cache invalidations would not cross processes", () => {
    expect(processPlan({}, 8, false).args).toEqual([])
    expect(processPlan({ EMPORIUM_PROCESSES: 4 }, 8, false).args).toEqual([])
  })

  it("with Redis runs one per core: shared on two cores, servers plus one background worker from three", () => {
    expect(processPlan({ REDIS_URL: redis }, 2, false).args).toEqual(["--cluster", "2"])
    expect(processPlan({ REDIS_URL: redis }, 2, false).backgroundWorker).toBe(false)
    // Three HTTP servers in Medusa's cluster, and the worker as a process of its own.
    expect(processPlan({ REDIS_URL: redis }, 4, false)).toMatchObject({ args: ["--cluster", "3", "--servers", "3"], backgroundWorker: true })
    expect(processPlan({ REDIS_URL: redis }, 1, false).args).toEqual([])
  })

  it("takes EMPORIUM_PROCESSES, capped at the cores (Medusa refuses more), and never clusters `medusa develop`", () => {
    expect(processPlan({ REDIS_URL: redis, EMPORIUM_PROCESSES: 3 }, 8, false)).toMatchObject({ args: ["--cluster", "2", "--servers", "2"], backgroundWorker: true })
    expect(processPlan({ REDIS_URL: redis, EMPORIUM_PROCESSES: 16 }, 2, false).args).toEqual(["--cluster", "2"])
    expect(processPlan({ REDIS_URL: redis, EMPORIUM_PROCESSES: 1 }, 8, false).args).toEqual([])
    expect(processPlan({ REDIS_URL: redis }, 8, true).args).toEqual([])
  })

  it("splits two processes into an HTTP server and a background worker process with EMPORIUM_DEDICATED_WORKER", () => {
    expect(processPlan({ REDIS_URL: redis, EMPORIUM_DEDICATED_WORKER: true }, 2, false)).toMatchObject({ args: [], backgroundWorker: true })
    expect(processPlan({ REDIS_URL: redis, EMPORIUM_DEDICATED_WORKER: true }, 1, false)).toMatchObject({ args: [], backgroundWorker: false })
  })
})
