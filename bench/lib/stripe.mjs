// The Stripe fake for the stripe-checkout scenario: a separate process both servers talk to.
import { spawn } from "node:child_process"
import path from "node:path"
import { ROOT } from "./servers.mjs"

export const STRIPE_FAKE_PORT = 9103
export const STRIPE_BENCH_KEY = "sk_test_emporium_bench"
export const STRIPE_BENCH_WEBHOOK_SECRET = "whsec_emporium_bench"

/** Starts test-utils/stripe-fake (a protocol-level fake of Stripe's API) and waits until it listens. */
export function startStripeFake(port = STRIPE_FAKE_PORT) {
  const child = spawn(process.execPath, ["-r", "ts-node/register/transpile-only", path.join(ROOT, "test-utils", "stripe-fake", "cli.ts"), String(port)], {
    cwd: ROOT,
    env: { ...process.env, TS_NODE_PROJECT: path.join(ROOT, "tsconfig.json") },
    stdio: ["ignore", "pipe", "pipe"],
  })
  let output = ""
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`the Stripe fake did not start: ${output}`)), 60_000)
    const onData = (chunk) => {
      output += chunk
      const match = output.match(/stripe-fake listening (\S+)/)
      if (match) {
        clearTimeout(timer)
        resolve({ url: match[1], stop: () => child.kill("SIGTERM") })
      }
    }
    child.stdout.on("data", onData)
    child.stderr.on("data", onData)
    child.once("exit", (code) => reject(new Error(`the Stripe fake exited (${code}): ${output}`)))
  })
}

/** The variables that switch a server to Stripe, pointed at the fake. */
export function stripeEnv(url) {
  return { STRIPE_API_KEY: STRIPE_BENCH_KEY, STRIPE_WEBHOOK_SECRET: STRIPE_BENCH_WEBHOOK_SECRET, STRIPE_API_BASE_URL: url }
}

/** What the storefront's Stripe.js does with the client secret: confirm the intent with a card. */
export async function confirmIntent(url, intentId, card = "pm_card_visa") {
  const res = await fetch(`${url}/v1/payment_intents/${intentId}/confirm`, {
    method: "POST",
    headers: { authorization: `Bearer ${STRIPE_BENCH_KEY}`, "content-type": "application/x-www-form-urlencoded" },
    body: new URLSearchParams({ payment_method: card, return_url: "https://shop.example/checkout" }).toString(),
  })
  const body = await res.json()
  if (!res.ok) throw new Error(`confirming ${intentId} at the Stripe fake: ${res.status} ${JSON.stringify(body).slice(0, 300)}`)
  return body
}
