import type { Env } from "../../src/config/env"

export type ProcessPlan = {
  /** Arguments after `medusa start` for the process(es) serving HTTP. */
  args: string[]
  /**
   * A separate `medusa start` in Medusa's worker mode (subscribers, scheduled jobs, workflow
   * steps, search indexing) on its own internal port. Not a fork of Medusa's cluster: every
   * fork of `medusa start --cluster` listens on the public port, a `worker` fork included, and
   * its app has no routes, so it would answer every other request with 404.
   */
  backgroundWorker: boolean
  /** For the banner. */
  description: string
}

/**
 * How many Medusa processes `npm start` runs, and in which worker mode.
 *
 * One Node process is the bottleneck of Medusa's store API, so production runs one per core
 * (`medusa start --cluster`, which Medusa caps at the core count). With three cores or more,
 * one of them is a background worker and the rest are HTTP servers (`server` mode), so
 * background work never competes with requests; with two, both are `shared` (a single server
 * would leave a core to background work that is mostly idle) unless EMPORIUM_DEDICATED_WORKER
 * asks for the split.
 *
 * Only with REDIS_URL: without it the event bus, workflow engine and the store read cache's
 * generation live inside one process, and a second process would neither see the first one's
 * events nor its cache invalidations.
 */
export function processPlan(
  env: Pick<Env, "REDIS_URL" | "EMPORIUM_PROCESSES"> & Partial<Pick<Env, "EMPORIUM_DEDICATED_WORKER">>,
  cores: number,
  devMode: boolean
): ProcessPlan {
  if (devMode) return { args: [], backgroundWorker: false, description: "processes: 1 (`medusa develop`)" }
  if (!env.REDIS_URL) {
    return { args: [], backgroundWorker: false, description: "processes: 1 (set REDIS_URL to run one per core)" }
  }
  const count = Math.max(1, Math.min(env.EMPORIUM_PROCESSES ?? cores, cores))
  if (count === 1) return { args: [], backgroundWorker: false, description: "processes: 1" }
  if (count >= 3 || env.EMPORIUM_DEDICATED_WORKER) {
    const servers = count - 1
    return {
      // `--servers` = cluster size: every fork in `server` mode.
      args: servers > 1 ? ["--cluster", String(servers), "--servers", String(servers)] : [],
      backgroundWorker: true,
      description: `processes: ${count} (${servers} HTTP server${servers > 1 ? "s" : ""}, 1 background worker)`,
    }
  }
  return { args: ["--cluster", String(count)], backgroundWorker: false, description: `processes: ${count} (each serves HTTP and background work)` }
}
