import type { InputConfigWithArrayModules } from "@medusajs/framework/types"
import type { Env } from "./env"
import { backendUrl, dataDir } from "./env"
import { resolveSecrets, storedVapidKeys } from "./secrets"
import { createHash } from "node:crypto"
import path from "node:path"

type ModuleEntry = { resolve: string; key?: string; options?: Record<string, unknown> }
type PluginEntry = { resolve: string; options: Record<string, unknown> }

const DEV_STOREFRONT_ORIGINS = "http://localhost:8000,http://127.0.0.1:8000"
const DEV_ADMIN_ORIGINS = "http://localhost:5173,http://localhost:9000,http://127.0.0.1:9000"

/**
 * Infrastructure modules: Redis-backed when REDIS_URL is set, otherwise the
 * in-process defaults. Locking always runs through a real provider so that two
 * server processes on one database still serialise stock changes: Redis when
 * present, PostgreSQL advisory locks otherwise.
 */
export function infrastructureModules(env: Env): ModuleEntry[] {
  if (env.REDIS_URL) {
    const redisUrl = env.REDIS_URL
    const prefix = env.REDIS_PREFIX
    // BullMQ's default key prefix is "bull"; prefixed, two apps on one Redis never share a queue.
    const queues = prefix ? { queueOptions: { prefix: `${prefix}bull` }, workerOptions: { prefix: `${prefix}bull` } } : {}
    // BullMQ works one job at a time per process by default: with product search indexing on every
    // catalogue and stock event, a worker then needed minutes for a first start's seed events
    // (~12 events/s) and a shopper's order waited behind them. Eight at a time, as the in-memory
    // bus runs subscribers concurrently anyway; every subscriber is safe to run concurrently.
    const eventWorkers = { ...queues, workerOptions: { ...(queues.workerOptions ?? {}), concurrency: 8 } }
    return [
      { resolve: "@medusajs/medusa/event-bus-redis", options: { redisUrl, ...eventWorkers } },
      { resolve: "@medusajs/medusa/workflow-engine-redis", options: { redis: { redisUrl, ...queues } } },
      { resolve: "@medusajs/medusa/cache-redis", options: { redisUrl, ...(prefix ? { namespace: `${prefix}medusa:` } : {}) } },
      {
        resolve: "@medusajs/medusa/locking",
        options: {
          providers: [
            {
              resolve: "@medusajs/medusa/locking-redis",
              id: "locking-redis",
              is_default: true,
              options: { redisUrl, ...(prefix ? { namespace: `${prefix}medusa_lock:` } : {}) },
            },
          ],
        },
      },
    ]
  }
  return [
    {
      resolve: "@medusajs/medusa/locking",
      options: {
        providers: [
          // Medusa's provider stays registered for its `locking` table (its migration); locks are
          // taken through Emporium's subclass, which never lets two owner-less acquirers share one.
          { resolve: "@medusajs/medusa/locking-postgres", id: "locking-postgres" },
          { resolve: "./src/modules/locking-postgres-exclusive", id: "locking-postgres-exclusive", is_default: true },
        ],
      },
    },
  ]
}

/**
 * Medusa modules whose providers Emporium chooses. Search on PostgreSQL is also Medusa's
 * default; it is stated here so the choice is visible and the plugins can swap it.
 */
export function emporiumCoreModules(env: Env, cwd = process.cwd()): ModuleEntry[] {
  return [
    cachingModule(env),
    searchModule(env),
    {
      // Medusa's Analytics Module, with Emporium's store as its provider: anything calling
      // analytics.track()/identify() lands in src/modules/analytics.
      resolve: "@medusajs/medusa/analytics",
      options: {
        providers: [{ resolve: "./src/modules/analytics/providers/emporium", id: "emporium" }],
      },
    },
    {
      // Medusa's local file provider puts "private" files in the publicly served static/ folder;
      // shipping labels (customers' addresses) go to the data directory instead, read back only
      // through the admin label route.
      resolve: "@medusajs/medusa/file",
      options: {
        providers: [
          {
            resolve: "@medusajs/medusa/file-local",
            id: "local",
            options: { private_upload_dir: path.join(dataDir(env, cwd), "private-files") },
          },
        ],
      },
    },
    {
      // Medusa's manual provider stays (flat-priced options); the transport module adds one
      // provider per carrier ("transport_house") with calculated, rate-table prices and labels.
      resolve: "@medusajs/medusa/fulfillment",
      options: {
        providers: [
          { resolve: "@medusajs/medusa/fulfillment-manual", id: "manual" },
          { resolve: "./src/modules/transport-fulfillment", id: "house", options: { carrier_code: "house" } },
        ],
      },
    },
  ]
}

