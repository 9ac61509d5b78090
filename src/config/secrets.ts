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
  const file = path.join(dir, "secrets.json")
  const stored = readStoredSecrets(dir)
  if (!stored[name]) {
    stored[name] = crypto.randomBytes(24).toString("base64url")
    fs.mkdirSync(dir, { recursive: true })
    fs.writeFileSync(file, JSON.stringify(stored, null, 2), { mode: 0o600 })
  }
  return stored[name]
}

/** The secrets generated so far, without generating any. */
export function readStoredSecrets(dir: string): Record<string, string> {
  const file = path.join(dir, "secrets.json")
  return fs.existsSync(file) ? JSON.parse(fs.readFileSync(file, "utf8")) : {}
}

/** JWT and cookie secrets: from the environment when given, otherwise stored ones. */
export function resolveSecrets(env: Env, dir: string): Secrets {
  return {
    jwtSecret: env.JWT_SECRET ?? storedSecret(dir, "jwtSecret"),
    cookieSecret: env.COOKIE_SECRET ?? storedSecret(dir, "cookieSecret"),
  }
}
