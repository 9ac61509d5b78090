/**
 * The bench's "vanilla" baseline: plain Medusa 2 with the same infrastructure as
 * Emporium (database, Redis or in-memory event bus / workflow engine / cache, locking),
 * taken from Emporium's own compiled config builder with EMPORIUM_VANILLA=true, so
 * both servers share one definition of infrastructure. EMPORIUM_VANILLA drops
 * Emporium's modules and the admin dashboard.
 *
 * This folder deliberately has no `src/`: Medusa auto-loads src/api, src/subscribers,
 * src/workflows/hooks, src/links and src/jobs from the directory it starts in, so
 * starting here (bench/run.mjs does `node <root>/node_modules/@medusajs/cli/cli.js start`
 * with this folder as cwd) keeps every Emporium route, subscriber, hook, link and job
 * out. Packages resolve upward to the repository's node_modules.
 *
 * Requires `medusa build` to have run (bench/run.mjs starts Emporium first, which builds).
 */
const path = require("path")
const { defineConfig } = require("@medusajs/framework/utils")

process.env.EMPORIUM_VANILLA = "true"

const compiled = path.resolve(__dirname, "../../.medusa/server/src/config")
const { readEnv } = require(path.join(compiled, "env.js"))
const { buildMedusaConfig } = require(path.join(compiled, "medusa.js"))

const config = buildMedusaConfig(readEnv(), __dirname)
// Emporium's own providers inside Medusa's modules (e.g. the exclusive PostgreSQL locking
// provider, resolved as ./src/… from the repository root) are not plain Medusa and do not
// resolve from this folder: vanilla keeps Medusa's providers only, the first one as default.
for (const mod of config.modules) {
  const providers = mod.options && mod.options.providers
  if (!Array.isArray(providers)) continue
  const medusaOwn = providers.filter((p) => !String(p.resolve).startsWith("./"))
  if (medusaOwn.length && !medusaOwn.some((p) => p.is_default)) medusaOwn[0] = { ...medusaOwn[0], is_default: true }
  mod.options.providers = medusaOwn
}
// The stripe-checkout scenario: vanilla pays with Medusa's official Stripe provider (same
// provider id, pp_stripe_stripe, as Emporium's plugin), its API calls sent to the bench's Stripe
// fake by stripe-at-fake.cjs.
if (process.env.STRIPE_API_KEY) {
  config.modules.push({
    resolve: "@medusajs/medusa/payment",
    options: {
      providers: [
        {
          resolve: "@medusajs/payment-stripe",
          id: "stripe",
          options: { apiKey: process.env.STRIPE_API_KEY, webhookSecret: process.env.STRIPE_WEBHOOK_SECRET, capture: false },
        },
      ],
    },
  })
}

module.exports = defineConfig(config)