/**
 * Notifications: the notifications plugin (templates, subscribers, mailbox) and Medusa's
 * Notification Module with one provider per channel. E-mail goes over SMTP with SMTP_URL, else
 * SendGrid with SENDGRID_API_KEY, else to the dev mailbox (nothing leaves the machine; the admin's
 * Mailbox page shows it). SMS likewise with TWILIO_*; web push always, with VAPID keys from the
 * environment or generated once. Medusa's "feed" channel (the dashboard's bell) stays.
 */
export function notifications(
  env: Env,
  cwd = process.cwd(),
  secrets = resolveSecrets(env, dataDir(env, cwd))
): { plugin: PluginEntry; notificationModule: ModuleEntry } {
  const { notificationsConfig } = require("@emporium/medusa-notifications/config")
  const dir = dataDir(env, cwd)
  const vapid = env.VAPID_PUBLIC_KEY && env.VAPID_PRIVATE_KEY ? { publicKey: env.VAPID_PUBLIC_KEY, privateKey: env.VAPID_PRIVATE_KEY } : storedVapidKeys(dir)
  const storeName = env.EMPORIUM_STORE_NAME ?? "Emporium"
  const from = env.EMAIL_FROM ?? `${storeName} <no-reply@localhost>`
  const configured = notificationsConfig({
    plugin: {
      // Derived, so unsubscribe links stay valid as long as the cookie secret does.
      secret: createHash("sha256").update(`emporium-notifications:${secrets.cookieSecret}`).digest("base64url"),
      branding: { storeName, supportEmail: env.ADMIN_EMAIL },
      storefrontUrl: env.STOREFRONT_URL ?? "http://localhost:8000",
      backendUrl: backendUrl(env),
      merchantEmails: env.NOTIFICATIONS_MERCHANT_EMAILS?.split(",").map((e) => e.trim()),
      abandonedCart: { idleHours: env.EMPORIUM_ABANDONED_CART_HOURS },
    },
    email: env.SMTP_URL
      ? { smtp: { url: env.SMTP_URL, from } }
      : env.SENDGRID_API_KEY
        ? { sendgrid: { apiKey: env.SENDGRID_API_KEY, from } }
        : undefined,
    sms:
      env.TWILIO_ACCOUNT_SID && env.TWILIO_AUTH_TOKEN && env.TWILIO_FROM
        ? {
            accountSid: env.TWILIO_ACCOUNT_SID,
            authToken: env.TWILIO_AUTH_TOKEN,
            ...(env.TWILIO_FROM.startsWith("MG") ? { messagingServiceSid: env.TWILIO_FROM } : { from: env.TWILIO_FROM }),
            ...(env.TWILIO_API_BASE_URL ? { apiBaseUrl: env.TWILIO_API_BASE_URL } : {}),
          }
        : undefined,
    push: {
      vapidPublicKey: vapid.publicKey,
      vapidPrivateKey: vapid.privateKey,
      subject: env.VAPID_SUBJECT ?? `mailto:${env.ADMIN_EMAIL ?? "admin@localhost"}`,
      ...(env.WEB_PUSH_EXTRA_CA ? { ca: env.WEB_PUSH_EXTRA_CA } : {}),
    },
    mailbox: { directory: path.join(dir, "mailbox"), from },
  })
  return {
    plugin: configured.plugin,
    notificationModule: {
      resolve: "@medusajs/medusa/notification",
      options: {
        providers: [
          { resolve: "@medusajs/medusa/notification-local", id: "local", options: { name: "Local Notification Provider", channels: ["feed"] } },
          ...configured.providers,
        ],
      },
    },
  }
}

