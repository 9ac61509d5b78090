// The admin user `npm start` created for the bench, logged in through Medusa's emailpass provider.
import fs from "node:fs"
import path from "node:path"
import { WORK_DIR } from "./servers.mjs"

/** A bearer token of the bench's admin user (password kept in the bench's data dir unless ADMIN_PASSWORD is set). */
export async function adminToken(baseUrl) {
  const secrets = JSON.parse(fs.readFileSync(path.join(WORK_DIR, "data", "secrets.json"), "utf8"))
  const email = process.env.ADMIN_EMAIL || "admin@emporium.test"
  const login = await fetch(`${baseUrl}/auth/user/emailpass`, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify({ email, password: process.env.ADMIN_PASSWORD || secrets.adminPassword }),
  })
  if (!login.ok) throw new Error(`admin login failed: ${login.status} ${await login.text()}`)
  const { token } = await login.json()
  return token
}

/** A small Admin API client (JSON in, JSON out; throws on a non-2xx answer). */
export async function adminClient(baseUrl) {
  const token = await adminToken(baseUrl)
  const headers = { authorization: `Bearer ${token}`, "content-type": "application/json" }
  const request = async (method, p, body) => {
    const res = await fetch(baseUrl + p, { method, headers, body: body && JSON.stringify(body) })
    const text = await res.text()
    if (!res.ok) throw new Error(`${method} ${p} answered ${res.status}: ${text.slice(0, 300)}`)
    return JSON.parse(text)
  }
  return { headers, get: (p) => request("GET", p), post: (p, b) => request("POST", p, b) }
}
