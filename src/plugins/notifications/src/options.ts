import { MedusaError } from "@medusajs/framework/utils"
import type { Branding } from "./templates/data"

/**
 * The plugin's options (`plugins: [{ resolve: "@emporium/medusa-notifications", options }]`).
 * Providers are configured separately, on Medusa's Notification Module: see `config.ts`.
 */
export type NotificationsPluginOptions = {
  /** Signs the one-click unsubscribe links. Required; keep it stable, or old links stop working. */
  secret: string
  /** Name, logo, colour and footer of every message. Only `storeName` is needed; it defaults to "Our store". */
  branding?: Partial<Branding>
  /** The storefront's base URL: order pages, cart recovery and customers' password-reset links point here. */
  storefrontUrl?: string
  /** This server's public base URL: the unsubscribe link points here. Default http://localhost:9000. */
  backendUrl?: string
  /** The admin dashboard's base URL for merchants' links. Default `<backendUrl>/app`. */
  adminUrl?: string
  /** Language for recipients whose locale is unknown ("en", "de", "fr"). Default "en". */
  defaultLocale?: string
  /** Who gets merchants' mails (fraud review, stock alerts). Default: every admin user. */
  merchantEmails?: string[]
  /**
   * Password-reset links, with `{token}` and `{email}` placeholders. Defaults:
   * customer `<storefrontUrl>/account/reset-password?token={token}&email={email}`,
   * admin user `<adminUrl>/reset-password?token={token}`.
   */
  passwordResetUrls?: { customer?: string; user?: string }
  /** Minutes a reset token lives, as configured on Medusa's auth (shown in the mail). Default 15. */
  passwordResetMinutes?: number
  abandonedCart?: {
    /** Send no reminders at all. Default false. */
    disabled?: boolean
    /** A cart untouched this long, with an e-mail and not completed, gets one reminder. Default 4. */
    idleHours?: number
    /** Carts untouched longer than this are left alone. Default 72. */
    maxIdleHours?: number
    /** The link in the reminder, with `{cart_id}`. Default `<storefrontUrl>/cart?cart_id={cart_id}`. */
    resumeUrl?: string
  }
  retry?: {
    /** Attempts per message before it stays failed (the admin can still resend). Default 5. */
    maxAttempts?: number
    /** Wait before the 2nd attempt; each later wait is 5× longer. Default 60. */
    baseDelaySeconds?: number
  }
  /**
   * The provider serving each channel on Medusa's Notification Module, shown in the admin;
   * `notificationsConfig()` fills it. An SMS is queued only when `sms` has a provider.
   */
  channels?: { email?: string | null; sms?: string | null; push?: string | null }
  /** Set when a web-push provider is configured: storefronts read the public key to subscribe. */
  push?: { vapidPublicKey: string }
}

export type ResolvedNotificationsOptions = Required<
  Omit<NotificationsPluginOptions, "merchantEmails" | "push" | "branding" | "passwordResetUrls" | "abandonedCart" | "retry" | "channels">
> & {
  branding: Branding
  merchantEmails: string[] | null
  push: { vapidPublicKey: string } | null
  passwordResetUrls: { customer: string; user: string }
  abandonedCart: { disabled: boolean; idleHours: number; maxIdleHours: number; resumeUrl: string }
  retry: { maxAttempts: number; baseDelaySeconds: number }
  channels: { email: string | null; sms: string | null; push: string | null }
  sms: boolean
}

const trimSlash = (url: string) => url.replace(/\/+$/, "")

export function resolveNotificationsOptions(options: Partial<NotificationsPluginOptions> = {}): ResolvedNotificationsOptions {
  const problems: string[] = []
  if (!options.secret || options.secret.length < 16) {
    problems.push("`secret` must be at least 16 characters (it signs unsubscribe links).")
  }
  for (const key of ["storefrontUrl", "backendUrl", "adminUrl"] as const) {
    const value = options[key]
    if (value !== undefined && !/^https?:\/\//.test(value)) problems.push(`\`${key}\` must be an http(s) URL, got "${value}".`)
  }
  const idle = options.abandonedCart?.idleHours ?? 4
  const maxIdle = options.abandonedCart?.maxIdleHours ?? 72
  if (!(idle > 0) || !(maxIdle > idle)) problems.push("`abandonedCart.idleHours` must be > 0 and below `abandonedCart.maxIdleHours`.")
  const maxAttempts = options.retry?.maxAttempts ?? 5
  if (!Number.isInteger(maxAttempts) || maxAttempts < 1) problems.push("`retry.maxAttempts` must be a whole number ≥ 1.")
  if (problems.length) {
    throw new MedusaError(MedusaError.Types.INVALID_DATA, `@emporium/medusa-notifications options: ${problems.join(" ")}`)
  }
  const storefrontUrl = trimSlash(options.storefrontUrl ?? "http://localhost:8000")
  const backendUrl = trimSlash(options.backendUrl ?? "http://localhost:9000")
  const adminUrl = trimSlash(options.adminUrl ?? `${backendUrl}/app`)
  return {
    secret: options.secret!,
    branding: { storeName: "Our store", primaryColor: "#111827", ...options.branding },
    storefrontUrl,
    backendUrl,
    adminUrl,
    defaultLocale: options.defaultLocale ?? "en",
    merchantEmails: options.merchantEmails?.length ? options.merchantEmails : null,
    passwordResetUrls: {
      customer: options.passwordResetUrls?.customer ?? `${storefrontUrl}/account/reset-password?token={token}&email={email}`,
      user: options.passwordResetUrls?.user ?? `${adminUrl}/reset-password?token={token}`,
    },
    passwordResetMinutes: options.passwordResetMinutes ?? 15,
    abandonedCart: {
      disabled: options.abandonedCart?.disabled ?? false,
      idleHours: idle,
      maxIdleHours: maxIdle,
      resumeUrl: options.abandonedCart?.resumeUrl ?? `${storefrontUrl}/cart?cart_id={cart_id}`,
    },
    retry: { maxAttempts, baseDelaySeconds: options.retry?.baseDelaySeconds ?? 60 },
    channels: { email: options.channels?.email ?? null, sms: options.channels?.sms ?? null, push: options.channels?.push ?? null },
    sms: !!options.channels?.sms,
    push: options.channels?.push && options.push?.vapidPublicKey ? options.push : null,
  }
}

/** Fills `{name}` placeholders, URL-encoding each value. */
export function fillUrl(template: string, values: Record<string, string>): string {
  return template.replace(/\{(\w+)\}/g, (whole, key: string) => (key in values ? encodeURIComponent(values[key]) : whole))
}
