import fs from "fs"
import os from "os"
import path from "path"
import { defineConfig } from "@medusajs/framework/utils"
import { ConfigurationError, readEnv } from "../env"
import { buildMedusaConfig } from "../medusa"

const tmp = () => fs.mkdtempSync(path.join(os.tmpdir(), "emporium-config-"))

type Entry = { resolve: string; options?: { providers?: { resolve: string }[] } }
const resolvedNames = (modules: unknown) =>
  (modules as Entry[]).flatMap((m) => [m.resolve, ...(m.options?.providers ?? []).map((p) => p.resolve)])

describe("environment", () => {
  it("runs with no variables at all: port 9000, embedded database, no Redis", () => {
    const env = readEnv({})
    expect(env.PORT).toBe(9000)
    expect(env.DATABASE_URL).toBeUndefined()
    expect(env.REDIS_URL).toBeUndefined()
    expect(env.EMPORIUM_VANILLA).toBe(false)
  })

  it.each([
    [{ PORT: "abc" }, /PORT must be a number/],
    [{ PORT: "70000" }, /PORT must be between 1 and 65535/],
    [{ DATABASE_URL: "mysql://x@y/z" }, /DATABASE_URL must be a URL starting with postgres:\/\/ or postgresql:\/\//],
    [{ DATABASE_URL: "not a url" }, /DATABASE_URL must be a URL/],
    [{ REDIS_URL: "localhost:6379" }, /REDIS_URL must be a URL starting with redis:\/\//],
    [{ JWT_SECRET: "short" }, /JWT_SECRET must be at least 16 characters/],
    [{ EMPORIUM_LOW_STOCK_THRESHOLD: "-1" }, /EMPORIUM_LOW_STOCK_THRESHOLD must be 0 or more/],
    [{ EMPORIUM_LOW_STOCK_THRESHOLD: "2.5" }, /EMPORIUM_LOW_STOCK_THRESHOLD must be a whole number/],
  ])("refuses %j with one clear sentence", (vars, message) => {
    expect(() => readEnv(vars)).toThrow(ConfigurationError)
    expect(() => readEnv(vars)).toThrow(message)
  })

  it("treats an empty variable as unset", () => {
    expect(readEnv({ DATABASE_URL: "", PORT: "" }).DATABASE_URL).toBeUndefined()
  })
})

describe("medusa config", () => {
  it("uses in-process infrastructure and PostgreSQL advisory locks without REDIS_URL", () => {
    const config = buildMedusaConfig(readEnv({}), tmp())
    const names = resolvedNames(config.modules)
    expect(names).toContain("@medusajs/medusa/locking-postgres")
    expect(names.some((n) => n.includes("redis"))).toBe(false)
    expect(config.projectConfig?.redisUrl).toBeUndefined()
  })

  it("puts REDIS_PREFIX before every Redis key: queues, cache, locks, store cache, sessions", () => {
    const config = buildMedusaConfig(readEnv({ REDIS_URL: "redis://127.0.0.1:6379", REDIS_PREFIX: "shop-a:" }), tmp())
    const text = JSON.stringify(config.modules)
    expect(text).toContain('"prefix":"shop-a:bull"')
    expect(text).toContain('"namespace":"shop-a:medusa:"')
    expect(text).toContain('"namespace":"shop-a:medusa_lock:"')
    expect(text).toContain('"prefix":"shop-a:emporium:caching:"')
    expect(text).toMatch(/"namespace":"shop-a:emporium:store-cache:[0-9a-f]{12}"/)
    expect(config.projectConfig?.redisPrefix).toBe("shop-a:")
    expect(() => readEnv({ REDIS_PREFIX: "shop a" })).toThrow(/REDIS_PREFIX/)
  })

  it("loads Medusa's Caching Module and the store read cache, which EMPORIUM_STORE_CACHE=false turns off; vanilla has neither", () => {
    const storeCache = (vars: Record<string, string>) =>
      (buildMedusaConfig(readEnv(vars), tmp()).modules as { resolve: string; options?: { enabled?: boolean } }[]).find(
        (m) => m.resolve === "./src/modules/store-cache"
      )
    const names = (vars: Record<string, string>) => resolvedNames(buildMedusaConfig(readEnv(vars), tmp()).modules)
    expect(names({})).toContain("@medusajs/medusa/caching")
    expect(storeCache({})?.options?.enabled).toBe(true)
    expect(storeCache({ EMPORIUM_STORE_CACHE: "false" })?.options?.enabled).toBe(false)
    expect(() => readEnv({ EMPORIUM_STORE_CACHE: "sometimes" })).toThrow(/EMPORIUM_STORE_CACHE must be true or false/)
    expect(names({ EMPORIUM_VANILLA: "true" })).not.toContain("@medusajs/medusa/caching")
    expect(storeCache({ EMPORIUM_VANILLA: "true" })).toBeUndefined()
  })

  it("moves event bus, workflow engine, cache, locking and sessions to Redis with REDIS_URL", () => {
    const config = buildMedusaConfig(readEnv({ REDIS_URL: "redis://127.0.0.1:6379" }), tmp())
    const names = resolvedNames(config.modules)
    expect(names).toEqual(
      expect.arrayContaining([
        "@medusajs/medusa/event-bus-redis",
        "@medusajs/medusa/workflow-engine-redis",
        "@medusajs/medusa/cache-redis",
        "@medusajs/medusa/locking-redis",
        "@medusajs/medusa/caching-redis",
      ])
    )
    expect(names).not.toContain("@medusajs/medusa/locking-postgres")
    expect(config.projectConfig?.redisUrl).toBe("redis://127.0.0.1:6379")
  })

  it("routes each notification channel to one provider: the dev mailbox by default, SMTP, SendGrid or the SMS API when configured; vanilla is Medusa's defaults", () => {
    type Providers = { id: string; options?: { channels?: string[] } }[]
    const build = (vars: Record<string, string>) => defineConfig(buildMedusaConfig(readEnv(vars), tmp()))
    const routes = (vars: Record<string, string>) => {
      const modules = build(vars).modules as Record<string, { options?: { providers?: Providers } }>
      const providers = modules.notification.options?.providers ?? []
      return Object.fromEntries(providers.flatMap((p) => (p.options?.channels ?? []).map((c) => [c, p.id])))
    }
    expect(routes({})).toEqual({ feed: "local", email: "mailbox", sms: "mailbox", push: "web-push" })
    expect(routes({ SMTP_URL: "smtp://u:p@mail.test:587" }).email).toBe("smtp")
    expect(routes({ SENDGRID_API_KEY: "SG.abc.def", EMAIL_FROM: "Shop <shop@acme.test>" }).email).toBe("sendgrid")
    expect(routes({ TWILIO_ACCOUNT_SID: "AC0123456789", TWILIO_AUTH_TOKEN: "token-123", TWILIO_FROM: "+15005550006" }).sms).toBe("sms-http")
    expect(routes({ EMPORIUM_VANILLA: "true" })).toEqual({ feed: "local" })
    expect(build({}).plugins?.map((p) => (typeof p === "string" ? p : p.resolve))).toContain("@emporium/medusa-notifications")
    expect(build({ EMPORIUM_VANILLA: "true" }).plugins?.map((p) => (typeof p === "string" ? p : p.resolve))).not.toContain("@emporium/medusa-notifications")
    expect(() => readEnv({ SENDGRID_API_KEY: "SG.abc.def" })).toThrow(/EMAIL_FROM is required with SENDGRID_API_KEY/)
    expect(() => readEnv({ TWILIO_ACCOUNT_SID: "AC0123456789" })).toThrow(/TWILIO_AUTH_TOKEN and TWILIO_FROM are required/)
    expect(() => readEnv({ SMTP_URL: "http://mail.test" })).toThrow(/SMTP_URL must be a URL starting with smtp:\/\//)
  })

  it("generates the Web Push VAPID key pair once and keeps it, unless the environment gives one", () => {
    const dir = tmp()
    const pushKey = (vars: Record<string, string>) => {
      const plugin = defineConfig(buildMedusaConfig(readEnv(vars), dir)).plugins?.find((p) => typeof p !== "string" && p.resolve === "@emporium/medusa-notifications")
      return (plugin as { options: { push?: { vapidPublicKey: string } } }).options.push?.vapidPublicKey
    }
    const generated = pushKey({})
    expect(Buffer.from(generated!, "base64url")).toHaveLength(65)
    expect(pushKey({})).toBe(generated)
    const given = "B" + "A".repeat(86)
    expect(pushKey({ VAPID_PUBLIC_KEY: given, VAPID_PRIVATE_KEY: "C".repeat(43) })).toBe(given)
    expect(() => readEnv({ VAPID_PUBLIC_KEY: given })).toThrow(/go together/)
  })

  it("gives the stock ledger the low-stock threshold (5 by default) and runs the checkout holds module; vanilla has neither", () => {
    type Modules = Record<string, { resolve?: string; options?: { low_stock_threshold?: number } }>
    const modules = (vars: Record<string, string>) => defineConfig(buildMedusaConfig(readEnv(vars), tmp())).modules as Modules
    expect(modules({}).stock_ledger?.options?.low_stock_threshold).toBe(5)
    expect(modules({ EMPORIUM_LOW_STOCK_THRESHOLD: "12" }).stock_ledger?.options?.low_stock_threshold).toBe(12)
    expect(modules({}).stock_hold?.resolve).toBe("./src/modules/stock-hold")
    expect(modules({ EMPORIUM_VANILLA: "true" }).stock_hold).toBeUndefined()
    expect(modules({ EMPORIUM_VANILLA: "true" }).stock_ledger).toBeUndefined()
  })

  it("prices shipping with the transport module's house carrier beside Medusa's manual provider, and keeps private files (labels) out of the served static folder", () => {
    type Modules = Record<string, { resolve?: string; options?: { providers?: { resolve: string; id: string; options?: Record<string, unknown> }[] } }>
    const dir = tmp()
    const modules = defineConfig(buildMedusaConfig(readEnv({}), dir)).modules as Modules
    expect(modules.fulfillment.options?.providers?.map((p) => `${p.resolve}#${p.id}`)).toEqual([
      "@medusajs/medusa/fulfillment-manual#manual",
      "./src/modules/transport-fulfillment#house",
    ])
    expect(modules.transport?.resolve).toBe("./src/modules/transport")
    expect(modules.file.options?.providers?.[0].options?.private_upload_dir).toBe(path.join(dir, ".data", "private-files"))
    expect((defineConfig(buildMedusaConfig(readEnv({ EMPORIUM_VANILLA: "true" }), dir)).modules as Modules).transport).toBeUndefined()
  })

  it("scores checkouts with the fraud module, which EMPORIUM_FRAUD=false keeps but tells to score nothing; vanilla has none", () => {
    type Modules = Record<string, { resolve?: string; options?: { scoring?: boolean; redis_url?: string; namespace?: string } }>
    const modules = (vars: Record<string, string>) => defineConfig(buildMedusaConfig(readEnv(vars), tmp())).modules as Modules
    expect(modules({}).fraud).toMatchObject({ resolve: "./src/modules/fraud", options: { scoring: true } })
    expect(modules({ EMPORIUM_FRAUD: "" }).fraud?.options?.scoring).toBe(true)
    expect(modules({ REDIS_URL: "redis://127.0.0.1:6379", REDIS_PREFIX: "shop-a:" }).fraud?.options).toEqual({
      scoring: true,
      redis_url: "redis://127.0.0.1:6379",
      namespace: "shop-a:emporium:fraud",
    })
    expect(modules({ EMPORIUM_FRAUD: "false" }).fraud?.options?.scoring).toBe(false)
    expect(modules({ EMPORIUM_FRAUD: "0" }).fraud?.options?.scoring).toBe(false)
    expect(modules({ EMPORIUM_VANILLA: "true" }).fraud).toBeUndefined()
    expect(() => readEnv({ EMPORIUM_FRAUD: "off" })).toThrow(/EMPORIUM_FRAUD must be true or false/)
  })

  it("searches with the PostgreSQL provider", () => {
    const modules = defineConfig(buildMedusaConfig(readEnv({}), tmp())).modules as Record<
      string,
      { options?: { providers?: { resolve: string }[] } }
    >
    expect(modules.search.options?.providers?.map((p) => p.resolve)).toEqual(["@medusajs/medusa/search-postgres"])
  })

  it("generates secrets once into the data dir and reuses them; never a literal", () => {
    const dir = tmp()
    const first = buildMedusaConfig(readEnv({}), dir).projectConfig?.http
    const second = buildMedusaConfig(readEnv({}), dir).projectConfig?.http
    expect(first?.jwtSecret).toHaveLength(32)
    expect(first?.jwtSecret).not.toBe(first?.cookieSecret)
    expect(second?.jwtSecret).toBe(first?.jwtSecret)
    expect(fs.statSync(path.join(dir, ".data", "secrets.json")).mode & 0o077).toBe(0)
    const other = buildMedusaConfig(readEnv({}), tmp()).projectConfig?.http
    expect(other?.jwtSecret).not.toBe(first?.jwtSecret)
  })

  it("takes secrets from the environment when given", () => {
    const http = buildMedusaConfig(
      readEnv({ JWT_SECRET: "j".repeat(32), COOKIE_SECRET: "c".repeat(32) }),
      tmp()
    ).projectConfig?.http
    expect(http?.jwtSecret).toBe("j".repeat(32))
    expect(http?.cookieSecret).toBe("c".repeat(32))
  })

  it("marks session cookies Secure exactly when the public URL is https", () => {
    expect(buildMedusaConfig(readEnv({}), tmp()).projectConfig?.cookieOptions?.secure).toBe(false)
    expect(
      buildMedusaConfig(readEnv({ MEDUSA_BACKEND_URL: "https://shop.example.com" }), tmp()).projectConfig
        ?.cookieOptions?.secure
    ).toBe(true)
  })
})
