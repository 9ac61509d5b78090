import path from "path"
import { z } from "@medusajs/framework/zod"

/**
 * The one place Emporium reads its environment. Everything else (medusa-config.ts,
 * the start script, tests, the bench runner) asks this module, so a variable is
 * named, validated and documented once. README's "Configuration" table mirrors it.
 */

const urlWithProtocols = (name: string, protocols: string[]) =>
  z
    .string()
    .trim()
    .refine(
      (value) => {
        try {
          const url = new URL(value)
          return protocols.includes(url.protocol.replace(/:$/, ""))
        } catch {
          return false
        }
      },
      {
        message: `${name} must be a URL starting with ${protocols
          .map((p) => `${p}://`)
          .join(" or ")}`,
      }
    )

const port = z.coerce
  .number({ message: "PORT must be a number" })
  .int("PORT must be a whole number")
  .min(1, "PORT must be between 1 and 65535")
  .max(65535, "PORT must be between 1 and 65535")

/** An empty string in the environment means "not set", as in most shells' habits. */
const optional = <T extends z.ZodTypeAny>(schema: T) =>
  z.preprocess((v) => (v === "" ? undefined : v), schema.optional())

/** true / false / 1 / 0 in any case; unset or empty means `fallback`. */
const flag = (name: string, fallback = false) =>
  z.preprocess(
    (v) => (v === "" || v === undefined ? String(fallback) : String(v).toLowerCase()),
    z.enum(["true", "false", "1", "0"], { message: `${name} must be true or false` }).transform((v) => v === "true" || v === "1")
  )

/** A whole number of at least `min`; each way of missing that is told with the variable's name. */
const wholeNumber = (name: string, min: number) =>
  z.coerce
    .number({ message: `${name} must be a number` })
    .int(`${name} must be a whole number`)
    .min(min, `${name} must be ${min} or more`)

export const EnvSchema = z.object({
  NODE_ENV: optional(z.string()),
  /** HTTP port of the engine (store API, admin API, dashboard). */
  PORT: optional(port).transform((v) => v ?? 9000),
  /**
   * Public URL of the engine. The dashboard calls the API there, and session cookies are
   * marked Secure exactly when it is https. Default: http://localhost:PORT.
   */
  MEDUSA_BACKEND_URL: optional(urlWithProtocols("MEDUSA_BACKEND_URL", ["http", "https"])),
  /** PostgreSQL connection string; when absent an embedded PostgreSQL is started. */
  DATABASE_URL: optional(urlWithProtocols("DATABASE_URL", ["postgres", "postgresql"])),
  /** Redis connection string; switches event bus, workflow engine, locking, cache and sessions to Redis. */
  REDIS_URL: optional(urlWithProtocols("REDIS_URL", ["redis", "rediss"])),
  /** Put before every Redis key Emporium and Medusa write (queues, cache, locks, sessions), so several apps can share one Redis. */
  REDIS_PREFIX: optional(z.string().trim().min(1).max(64).regex(/^[\w:.-]+$/, "REDIS_PREFIX may hold letters, digits and _ : . - only")),
  /** Where Emporium keeps its local state: embedded database, generated secrets, uploads. */
  EMPORIUM_DATA_DIR: optional(z.string()),
  /** Port of the embedded PostgreSQL (only used without DATABASE_URL). */
  EMBEDDED_PG_PORT: optional(port).transform((v) => v ?? 54329),
  JWT_SECRET: optional(z.string().min(16, "JWT_SECRET must be at least 16 characters")),
  COOKIE_SECRET: optional(z.string().min(16, "COOKIE_SECRET must be at least 16 characters")),
  STORE_CORS: optional(z.string()),
  ADMIN_CORS: optional(z.string()),
  AUTH_CORS: optional(z.string()),
  /** Login of the admin user created on first start. */
  ADMIN_EMAIL: optional(z.string().email("ADMIN_EMAIL must be an e-mail address")),
  ADMIN_PASSWORD: optional(z.string().min(8, "ADMIN_PASSWORD must be at least 8 characters")),
  /** Available units at a location at or below which an item is "low" (per-item override in the admin). */
  EMPORIUM_LOW_STOCK_THRESHOLD: optional(wholeNumber("EMPORIUM_LOW_STOCK_THRESHOLD", 0)).transform((v) => v ?? 5),
  /** Medusa processes `npm start` runs with REDIS_URL (one per core by default, capped at the core count). */
  EMPORIUM_PROCESSES: optional(wholeNumber("EMPORIUM_PROCESSES", 1)),
  /**
   * With two processes or more: one of them is a dedicated background worker (Medusa's worker
   * mode: subscribers, jobs, search indexing) and the others only serve HTTP. From three
   * processes that is always so; set it to get the split on two as well.
   */
  EMPORIUM_DEDICATED_WORKER: flag("EMPORIUM_DEDICATED_WORKER"),
  /** The store read cache for anonymous catalogue reads (products, categories, collections, regions). Default on. */
  EMPORIUM_STORE_CACHE: flag("EMPORIUM_STORE_CACHE", true),
  /** Seconds a CDN or browser may keep an anonymous catalogue answer (`Cache-Control: max-age`). */
  EMPORIUM_STORE_CACHE_MAX_AGE: optional(wholeNumber("EMPORIUM_STORE_CACHE_MAX_AGE", 0)).transform((v) => v ?? 5),
  /** Storefront analytics batches a client IP may send per minute (across processes with Redis); 0 turns the limit off. */
  EMPORIUM_ANALYTICS_RATE_LIMIT: optional(wholeNumber("EMPORIUM_ANALYTICS_RATE_LIMIT", 0)).transform((v) => v ?? 120),
  /**
   * Scores every checkout for fraud (src/modules/fraud). `false`: checkouts are not scored (the
   * module and its admin pages stay); the bench runner uses it to measure what scoring costs.
   */
  EMPORIUM_FRAUD: flag("EMPORIUM_FRAUD", true),
  /**
   * Stripe secret key (sk_test_…, sk_live_…, or a restricted rk_…): turns on the payments-stripe
   * plugin (src/plugins/payments-stripe), card payments next to the system provider.
   */
  STRIPE_API_KEY: optional(
    z.string().trim().regex(/^(sk|rk)_(test|live)_\w+$/, "STRIPE_API_KEY must be a Stripe secret key (sk_test_…, sk_live_… or rk_…)")
  ),
  /** Signing secret of the Stripe webhook endpoint `/hooks/stripe` (whsec_…); required with STRIPE_API_KEY. */
  STRIPE_WEBHOOK_SECRET: optional(z.string().trim().regex(/^whsec_\w+$/, "STRIPE_WEBHOOK_SECRET must be a webhook signing secret (whsec_…)")),
  /** `manual` (default): cards are authorized at checkout and captured by the merchant; `automatic`: captured at once. */
  STRIPE_CAPTURE: optional(z.enum(["automatic", "manual"], { message: "STRIPE_CAPTURE must be automatic or manual" })).transform(
    (v) => v ?? "manual"
  ),
  /** Payment method types offered on Stripe PaymentIntents, comma-separated (e.g. `card`); unset: the dashboard's automatic payment methods. */
  STRIPE_PAYMENT_METHODS: optional(
    z
      .string()
      .trim()
      .regex(/^[a-z_]+(\s*,\s*[a-z_]+)*$/, "STRIPE_PAYMENT_METHODS must be payment method types separated by commas, e.g. card,sepa_debit")
      .transform((v) => v.split(",").map((t) => t.trim()))
  ),
  /** Suffix after the account's prefix on the customer's card statement (Stripe's statement_descriptor_suffix). */
  STRIPE_STATEMENT_DESCRIPTOR: optional(z.string().trim().max(22, "STRIPE_STATEMENT_DESCRIPTOR can be at most 22 characters")),
  /** Only for tests: the Stripe API's address (a local fake); unset means Stripe itself. */
  STRIPE_API_BASE_URL: optional(urlWithProtocols("STRIPE_API_BASE_URL", ["http", "https"])),
  /**
   * Meilisearch host (e.g. http://127.0.0.1:7700). Set, the product search index lives on
   * Meilisearch through the search-meilisearch plugin; unset, on Medusa's Postgres provider.
   */
  MEILISEARCH_HOST: optional(urlWithProtocols("MEILISEARCH_HOST", ["http", "https"])),
  /** Meilisearch API key with write access to the indexes (the master key or an admin key). */
  MEILISEARCH_API_KEY: optional(z.string().trim().min(1)),
  /** Meilisearch index name prefix, so several stores can share one Meilisearch. */
  MEILISEARCH_INDEX_PREFIX: optional(z.string().trim().regex(/^[A-Za-z0-9_-]{1,40}$/, "MEILISEARCH_INDEX_PREFIX may hold letters, digits, _ and - only (at most 40)")),
  /**
   * Currencies the product search index carries a price for (filters, sort and price facets),
   * separated by commas. Default: eur,usd (the demo store's).
   */
  EMPORIUM_SEARCH_CURRENCIES: optional(
    z.string().trim().toLowerCase().regex(/^[a-z]{3}(\s*,\s*[a-z]{3})*$/, "EMPORIUM_SEARCH_CURRENCIES must be ISO currency codes separated by commas, e.g. eur,usd")
  ).transform((v) => (v ?? "eur,usd").split(",").map((c) => c.trim())),
  /** The storefront's base URL: links in customers' e-mails (orders, cart recovery, password reset) point here. */
  STOREFRONT_URL: optional(urlWithProtocols("STOREFRONT_URL", ["http", "https"])),
  /** The store's name in e-mails, SMS and push notifications. */
  EMPORIUM_STORE_NAME: optional(z.string().trim().min(1).max(80)),
  /** SMTP server for e-mail (smtp://user:pass@host:587 or smtps://…:465). Unset: e-mail goes to the dev mailbox. */
  SMTP_URL: optional(urlWithProtocols("SMTP_URL", ["smtp", "smtps"])),
  /** Sender of every e-mail, e.g. `Acme <shop@acme.test>`. Required with SENDGRID_API_KEY. */
  EMAIL_FROM: optional(z.string().trim().min(3)),
  /** SendGrid API key (SG.…): e-mail through Medusa's SendGrid provider when no SMTP_URL is set. */
  SENDGRID_API_KEY: optional(z.string().trim().regex(/^SG\.[\w-]+\.[\w-]+$/, "SENDGRID_API_KEY must be a SendGrid API key (SG.….…)")),
  /** Twilio (or a Twilio-compatible SMS API) account SID: turns SMS on, with TWILIO_AUTH_TOKEN and TWILIO_FROM. */
  TWILIO_ACCOUNT_SID: optional(z.string().trim().regex(/^AC\w{8,}$/, "TWILIO_ACCOUNT_SID must be an account SID (AC…)")),
  TWILIO_AUTH_TOKEN: optional(z.string().trim().min(8)),
  /** The sending number in E.164 (+15005550006) or a messaging service SID (MG…). */
  TWILIO_FROM: optional(z.string().trim().regex(/^(\+[1-9]\d{6,14}|MG\w+)$/, "TWILIO_FROM must be an E.164 number or a messaging service SID (MG…)")),
  /** Only for tests: the SMS API's address (a local fake). */
  TWILIO_API_BASE_URL: optional(urlWithProtocols("TWILIO_API_BASE_URL", ["http", "https"])),
  /** VAPID key pair for Web Push (web-push generate-vapid-keys). Unset: a pair is generated once into the data directory. */
  VAPID_PUBLIC_KEY: optional(z.string().trim().regex(/^[\w-]{80,100}$/, "VAPID_PUBLIC_KEY must be a URL-safe base64 P-256 public key")),
  VAPID_PRIVATE_KEY: optional(z.string().trim().regex(/^[\w-]{40,50}$/, "VAPID_PRIVATE_KEY must be a URL-safe base64 P-256 private key")),
  /** Contact for push services, mailto: or https:. Default mailto:ADMIN_EMAIL. */
  VAPID_SUBJECT: optional(z.string().trim().regex(/^(mailto:|https:\/\/)\S+$/, "VAPID_SUBJECT must start with mailto: or https://")),
  /** Only for tests: a PEM certificate to trust for push services (the local push service fake serves https). */
  WEB_PUSH_EXTRA_CA: optional(z.string().trim().startsWith("-----BEGIN CERTIFICATE-----", "WEB_PUSH_EXTRA_CA must be a PEM certificate")),
  /** Who gets merchants' mails (fraud reviews, stock alerts), comma-separated. Default: every admin user. */
  NOTIFICATIONS_MERCHANT_EMAILS: optional(
    z.string().trim().regex(/^[^\s,@]+@[^\s,@]+(\s*,\s*[^\s,@]+@[^\s,@]+)*$/, "NOTIFICATIONS_MERCHANT_EMAILS must be e-mail addresses separated by commas")
  ),
  /** Hours a cart with an e-mail sits untouched before its one reminder. */
  EMPORIUM_ABANDONED_CART_HOURS: optional(wholeNumber("EMPORIUM_ABANDONED_CART_HOURS", 1)).transform((v) => v ?? 4),
  /**
   * Runs the app as plain Medusa: none of Emporium's modules, plugins, hooks,
   * routes or middlewares. The bench runner uses it for the vanilla baseline.
   */
  EMPORIUM_VANILLA: flag("EMPORIUM_VANILLA"),
})

export type Env = z.infer<typeof EnvSchema>

/** A configuration problem a person can fix, told in one sentence. */
export class ConfigurationError extends Error {
  constructor(message: string) {
    super(message)
    this.name = "ConfigurationError"
  }
}

export function readEnv(source: NodeJS.ProcessEnv = process.env): Env {
  const parsed = EnvSchema.safeParse(source)
  if (parsed.success && parsed.data.STRIPE_API_KEY && !parsed.data.STRIPE_WEBHOOK_SECRET) {
    throw new ConfigurationError(
      "STRIPE_WEBHOOK_SECRET is required with STRIPE_API_KEY: without it no Stripe webhook can be verified (3D Secure, dashboard refunds, disputes)."
    )
  }
  if (parsed.success) {
    const d = parsed.data
    if (d.SENDGRID_API_KEY && !d.SMTP_URL && !d.EMAIL_FROM) {
      throw new ConfigurationError("EMAIL_FROM is required with SENDGRID_API_KEY: SendGrid only sends from a verified sender.")
    }
    if (d.TWILIO_ACCOUNT_SID && (!d.TWILIO_AUTH_TOKEN || !d.TWILIO_FROM)) {
      throw new ConfigurationError("TWILIO_AUTH_TOKEN and TWILIO_FROM are required with TWILIO_ACCOUNT_SID.")
    }
    if (!!d.VAPID_PUBLIC_KEY !== !!d.VAPID_PRIVATE_KEY) {
      throw new ConfigurationError("VAPID_PUBLIC_KEY and VAPID_PRIVATE_KEY go together: set both, or neither to use a generated pair.")
    }
  }
  if (!parsed.success) {
    const first = parsed.error.issues[0]
    const name = first.path.join(".")
    const message = first.message.startsWith(name) ? first.message : `${name}: ${first.message}`
    throw new ConfigurationError(message)
  }
  return parsed.data
}

export function dataDir(env: Env, cwd = process.cwd()): string {
  return path.resolve(cwd, env.EMPORIUM_DATA_DIR ?? ".data")
}

export function backendUrl(env: Env): string {
  return (env.MEDUSA_BACKEND_URL ?? `http://localhost:${env.PORT}`).replace(/\/$/, "")
}

export const DEFAULT_ADMIN_EMAIL = "admin@emporium.test"
