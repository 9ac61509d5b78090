import { adminClient } from "../lib/admin.mjs"
import { percentile, round } from "../lib/load.mjs"
import { mapLimit, prepareCheckout } from "../lib/store.mjs"

const CARTS = Number(process.env.BENCH_NOTIFICATION_CARTS || 30)

/**
 * Order confirmations: completes ready carts one after another (each completion timed, as in
 * cart-complete), then on Emporium reads each order's confirmation from the admin mailbox and
 * reports how long after the shopper's completion answer it was sent (rendered with React Email,
 * recorded, handed to the Notification Module's dev-mailbox provider). Vanilla Medusa sends no
 * confirmation at all: its row shows the completion cost alone.
 */
export default {
  name: "notifications",
  optIn: true,
  description: `order confirmation sent after POST /store/carts/:id/complete, ${CARTS} carts sequentially`,
  async setup(ctx) {
    ctx.state.carts = await mapLimit(Array.from({ length: CARTS }, (_, i) => ctx.seed * 1000 + 500 + i), 2, async (seed) => ({
      id: await prepareCheckout(ctx.store, ctx.catalog, seed),
      email: `bench+${seed}@emporium.test`,
    }))
  },
  async run(ctx) {
    const completions = []
    const before = ctx.server.sample()
    for (const cart of ctx.state.carts) {
      const t0 = performance.now()
      const res = await fetch(`${ctx.server.url}/store/carts/${cart.id}/complete`, { method: "POST", headers: ctx.store.headers, body: "{}" })
      const body = await res.json().catch(() => ({}))
      completions.push({ ...cart, ms: performance.now() - t0, answeredAt: Date.now(), ok: res.ok && body.type === "order" })
    }
    const ok = completions.filter((c) => c.ok)
    const metrics = [
      { key: "complete_p50", label: "completion p50 (ms)", value: round(percentile(ok.map((c) => c.ms), 50), 1), better: "lower" },
      { key: "complete_p95", label: "completion p95 (ms)", value: round(percentile(ok.map((c) => c.ms), 95), 1), better: "lower" },
    ]
    let delays = []
    let missing = 0
    let after = null
    if (ctx.server.kind === "emporium") {
      // Wait (with a few cheap reads) until every confirmation is sent, so the CPU sample holds them.
      const admin = await adminClient(ctx.server.url)
      const deadline = Date.now() + 60_000
      while (Date.now() < deadline) {
        const { count } = await admin.get("/admin/mailbox?template=order-placed&status=sent&limit=1")
        if (count >= ok.length) break
        await new Promise((r) => setTimeout(r, 250))
      }
      after = ctx.server.sample()
      const { messages } = await admin.get("/admin/mailbox?template=order-placed&status=sent&limit=100")
      const sentAt = new Map(messages.map((m) => [m.to, Date.parse(m.sent_at)]))
      for (const cart of ok) {
        const at = sentAt.get(cart.email)
        if (at) delays.push(Math.max(0, at - cart.answeredAt))
        else missing++
      }
      metrics.push(
        { key: "mail_after_p50", label: "confirmation sent after the answer, p50 (ms)", value: round(percentile(delays, 50), 1), better: "lower" },
        { key: "mail_after_p95", label: "confirmation sent after the answer, p95 (ms)", value: round(percentile(delays, 95), 1), better: "lower" }
      )
    }
    after ??= ctx.server.sample()
    metrics.push({ key: "cpu_ms_per_order", label: "server CPU per order incl. its mail (ms)", value: round((after.cpuMs - before.cpuMs) / Math.max(1, ok.length), 1), better: "lower" })
    return {
      metrics,
      errors: { count: completions.length - ok.length + missing, total: completions.length, non2xx: completions.length - ok.length, statuses: {}, samples: [] },
      raw: { carts: completions.length, completed: ok.length, confirmations_missing: missing, delays: delays.map((d) => round(d, 1)) },
    }
  },
}
