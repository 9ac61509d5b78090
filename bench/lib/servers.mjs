// Starting and stopping the two servers the bench compares.
import { spawn } from "node:child_process"
import fs from "node:fs"
import net from "node:net"
import path from "node:path"
import { createRequire } from "node:module"
import { findDescendant, sampleTree } from "./proc.mjs"

const require = createRequire(import.meta.url)

export const ROOT = path.resolve(path.dirname(new URL(import.meta.url).pathname), "../..")
export const WORK_DIR = path.join(ROOT, "bench", ".work")
const MEDUSA_CLI = require.resolve("@medusajs/cli/cli.js", { paths: [ROOT] })

const sleep = (ms) => new Promise((r) => setTimeout(r, ms))

function portFree(port) {
  return new Promise((resolve) => {
    const probe = net.createServer()
    probe.once("error", () => resolve(false))
    probe.listen(port, "0.0.0.0", () => probe.close(() => resolve(true)))
  })
}

const isMedusaStart = (argv) => argv.some((a) => a.endsWith(path.join("@medusajs", "cli", "cli.js"))) && argv.includes("start")

/**
 * One server under test. `emporium` runs `node scripts/start.js` exactly as a user
 * would (build, migrate, seed, admin user, `medusa start` in production mode);
 * `vanilla` runs `medusa start` from bench/vanilla (see bench/vanilla/medusa-config.js).
 */
export class Server {
  constructor({ kind, port, env, log }) {
    this.kind = kind
    this.name = kind === "emporium" ? "Emporium" : "Vanilla"
    this.port = port
    this.url = `http://127.0.0.1:${port}`
    this.env = env
    this.say = log
    this.child = null
    this.output = []
    this.publishableKey = null
    this.exited = null
    this.logFile = path.join(WORK_DIR, "logs", `${kind}.log`)
  }

  async start({ timeoutMs }) {
    if (!(await portFree(this.port))) {
      throw new Error(`${this.name}: port ${this.port} is already in use (a server left over from an earlier run?)`)
    }
    fs.mkdirSync(path.dirname(this.logFile), { recursive: true })
    const logStream = fs.createWriteStream(this.logFile, { flags: "w" })
    const [command, args, cwd] =
      this.kind === "emporium"
        ? [process.execPath, [path.join(ROOT, "scripts", "start.js")], ROOT]
        : [process.execPath, [MEDUSA_CLI, "start"], path.join(ROOT, "bench", "vanilla")]
    const startedAt = Date.now()
    this.child = spawn(command, args, { cwd, env: this.env, stdio: ["ignore", "pipe", "pipe"] })
    this.exited = new Promise((resolve) => this.child.once("exit", (code, signal) => resolve({ code, signal })))
    let pending = ""
    const onData = (chunk) => {
      logStream.write(chunk)
      pending += chunk.toString()
      const lines = pending.split("\n")
      pending = lines.pop()
      for (const line of lines) {
        this.output.push(line)
        if (this.output.length > 400) this.output.shift()
        const key = line.match(/Publishable key\s+(pk_[A-Za-z0-9]+)/)
        if (key) this.publishableKey = key[1]
        // Remembered, not looked up in `output` later: a cluster's workers can print hundreds of
        // lines right after the banner and push it out of the window.
        if (line.includes("Emporium is running")) this.bannerSeen = true
        if (/^\[emporium\] /.test(line)) this.say(`  ${this.name}: ${line.replace(/^\[emporium\] /, "")}`)
      }
    }
    this.child.stdout.on("data", onData)
    this.child.stderr.on("data", onData)
    this.child.once("exit", () => logStream.end())

    // Emporium is ready when its banner is printed (it waits for /health itself);
    // vanilla when /health answers.
    const deadline = startedAt + timeoutMs
    for (;;) {
      if (this.child.exitCode !== null || this.child.signalCode !== null) {
        throw new Error(`${this.name} stopped while starting:\n${this.tail(30)}\n(full log: ${path.relative(ROOT, this.logFile)})`)
      }
      if (Date.now() > deadline) {
        await this.stop()
        throw new Error(`${this.name} did not start within ${Math.round(timeoutMs / 1000)} s:\n${this.tail(30)}`)
      }
      const ready =
        this.kind === "emporium"
          ? this.bannerSeen
          : await fetch(`${this.url}/health`).then((r) => r.ok, () => false)
      if (ready) break
      await sleep(500)
    }
    this.startSeconds = (Date.now() - startedAt) / 1000
    this.medusaPid =
      this.kind === "emporium" ? findDescendant(this.child.pid, isMedusaStart) : this.child.pid
    if (!this.medusaPid) throw new Error(`${this.name}: could not find the \`medusa start\` process`)
    return this
  }

  tail(n) {
    return this.output.slice(-n).join("\n")
  }

  /** RSS / peak RSS / CPU time of the `medusa start` process tree. */
  sample() {
    return sampleTree(this.medusaPid)
  }

  /** SIGINT, as Ctrl-C would; SIGKILL after 30 s. */
  async stop() {
    if (!this.child || this.child.exitCode !== null || this.child.signalCode !== null) return
    this.child.kill("SIGINT")
    const timer = setTimeout(() => this.child.kill("SIGKILL"), 30_000)
    const result = await this.exited
    clearTimeout(timer)
    return result
  }
}
