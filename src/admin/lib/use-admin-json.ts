import { useCallback, useEffect, useState } from "react"

/**
 * GETs an admin API path with the dashboard's session cookie. A response that arrives after
 * `path` changed (the admin paged on) never overwrites the newer one; `reload` fetches again.
 */
export function useAdminJson<T>(path: string) {
  const [data, setData] = useState<T | null>(null)
  const [error, setError] = useState<string | null>(null)
  const [generation, setGeneration] = useState(0)

  useEffect(() => {
    let current = true
    fetch(path, { credentials: "include" })
      .then(async (res) => {
        const body = await res.json()
        if (!res.ok) throw new Error(body?.message ?? `HTTP ${res.status}`)
        return body as T
      })
      .then((body) => {
        if (!current) return
        setData(body)
        setError(null)
      })
      .catch((e: unknown) => {
        if (current) setError(e instanceof Error ? e.message : String(e))
      })
    return () => {
      current = false
    }
  }, [path, generation])

  const reload = useCallback(() => setGeneration((g) => g + 1), [])
  return { data, error, reload }
}

/** POSTs JSON to an admin API path; rejects with the API's message. */
export async function postAdminJson<T>(path: string, body: unknown): Promise<T> {
  const res = await fetch(path, {
    method: "POST",
    credentials: "include",
    headers: { "content-type": "application/json" },
    body: JSON.stringify(body),
  })
  const json = await res.json()
  if (!res.ok) throw new Error(json?.message ?? `HTTP ${res.status}`)
  return json as T
}

/**
 * A button's POST: `post(body)` sends it, `busy` while it runs, `error` with the API's message if
 * it failed; `onDone` runs after a success (typically the `reload` of `useAdminJson`).
 */
export function useAdminPost(path: string, onDone: () => void) {
  const [busy, setBusy] = useState(false)
  const [error, setError] = useState<string | null>(null)

  const post = async (body: unknown) => {
    setBusy(true)
    setError(null)
    try {
      await postAdminJson(path, body)
      onDone()
    } catch (e) {
      setError(e instanceof Error ? e.message : String(e))
    } finally {
      setBusy(false)
    }
  }
  return { post, busy, error }
}
