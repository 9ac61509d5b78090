import { useCallback, useEffect, useRef, useState } from "react"
import { AdminApiError, sendAdminJson } from "../../../lib/send-admin-json"
import type { Build, ProductSummary, RecommendationList, Rule, RuleAction } from "./types"

// The recommendation components import these from here.
export { AdminApiError, sendAdminJson }

export type NewRule = {
  list: RecommendationList
  /** The product page it applies to; null for every page. */
  anchor_product_id: string | null
  product_id: string
  action: RuleAction
  position?: number
}

export const createRule = (rule: NewRule) =>
  sendAdminJson<{ rule: Rule }>("POST", "/admin/recommendations/rules", {
    list: rule.list,
    product_id: rule.product_id,
    action: rule.action,
    ...(rule.anchor_product_id ? { anchor_product_id: rule.anchor_product_id } : {}),
    ...(rule.position !== undefined ? { position: rule.position } : {}),
  })

export const deleteRule = (id: string) => sendAdminJson<{ id: string; deleted: boolean }>("DELETE", `/admin/recommendations/rules/${id}`)

/** The position after the last pin among `rules`, so a new pin goes after the existing ones. */
export const nextPinPosition = (rules: Pick<Rule, "action" | "position">[]) =>
  Math.min(1000, rules.filter((r) => r.action === "pin").reduce((max, r) => Math.max(max, r.position + 1), 0))

/**
 * One action at a time for a group of buttons: `run(key, fn)` marks `key` busy, runs `fn`, keeps
 * its error message, then calls `onDone` (typically a reload) whether it worked or not.
 */
export function useActions(onDone: () => void) {
  const [busy, setBusy] = useState<string | null>(null)
  const [error, setError] = useState<string | null>(null)
  const run = useCallback(
    async (key: string, fn: () => Promise<unknown>) => {
      setBusy(key)
      setError(null)
      try {
        await fn()
      } catch (e) {
        setError(e instanceof Error ? e.message : String(e))
      } finally {
        setBusy(null)
        onDone()
      }
    },
    [onDone]
  )
  return { busy, error, run }
}

const POLL_MS = 800

/**
 * Follows a rebuild: polls `GET /admin/recommendations/builds/:id` until it has succeeded or
 * failed, then calls `onFinished` once. `follow(build)` starts following another build.
 */
export function useBuildProgress(onFinished: (build: Build) => void) {
  const [build, setBuild] = useState<Build | null>(null)
  const [error, setError] = useState<string | null>(null)
  const finished = useRef(onFinished)
  finished.current = onFinished
  const id = build?.id
  const running = build?.status === "running"

  useEffect(() => {
    if (!id || !running) return
    let stopped = false
    let timer: ReturnType<typeof setTimeout> | undefined
    const poll = async () => {
      try {
        const { build: next } = await sendAdminJson<{ build: Build }>("GET", `/admin/recommendations/builds/${id}`)
        if (stopped) return
        setError(null)
        setBuild(next)
        if (next.status !== "running") {
          finished.current(next)
          return
        }
      } catch (e) {
        if (stopped) return
        // A dropped request is retried; the build goes on on the server either way.
        setError(e instanceof Error ? e.message : String(e))
      }
      timer = setTimeout(poll, POLL_MS)
    }
    timer = setTimeout(poll, POLL_MS)
    return () => {
      stopped = true
      if (timer) clearTimeout(timer)
    }
  }, [id, running])

  const follow = useCallback((next: Build | null) => setBuild(next), [])
  return { build, error, follow }
}

/** Titles, thumbnails and statuses of these products (one request; none when there are no ids). */
export function useProductSummaries(ids: string[]): Map<string, ProductSummary> {
  const [products, setProducts] = useState<Map<string, ProductSummary>>(new Map())
  const key = [...new Set(ids)].sort().join(",")
  useEffect(() => {
    if (!key) return
    let current = true
    const wanted = key.split(",")
    const params = new URLSearchParams({ limit: String(wanted.length), fields: "id,title,thumbnail,status" })
    for (const id of wanted) params.append("id[]", id)
    sendAdminJson<{ products: ProductSummary[] }>("GET", `/admin/products?${params}`)
      .then((body) => current && setProducts(new Map(body.products.map((p) => [p.id, p]))))
      .catch(() => undefined) // titles are a nicety: ids are shown instead
    return () => {
      current = false
    }
  }, [key])
  return products
}
