/**
 * How busy the machine was with other work during a phase: machine-wide CPU time (/proc/stat)
 * minus this process's and its PostgreSQL backend's (/proc/<pid>/stat). Linux only; null elsewhere.
 */
import fs from "node:fs"

const TICK_MS = 10 // USER_HZ = 100 on Linux

function machineBusyMs(): number | null {
  try {
    const line = fs.readFileSync("/proc/stat", "utf8").split("\n")[0]
    const [, user, nice, system, , , irq, softirq, steal] = line.trim().split(/\s+/).map(Number)
    return (user + nice + system + irq + softirq + steal) * TICK_MS
  } catch {
    return null
  }
}

function processCpuMs(pid: number): number | null {
  try {
    const stat = fs.readFileSync(`/proc/${pid}/stat`, "utf8")
    const fields = stat.slice(stat.lastIndexOf(")") + 2).split(" ")
    return (Number(fields[11]) + Number(fields[12])) * TICK_MS
  } catch {
    return null
  }
}

export type CpuSample = { at: number; machine: number | null; self: number | null; backend: number | null }
export type CpuShare = { wall_s: number; this_process: number | null; postgres_backend: number | null; other: number | null }

export class CpuMeter {
  constructor(private readonly backendPid: number | null) {}

  sample(): CpuSample {
    return {
      at: performance.now(),
      machine: machineBusyMs(),
      self: processCpuMs(process.pid),
      backend: this.backendPid ? processCpuMs(this.backendPid) : null,
    }
  }

  /** CPU in % of one core between two samples (100 = one core busy all the time). */
  share(a: CpuSample, b: CpuSample): CpuShare {
    const wall = b.at - a.at
    const pct = (x: number | null) => (x === null || wall <= 0 ? null : Math.round((x / wall) * 1000) / 10)
    const self = a.self !== null && b.self !== null ? b.self - a.self : null
    const backend = a.backend !== null && b.backend !== null ? b.backend - a.backend : null
    const machine = a.machine !== null && b.machine !== null ? b.machine - a.machine : null
    const other = machine !== null && self !== null ? Math.max(0, machine - self - (backend ?? 0)) : null
    return { wall_s: Math.round(wall / 100) / 10, this_process: pct(self), postgres_backend: pct(backend), other: pct(other) }
  }
}
