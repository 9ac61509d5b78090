import { useCallback, useEffect, useState } from "react"

/**
 * Calls an admin route with the dashboard's session cookie; resolves with the JSON answer,
 * rejects with the API's own `message` when it gave one. Self-contained on purpose: a plugin's
 * admin code cannot import the host app's helpers.
 */
export async function requestAdminJson<T>(method: "GET" | "POST", path: string): Promise<T> {
  const response = await fetch(path, { method, credentials: "include", headers: { accept: "application/json" } })
  const body = await response.json().catch(() => null)
  if (!response.ok) throw new Error(body?.message ?? `${response.status} ${response.statusText}`)
  return body as T
}

export const errorText = (e: unknown) => (e instanceof Error ? e.message : String(e))

/** `path` with the non-empty `params` as its query string. */
export function withQuery(path: string, params: Record<string, string | number | null | undefined>): string {
  const query = new URLSearchParams()
  for (const [key, value] of Object.entries(params)) {
    if (value !== null && value !== undefined && value !== "") query.set(key, String(value))
  }
  const text = query.toString()
  return text ? `${path}?${text}` : path
}

/**
 * GETs an admin route (nothing while `path` is null). `data` is the latest answer and stays while
 * another path loads, so a paged table does not flash empty; `loading` says whether the answer
 * for the current path (and the latest `reload`) is still outstanding. An answer that arrives
 * after the path changed is dropped. `error` belongs to the current path only.
 */
export function useAdminGet<T>(path: string | null) {
  const [data, setData] = useState<T | null>(null)
  const [failure, setFailure] = useState<{ path: string; message: string } | null>(null)
  const [answered, setAnswered] = useState<string | null>(null)
  const [nonce, setNonce] = useState(0)
  const reload = useCallback(() => setNonce((n) => n + 1), [])
  const key = `${nonce} ${path}`

  useEffect(() => {
    if (!path) return
    let live = true
    requestAdminJson<T>("GET", path).then(
      (body) => {
        if (!live) return
        setData(body)
        setFailure(null)
        setAnswered(key)
      },
      (e: unknown) => {
        if (!live) return
        setFailure({ path, message: errorText(e) })
        setAnswered(key)
      }
    )
    return () => {
      live = false
    }
  }, [path, key])

  return {
    data,
    error: failure && failure.path === path ? failure.message : null,
    loading: !!path && answered !== key,
    reload,
  }
}
