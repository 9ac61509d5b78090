import type { RateTable } from "./types"

/** Sends JSON to an admin API path with the dashboard's session cookie; rejects with the API's message. */
async function sendJson<T>(method: "PUT" | "POST", path: string, body: unknown): Promise<T> {
  const res = await fetch(path, {
    method,
    credentials: "include",
    headers: { "content-type": "application/json" },
    body: JSON.stringify(body),
  })
  const json = await res.json().catch(() => null)
  if (!res.ok) {
    throw new Error(json?.message ?? `HTTP ${res.status}`)
  }
  return json as T
}

export const RATE_TABLE_PATH = "/admin/transport/rate-table"

export const saveRateTable = (table: RateTable) => sendJson<{ rate_table: RateTable }>("PUT", RATE_TABLE_PATH, table)

export const setWebhookSecret = (carrierCode: string, secret: string | null) =>
  sendJson<{ carrier: { code: string; has_webhook_secret: boolean } }>(
    "POST",
    `/admin/transport/carriers/${encodeURIComponent(carrierCode)}/webhook-secret`,
    { secret }
  )

/** Where a carrier sends its tracking webhooks: this backend (the dashboard is served by it). */
export const webhookUrl = (carrierCode: string) => `${window.location.origin}/hooks/transport/${encodeURIComponent(carrierCode)}`
