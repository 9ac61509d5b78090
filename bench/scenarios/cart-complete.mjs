import { percentile, round } from "../lib/load.mjs"
import { completeSequentially, mapLimit, prepareCheckout } from "../lib/store.mjs"

const CARTS = Number(process.env.BENCH_COMPLETE_CARTS || 30)

/**
 * Checkout: POST /store/carts/:id/complete on carts that are ready (two items, e-mail,
 * shipping address, cheapest shipping option, payment collection with a
 * pp_system_default session), one after another, each timed on its own. Preparing the
 * carts is setup and is not timed.
 */
export default {
  name: "cart-complete",
  description: `POST /store/carts/:id/complete on ${CARTS} ready carts, sequentially`,
  async setup(ctx) {
    const started = Date.now()
    ctx.state.cartIds = await mapLimit(
      Array.from({ length: CARTS }, (_, i) => i),
      2,
      (i) => prepareCheckout(ctx.store, ctx.catalog, ctx.seed * 1000 + i)
    )
    ctx.state.prepareSeconds = (Date.now() - started) / 1000
  },
  async run(ctx) {
    const before = ctx.server.sample()
    const { times, failed, statuses, samples } = await completeSequentially(ctx.server.url, ctx.store, ctx.state.cartIds)
    const after = ctx.server.sample()
    const n = ctx.state.cartIds.length
    return {
      metrics: [
        { key: "complete_p50", label: "completion p50 (ms)", value: round(percentile(times, 50), 1), better: "lower" },
        { key: "complete_p95", label: "completion p95 (ms)", value: round(percentile(times, 95), 1), better: "lower" },
        { key: "complete_max", label: "completion max (ms)", value: round(Math.max(...times), 1), better: "lower" },
        { key: "cpu_ms_per_order", label: "server CPU per order (ms)", value: round((after.cpuMs - before.cpuMs) / n, 1), better: "lower" },
      ],
      errors: { count: failed, total: n, non2xx: failed, statuses, samples },
      raw: { carts: n, completed: times.length, prepareSeconds: round(ctx.state.prepareSeconds, 1), times: times.map((t) => round(t, 1)) },
    }
  },
}
