// Process-tree facts read from /proc (Linux): resident memory and CPU time of a server.
import fs from "node:fs"
import { execFileSync } from "node:child_process"

let clockTicks = 100
try {
  clockTicks = Number(execFileSync("getconf", ["CLK_TCK"]).toString().trim()) || 100
} catch {
  // getconf missing: 100 Hz is the Linux default
}

function readStat(pid) {
  try {
    const raw = fs.readFileSync(`/proc/${pid}/stat`, "utf8")
    // comm (field 2) may hold spaces and parentheses: parse after the last ')'.
    const rest = raw.slice(raw.lastIndexOf(")") + 2).split(" ")
    // rest[0] is field 3 (state); ppid is field 4, utime 14, stime 15.
    return { pid, ppid: Number(rest[1]), utime: Number(rest[11]), stime: Number(rest[12]) }
  } catch {
    return null
  }
}

function allStats() {
  const stats = []
  for (const name of fs.readdirSync("/proc")) {
    if (!/^\d+$/.test(name)) continue
    const s = readStat(Number(name))
    if (s) stats.push(s)
  }
  return stats
}

/** pid and all of its descendants. */
export function processTree(rootPid) {
  const stats = allStats()
  const children = new Map()
  for (const s of stats) {
    if (!children.has(s.ppid)) children.set(s.ppid, [])
    children.get(s.ppid).push(s.pid)
  }
  const out = []
  const queue = [rootPid]
  while (queue.length) {
    const pid = queue.shift()
    out.push(pid)
    queue.push(...(children.get(pid) ?? []))
  }
  return out
}

export function cmdline(pid) {
  try {
    return fs.readFileSync(`/proc/${pid}/cmdline`, "utf8").split("\0").filter(Boolean)
  } catch {
    return []
  }
}

/** First descendant of rootPid (itself included) whose command line matches. */
export function findDescendant(rootPid, predicate) {
  return processTree(rootPid).find((pid) => predicate(cmdline(pid)))
}

function statusKb(pid, field) {
  try {
    const status = fs.readFileSync(`/proc/${pid}/status`, "utf8")
    const m = status.match(new RegExp(`^${field}:\\s+(\\d+) kB`, "m"))
    return m ? Number(m[1]) : 0
  } catch {
    return 0
  }
}

/**
 * Memory and CPU of a process tree: RSS (sum of VmRSS, MB), peak RSS as the kernel
 * recorded it (sum of VmHWM, MB) and CPU time consumed so far (user+system, ms).
 */
export function sampleTree(rootPid) {
  let rssKb = 0
  let hwmKb = 0
  let ticks = 0
  for (const pid of processTree(rootPid)) {
    rssKb += statusKb(pid, "VmRSS")
    hwmKb += statusKb(pid, "VmHWM")
    const s = readStat(pid)
    if (s) ticks += s.utime + s.stime
  }
  return { rssMb: rssKb / 1024, hwmMb: hwmKb / 1024, cpuMs: (ticks * 1000) / clockTicks, at: Date.now() }
}

/** CPU time the whole machine spent busy so far (all cores, ms), from /proc/stat. */
export function machineBusyMs() {
  const line = fs.readFileSync("/proc/stat", "utf8").split("\n")[0]
  const [user, nice, system, idle, iowait, irq, softirq, steal] = line.trim().split(/\s+/).slice(1).map(Number)
  return ((user + nice + system + irq + softirq + (steal || 0)) * 1000) / clockTicks
}

/** CPU time used so far by this process (the runner and its load generator), ms. */
export function selfCpuMs() {
  const u = process.cpuUsage()
  return (u.user + u.system) / 1000
}

/** CPU time so far (ms) of each given pid that still exists. */
export function cpuByPid(pids) {
  const out = new Map()
  for (const pid of pids) {
    const s = readStat(pid)
    if (s) out.set(pid, ((s.utime + s.stime) * 1000) / clockTicks)
  }
  return out
}

/**
 * CPU used between two cpuByPid() snapshots. Processes that started in between count
 * in full; processes that exited in between are lost (the machine total still has them).
 */
export function cpuDelta(before, after) {
  let sum = 0
  for (const [pid, ms] of after) {
    const was = before.get(pid) ?? 0
    sum += ms >= was ? ms - was : ms
  }
  return sum
}

/** The environment a process was started with. */
export function environ(pid) {
  const env = {}
  for (const entry of fs.readFileSync(`/proc/${pid}/environ`, "utf8").split("\0")) {
    const at = entry.indexOf("=")
    if (at > 0) env[entry.slice(0, at)] = entry.slice(at + 1)
  }
  return env
}
