import { sendAdminJson } from "../../../lib/send-admin-json"
import type { BlocklistEntry, BlocklistType, RuleSet, SavedRuleSet, ReviewStatus } from "./types"

export const RULES_PATH = "/admin/fraud/rules"

export const reviewsPath = (status: ReviewStatus | "all", limit: number, offset: number) =>
  `/admin/fraud/reviews?${new URLSearchParams({ status, limit: String(limit), offset: String(offset) })}`

export const assessmentsPath = (orderId: string) => `/admin/fraud/assessments?${new URLSearchParams({ order_id: orderId })}`

export const blocklistPath = (filter: { type: BlocklistType | "all"; q: string }, limit: number, offset: number) => {
  const params = new URLSearchParams({ limit: String(limit), offset: String(offset) })
  if (filter.type !== "all") params.set("type", filter.type)
  if (filter.q.trim()) params.set("q", filter.q.trim())
  return `/admin/fraud/blocklist?${params}`
}

const reviewPath = (orderId: string, action: "approve" | "reject") =>
  `/admin/fraud/reviews/${encodeURIComponent(orderId)}/${action}`

/** Approves a held order: its payment is captured. */
export const approveReview = (orderId: string, note: string) =>
  sendAdminJson<unknown>("POST", reviewPath(orderId, "approve"), note.trim() ? { note: note.trim() } : {})

/** Rejects a held order: canceled, refunded or voided, restocked; the chosen values blocklisted. */
export const rejectReview = (orderId: string, note: string, blocklist: BlocklistType[]) =>
  sendAdminJson<unknown>("POST", reviewPath(orderId, "reject"), {
    ...(note.trim() ? { note: note.trim() } : {}),
    ...(blocklist.length ? { blocklist } : {}),
  })

/** Saves the rules as a new version; the server's 400 message says what is wrong. */
export const saveRuleSet = (ruleSet: RuleSet) =>
  sendAdminJson<{ rule_set: SavedRuleSet }>("POST", RULES_PATH, {
    review_threshold: ruleSet.review_threshold,
    reject_threshold: ruleSet.reject_threshold,
    rules: ruleSet.rules,
  })

export const addBlocklistEntry = (entry: { type: BlocklistType; value: string; reason: string }) =>
  sendAdminJson<{ entry: BlocklistEntry }>("POST", "/admin/fraud/blocklist", {
    type: entry.type,
    value: entry.value.trim(),
    ...(entry.reason.trim() ? { reason: entry.reason.trim() } : {}),
  })

export const removeBlocklistEntry = (id: string) =>
  sendAdminJson<unknown>("DELETE", `/admin/fraud/blocklist/${encodeURIComponent(id)}`)
