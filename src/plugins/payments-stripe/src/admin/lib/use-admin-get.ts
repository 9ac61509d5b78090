import { useCallback, useEffect, useState } from "react"

/**
 * GET an admin route with the dashboard's session cookie. Self-contained on purpose: a plugin's
 * admin code cannot import the host app's helpers.
 */
export function useAdminGet<T>(path: string | null) {
  const [data, setData] = useState<T | null>(null)
  const [error, setError] = useState<string | null>(null)
  const [nonce, setNonce] = useState(0)
  const reload = useCallback(() => setNonce((n) => n + 1), [])

  useEffect(() => {
    if (!path) return
    let live = true
    setError(null)
    fetch(path, { credentials: "include", headers: { accept: "application/json" } })
      .then(async (response) => {
        const body = await response.json().catch(() => ({}))
        if (!response.ok) throw new Error(body?.message ?? `${response.status} ${response.statusText}`)
        if (live) setData(body as T)
      })
      .catch((e: Error) => live && setError(e.message))
    return () => {
      live = false
    }
  }, [path, nonce])

  return { data, error, reload }
}

export function formatMinor(amount: number, currency: string): string {
  const digits = new Intl.NumberFormat("en", { style: "currency", currency }).resolvedOptions().maximumFractionDigits ?? 2
  return new Intl.NumberFormat(undefined, { style: "currency", currency }).format(amount / 10 ** digits)
}

export const formatWhen = (iso: string | null) => (iso ? new Date(iso).toLocaleString() : "—")
