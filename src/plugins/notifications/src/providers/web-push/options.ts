import { createECDH } from "crypto"
import { optionalStringProblem, throwIfProblems, wholeNumberProblem } from "../option-problems"

/**
 * Options of the Web Push provider (channel `push`): the standard Web Push protocol
 * (RFC 8030) with VAPID (RFC 8292) and aes128gcm payload encryption (RFC 8291), through
 * the `web-push` package. Works with every browser's push service; no vendor account.
 */
export type WebPushOptions = {
  /**
   * VAPID public key, URL-safe base64 of the uncompressed P-256 point, as printed by
   * `npx web-push generate-vapid-keys` or returned by `webpush.generateVAPIDKeys()`.
   * The storefront passes the same key as `applicationServerKey` to
   * `pushManager.subscribe()`. Required.
   *
   * @example process.env.VAPID_PUBLIC_KEY
   */
  vapidPublicKey: string
  /**
   * VAPID private key (URL-safe base64, 32 bytes) of the same pair. Required; never logged.
   *
   * @example process.env.VAPID_PRIVATE_KEY
   */
  vapidPrivateKey: string
  /**
   * How push services can reach the sender: a `mailto:` address or an `https:` URL (the
   * JWT's `sub` claim). Required.
   *
   * @example "mailto:ops@example.com"
   */
  subject: string
  /**
   * How long a push service keeps a message for a browser that is offline, in seconds
   * (the `TTL` header); 0 means deliver now or never.
   *
   * @default 86400 (24 hours)
   */
  ttlSeconds?: number
  /**
   * How long one request to a push service may take, in milliseconds.
   *
   * @default 10000
   */
  timeoutMs?: number
  /**
   * PEM certificate(s) trusted for push services besides the usual public CAs. Only for a
   * local push service in tests (test-utils/web-push-endpoint) or a TLS-inspecting proxy.
   */
  ca?: string
}

export type ResolvedWebPushOptions = Omit<WebPushOptions, "ttlSeconds" | "timeoutMs"> & { ttlSeconds: number; timeoutMs: number }

export const DEFAULT_TTL_SECONDS = 24 * 60 * 60
export const DEFAULT_PUSH_TIMEOUT_MS = 10_000
/** web-push's own default TTL, four weeks; push services cap it lower anyway. */
const MAX_TTL_SECONDS = 28 * 24 * 60 * 60

const URL_SAFE_BASE64 = /^[A-Za-z0-9_-]+$/

function keyProblems(publicKey: unknown, privateKey: unknown): string[] {
  const problems: string[] = []
  const pub = typeof publicKey === "string" && URL_SAFE_BASE64.test(publicKey) ? Buffer.from(publicKey, "base64url") : undefined
  const priv = typeof privateKey === "string" && URL_SAFE_BASE64.test(privateKey) ? Buffer.from(privateKey, "base64url") : undefined
  if (!publicKey) problems.push("`vapidPublicKey` (VAPID_PUBLIC_KEY) is required")
  else if (!pub || pub.length !== 65 || pub[0] !== 4) problems.push("`vapidPublicKey` must be a P-256 public key in URL-safe base64 without padding (65 bytes once decoded)")
  if (!privateKey) problems.push("`vapidPrivateKey` (VAPID_PRIVATE_KEY) is required")
  else if (!priv || priv.length !== 32) problems.push("`vapidPrivateKey` must be a P-256 private key in URL-safe base64 without padding (32 bytes once decoded)")
  if (!problems.length && pub && priv) {
    // A public key from another pair would make every push service refuse every message.
    const ecdh = createECDH("prime256v1")
    try {
      ecdh.setPrivateKey(priv)
      if (!ecdh.getPublicKey().equals(pub)) problems.push("`vapidPublicKey` is not the public key of `vapidPrivateKey`")
    } catch {
      problems.push("`vapidPrivateKey` is not a valid P-256 private key")
    }
  }
  return problems
}

/** Checks the options when Medusa loads the provider, every problem at once. */
export function validateWebPushOptions(options: Partial<WebPushOptions> | undefined): ResolvedWebPushOptions {
  const problems = keyProblems(options?.vapidPublicKey, options?.vapidPrivateKey)
  const subject = options?.subject
  if (!subject || typeof subject !== "string") problems.push("`subject` (a mailto: address or https: URL) is required")
  else if (!/^mailto:[^@\s]+@[^@\s]+$/.test(subject) && !/^https:\/\/[^\s]+$/.test(subject)) {
    problems.push("`subject` must be a mailto: address or an https: URL")
  }
  for (const problem of [
    wholeNumberProblem(options?.ttlSeconds, "ttlSeconds", 0, MAX_TTL_SECONDS),
    wholeNumberProblem(options?.timeoutMs, "timeoutMs", 1, 300_000),
    optionalStringProblem(options?.ca, "ca"),
  ]) {
    if (problem) problems.push(problem)
  }
  if (typeof options?.ca === "string" && options.ca.trim() && !options.ca.includes("-----BEGIN CERTIFICATE-----")) {
    problems.push("`ca` must be PEM certificate text")
  }
  throwIfProblems("Web Push notification provider", problems)
  return {
    ...(options as WebPushOptions),
    ttlSeconds: options?.ttlSeconds ?? DEFAULT_TTL_SECONDS,
    timeoutMs: options?.timeoutMs ?? DEFAULT_PUSH_TIMEOUT_MS,
  }
}
