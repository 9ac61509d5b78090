import crypto from "crypto"
import fs from "fs"
import path from "path"
import type { Env } from "./env"

export type Secrets = { jwtSecret: string; cookieSecret: string }

/**
 * A secret generated once into `<data dir>/secrets.json` (mode 0600) and reused on every
 * later start, so sessions survive restarts and no guessable literal ever signs a token.
 */
export function storedSecret(dir: string, name: string): string {
  const stored = readStoredSecrets(dir)
  if (!stored[name]) {
    stored[name] = crypto.randomBytes(24).toString("base64url")
    writeStoredSecrets(dir, stored)
  }
  return stored[name]
}

/** The secrets generated so far, without generating any. */
export function readStoredSecrets(dir: string): Record<string, string> {
  const file = path.join(dir, "secrets.json")
  return fs.existsSync(file) ? JSON.parse(fs.readFileSync(file, "utf8")) : {}
}

/** Replaces `<data dir>/secrets.json` (mode 0600: readable by this user only). */
function writeStoredSecrets(dir: string, stored: Record<string, string>): void {
  fs.mkdirSync(dir, { recursive: true })
  fs.writeFileSync(path.join(dir, "secrets.json"), JSON.stringify(stored, null, 2), { mode: 0o600 })
}

/** JWT and cookie secrets: from the environment when given, otherwise stored ones. */
export function resolveSecrets(env: Env, dir: string): Secrets {
  return {
    jwtSecret: env.JWT_SECRET ?? storedSecret(dir, "jwtSecret"),
    cookieSecret: env.COOKIE_SECRET ?? storedSecret(dir, "cookieSecret"),
  }
}

/**
 * A VAPID key pair for Web Push, generated once into the data directory like the secrets above:
 * browsers' push subscriptions are bound to the public key, so it must survive restarts.
 */
export function storedVapidKeys(dir: string): { publicKey: string; privateKey: string } {
  const stored = readStoredSecrets(dir)
  if (!stored.vapidPublicKey || !stored.vapidPrivateKey) {
    const { publicKey, privateKey } = crypto.generateKeyPairSync("ec", { namedCurve: "prime256v1" })
    const jwkPublic = publicKey.export({ format: "jwk" })
    const jwkPrivate = privateKey.export({ format: "jwk" })
    // Uncompressed point 0x04 || X || Y, URL-safe base64: the form browsers and web-push expect.
    stored.vapidPublicKey = Buffer.concat([Buffer.from([4]), Buffer.from(jwkPublic.x!, "base64url"), Buffer.from(jwkPublic.y!, "base64url")]).toString("base64url")
    stored.vapidPrivateKey = jwkPrivate.d!
    writeStoredSecrets(dir, stored)
  }
  return { publicKey: stored.vapidPublicKey, privateKey: stored.vapidPrivateKey }
}