/**
 * Medusa's Search Module, holding the product index (src/search/product.ts): on Medusa's
 * Postgres provider (the embedded default, tables in the app's database), or with
 * MEILISEARCH_HOST on Meilisearch through the search-meilisearch plugin, required only then.
 * `db:migrate` moves the index to the chosen engine; the first start fills it.
 */
export function searchModule(env: Env): ModuleEntry {
  if (!env.MEILISEARCH_HOST) {
    return {
      resolve: "@medusajs/medusa/search",
      options: { providers: [{ resolve: "@medusajs/medusa/search-postgres", id: "postgres" }] },
    }
  }
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const { meilisearchSearchProvider } = require("@emporium/medusa-search-meilisearch/config")
  return {
    resolve: "@medusajs/medusa/search",
    options: {
      providers: [meilisearchSearchProvider({ host: env.MEILISEARCH_HOST, apiKey: env.MEILISEARCH_API_KEY })],
      ...(env.MEILISEARCH_INDEX_PREFIX ? { index_prefix: env.MEILISEARCH_INDEX_PREFIX } : {}),
    },
  }
}

/**
 * Medusa's Caching Module, where the store read cache keeps its answers: in this process's
 * memory, and with REDIS_URL also in Redis so every process shares them. Its feature flag
 * (MEDUSA_FF_CACHING, Medusa's own query caching, marked work-in-progress in 2.21) stays off:
 * see README, "Fast store reads".
 */
export function cachingModule(env: Env): ModuleEntry {
  const providers = env.REDIS_URL
    ? [
        {
          resolve: "@medusajs/medusa/caching-redis",
          id: "caching-redis",
          is_default: true,
          options: { redisUrl: env.REDIS_URL, prefix: `${env.REDIS_PREFIX ?? ""}emporium:caching:` },
        },
      ]
    : []
  return {
    resolve: "@medusajs/medusa/caching",
    options: { in_memory: { enable: true, maxSize: 64 * 1024 * 1024 }, providers },
  }
}

/** Caching Module providers the store read cache reads in order and writes to. */
export const STORE_CACHE_PROVIDERS = { memory: "cache-memory", redis: "caching-redis" } as const

/** Emporium's own modules (src/modules/*), added by the feature issues. */
export function emporiumModules(env: Env): ModuleEntry[] {
  return [
    {
      resolve: "./src/modules/store-cache",
      options: {
        enabled: env.EMPORIUM_STORE_CACHE,
        redis_url: env.REDIS_URL,
        namespace: storeCacheNamespace(env),
        max_age_seconds: env.EMPORIUM_STORE_CACHE_MAX_AGE,
        caching_providers: env.REDIS_URL ? [STORE_CACHE_PROVIDERS.memory, STORE_CACHE_PROVIDERS.redis] : [STORE_CACHE_PROVIDERS.memory],
      },
    },
    { resolve: "./src/modules/stock-ledger", options: { low_stock_threshold: env.EMPORIUM_LOW_STOCK_THRESHOLD } },
    { resolve: "./src/modules/stock-hold" },
    {
      resolve: "./src/modules/analytics",
      options: {
        rate_limit_per_minute: env.EMPORIUM_ANALYTICS_RATE_LIMIT,
        redis_url: env.REDIS_URL,
        namespace: `${env.REDIS_PREFIX ?? ""}emporium:analytics`,
      },
    },
    { resolve: "./src/modules/recommendation" },
    { resolve: "./src/modules/transport" },
    // Synonym groups the product search index is built with (src/search/product.ts).
    { resolve: "./src/modules/search-tuning" },
    {
      resolve: "./src/modules/fraud",
      // EMPORIUM_FRAUD=false keeps the module (its admin pages and links) but scores no checkout.
      options: {
        scoring: env.EMPORIUM_FRAUD,
        redis_url: env.REDIS_URL,
        namespace: `${env.REDIS_PREFIX ?? ""}emporium:fraud`,
        // With Stripe, Radar's risk score on the checkout's card is a signal (rule "stripe_radar").
        stripe_radar: env.STRIPE_API_KEY ? { apiKey: env.STRIPE_API_KEY, apiBaseUrl: env.STRIPE_API_BASE_URL } : undefined,
      },
    },
  ]
}

