import { toMajor } from "../../../../utils/money"
import type { BlocklistType, Decision, ReviewStatus, RuleType, VelocityKey } from "./types"

type BadgeColor = "green" | "orange" | "red" | "grey" | "blue"

export const DECISIONS: Record<Decision, { label: string; color: BadgeColor }> = {
  approve: { label: "Approve", color: "green" },
  review: { label: "Review", color: "orange" },
  reject: { label: "Reject", color: "red" },
}

export const REVIEW_STATUSES: Record<ReviewStatus, { label: string; color: BadgeColor }> = {
  pending: { label: "Pending review", color: "orange" },
  approved: { label: "Approved", color: "green" },
  rejected: { label: "Rejected", color: "red" },
}

export const RULE_TYPES: Record<RuleType, { label: string; description: string }> = {
  blocklist: { label: "Blocklist", description: "The e-mail, IP, card or address is on the blocklist." },
  disposable_email: { label: "Disposable e-mail", description: "The e-mail's domain is a throwaway mail service." },
  high_risk_country: { label: "High-risk country", description: "The shipping or billing country is one of these." },
  country_mismatch: { label: "Country mismatch", description: "Billing and shipping countries differ." },
  velocity: { label: "Velocity", description: "More checkout attempts than allowed by the same key within the window." },
  amount_vs_history: { label: "Amount vs. history", description: "The amount is over a multiple of the customer's average order." },
  amount_vs_store: { label: "Amount vs. store", description: "The amount is above a percentile of the store's orders in the currency (90 days)." },
  first_order_high_value: { label: "High-value first order", description: "The customer's first order is over the amount in its currency." },
  failed_payments: { label: "Failed payments", description: "More failed payment attempts on the cart than allowed." },
  external_signal: { label: "External signal", description: "A signal provider reports risk; its 0–100 risk scales the score." },
}

export const RULE_TYPE_ORDER = Object.keys(RULE_TYPES) as RuleType[]

export const VELOCITY_KEYS: Record<VelocityKey, string> = {
  email: "E-mail",
  customer: "Customer",
  ip: "IP address",
  card_fingerprint: "Card",
  address: "Shipping address",
}

export const BLOCKLIST_TYPES: Record<BlocklistType, string> = {
  email: "E-mail",
  ip: "IP address",
  address: "Shipping address",
  card_fingerprint: "Card fingerprint",
}

export const BLOCKLIST_TYPE_ORDER: BlocklistType[] = ["email", "ip", "address", "card_fingerprint"]

const moneyFormats = new Map<string, Intl.NumberFormat>()

/** `12.5, "eur"` → "€12.50" in the browser's locale; amounts in major units. */
export function formatMoney(amount: number, currencyCode: string): string {
  const code = currencyCode.toUpperCase()
  let format = moneyFormats.get(code)
  if (!format) {
    try {
      format = new Intl.NumberFormat(undefined, { style: "currency", currency: code })
    } catch {
      return `${amount} ${code}`
    }
    moneyFormats.set(code, format)
  }
  return format.format(amount)
}

/** An assessment's amount, kept in minor units (1250, "eur" → "€12.50"). */
export const formatMinor = (amount: number, currencyCode: string) => formatMoney(toMajor(amount, currencyCode), currencyCode)

export const formatWhen = (iso: string) => new Date(iso).toLocaleString(undefined, { dateStyle: "medium", timeStyle: "short" })
