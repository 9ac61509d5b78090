import type { Env } from "../../src/config/env"
import { emporiumCoreModules, infrastructureModules, notifications } from "../../src/config/medusa"

type Entry = { resolve: string; options?: Record<string, unknown> }

const LABELS: Record<string, string> = {
  "@medusajs/medusa/event-bus-redis": "event bus: Redis",
  "@medusajs/medusa/workflow-engine-redis": "workflow engine: Redis",
  "@medusajs/medusa/cache-redis": "cache: Redis",
  "@medusajs/medusa/locking-redis": "locking: Redis",
  "@medusajs/medusa/caching-redis": "store read cache: in memory in front of Redis (Medusa Caching Module)",
  "@medusajs/medusa/locking-postgres": "locking: PostgreSQL advisory locks",
  "@medusajs/medusa/search-postgres": "search: PostgreSQL (Medusa Search Module)",
}

function providers(entry: Entry): Entry[] {
  const list = entry.options?.providers
  return Array.isArray(list) ? (list as Entry[]) : []
}

/**
 * The backing services in use, read off the same module list medusa-config.ts
 * is built from, so the start banner cannot drift from the real configuration.
 */
export function describeServices(env: Env, database: string): string[] {
  const entries = [...infrastructureModules(env), ...(env.EMPORIUM_VANILLA ? [] : emporiumCoreModules(env))]
  const resolved = [...new Set(entries.flatMap((e) => [e, ...providers(e)]).map((e) => e.resolve))]
  const lines = [`database: ${database}`]
  lines.push(...resolved.filter((r) => LABELS[r]).map((r) => LABELS[r]))
  if (!env.EMPORIUM_VANILLA && !env.EMPORIUM_STORE_CACHE) lines.push("store read cache: off (EMPORIUM_STORE_CACHE=false)")
  else if (!env.EMPORIUM_VANILLA && !env.REDIS_URL) lines.push("store read cache: in memory (Medusa Caching Module)")
  if (!env.REDIS_URL) {
    lines.push("event bus, workflow engine, cache: in-memory (set REDIS_URL for Redis)")
  }
  if (!env.EMPORIUM_VANILLA) lines.push(describeNotifications(env))
  lines.push("payments: Medusa system provider (pp_system_default)")
  return lines
}

const NOTIFICATION_PROVIDER_LABELS: Record<string, string> = {
  smtp: "SMTP",
  sendgrid: "SendGrid",
  "sms-http": "SMS API",
  "web-push": "web push (VAPID)",
}

/** Where each notification channel goes, read off the plugin options the configuration builds. */
function describeNotifications(env: Env): string {
  const { channels } = notifications(env).plugin.options as { channels: Record<"email" | "sms" | "push", string | null> }
  const label = (provider: string | null, mailboxHint = "") =>
    provider === "mailbox" ? `dev mailbox${mailboxHint}` : (NOTIFICATION_PROVIDER_LABELS[provider ?? ""] ?? "none")
  return `notifications: e-mail → ${label(channels.email, " (admin → Mailbox; set SMTP_URL to send)")}, SMS → ${label(channels.sms)}, ${label(channels.push)}`
}
