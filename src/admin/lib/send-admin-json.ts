/** An admin API answer other than 2xx: its message (the API's own when it gave one), status and body. */
export class AdminApiError extends Error {
  constructor(
    message: string,
    readonly status: number,
    readonly body: unknown = null
  ) {
    super(message)
  }
}

/**
 * Sends a request to an admin API path with the dashboard's session cookie, with a JSON body when
 * one is given; resolves with the JSON answer, rejects with an `AdminApiError`.
 */
export async function sendAdminJson<T>(method: "GET" | "POST" | "DELETE", path: string, body?: unknown): Promise<T> {
  const res = await fetch(path, {
    method,
    credentials: "include",
    headers: body === undefined ? undefined : { "content-type": "application/json" },
    body: body === undefined ? undefined : JSON.stringify(body),
  })
  const json = await res.json().catch(() => null)
  if (!res.ok) {
    throw new AdminApiError(json?.message ?? `HTTP ${res.status}`, res.status, json)
  }
  return json as T
}