/**
 * Payments: Medusa's system provider (`pp_system_default`) always; with STRIPE_API_KEY also the
 * payments-stripe plugin, whose helper gives the plugin entry and the Payment Module provider
 * from one options object. The plugin is required only then, so a store without Stripe never
 * loads it.
 */
export function stripePayments(env: Env): { plugin: PluginEntry; paymentProvider: ModuleEntry & { id: string } } | null {
  if (!env.STRIPE_API_KEY || !env.STRIPE_WEBHOOK_SECRET) return null
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const { stripePayments: configure } = require("@emporium/medusa-payments-stripe/config")
  return configure({
    apiKey: env.STRIPE_API_KEY,
    webhookSecret: env.STRIPE_WEBHOOK_SECRET,
    captureMode: env.STRIPE_CAPTURE,
    paymentMethods: env.STRIPE_PAYMENT_METHODS,
    statementDescriptor: env.STRIPE_STATEMENT_DESCRIPTOR,
    apiBaseUrl: env.STRIPE_API_BASE_URL,
  })
}

export function paymentModule(stripe: ReturnType<typeof stripePayments>): ModuleEntry {
  return { resolve: "@medusajs/medusa/payment", options: { providers: stripe ? [stripe.paymentProvider] : [] } }
}

export function buildMedusaConfig(env: Env, cwd = process.cwd()): InputConfigWithArrayModules {
  const secrets = resolveSecrets(env, dataDir(env, cwd))
  const stripe = env.EMPORIUM_VANILLA ? null : stripePayments(env)
  const notifying = env.EMPORIUM_VANILLA ? null : notifications(env, cwd, secrets)
  const modules = [
    ...infrastructureModules(env),
    ...(notifying ? [...emporiumCoreModules(env, cwd), notifying.notificationModule, paymentModule(stripe), ...emporiumModules(env)] : []),
  ]
  return {
    projectConfig: {
      databaseUrl: env.DATABASE_URL,
      redisUrl: env.REDIS_URL,
      // Sessions; the modules above take the same prefix.
      redisPrefix: env.REDIS_PREFIX,
      http: {
        storeCors: env.STORE_CORS ?? DEV_STOREFRONT_ORIGINS,
        adminCors: env.ADMIN_CORS ?? DEV_ADMIN_ORIGINS,
        authCors: env.AUTH_CORS ?? `${DEV_STOREFRONT_ORIGINS},${DEV_ADMIN_ORIGINS}`,
        jwtSecret: secrets.jwtSecret,
        cookieSecret: secrets.cookieSecret,
      },
      // A Secure cookie is never sent back over plain http, which would make the
      // dashboard's login silently fail on http://localhost in production mode.
      cookieOptions: { secure: backendUrl(env).startsWith("https:") },
    },
    admin: {
      disable: env.EMPORIUM_VANILLA,
      // Unset means "same origin as the dashboard", which survives a change of PORT.
      backendUrl: env.MEDUSA_BACKEND_URL,
    },
    modules,
    plugins: [...(notifying ? [notifying.plugin] : []), ...(stripe ? [stripe.plugin] : [])],
  }
}

/** Two databases sharing one Redis (staging and production, two test runs) never share entries. */
function storeCacheNamespace(env: Env): string {
  const database = env.DATABASE_URL ?? "embedded"
  return `${env.REDIS_PREFIX ?? ""}emporium:store-cache:${createHash("sha256").update(database).digest("hex").slice(0, 12)}`
}
