import type { MedusaContainer } from "@medusajs/framework/types"
import { ContainerRegistrationKeys } from "@medusajs/framework/utils"

/** What the admin sees of an assessment: everything scored and decided, and its order when there is one. */
export const ASSESSMENT_FIELDS = [
  "id",
  "cart_id",
  "order_id",
  "customer_id",
  "email",
  "ip",
  "address_key",
  "card_fingerprint",
  "amount",
  "currency_code",
  "score",
  "decision",
  "reasons",
  "rule_set_version",
  "review_status",
  "reviewed_by",
  "reviewed_at",
  "review_note",
  "created_at",
]

const ORDER_FIELDS = ["id", "display_id", "email", "total", "currency_code", "created_at", "status"]

export type AssessmentFilters = Record<string, unknown>

/**
 * Assessments newest first with their orders (through the read-only fraud_assessment → order
 * link), in one query. `count` is the total matching, for paging.
 */
export async function listAssessmentsWithOrders(
  scope: MedusaContainer,
  filters: AssessmentFilters,
  page: { limit: number; offset: number }
): Promise<{ assessments: Record<string, unknown>[]; count: number }> {
  const query = scope.resolve(ContainerRegistrationKeys.QUERY)
  const { data, metadata } = await query.graph({
    entity: "fraud_assessment",
    fields: [...ASSESSMENT_FIELDS, ...ORDER_FIELDS.map((field) => `order.${field}`)],
    filters,
    pagination: { skip: page.offset, take: page.limit, order: { created_at: "DESC", id: "DESC" } },
  })
  const assessments = (data as Record<string, unknown>[]).map(({ order, ...assessment }) => ({
    ...assessment,
    order: order ? presentOrder(order as Record<string, unknown>) : null,
  }))
  return { assessments, count: metadata?.count ?? assessments.length }
}

function presentOrder(order: Record<string, unknown>) {
  return Object.fromEntries(ORDER_FIELDS.map((field) => [field, field === "total" ? Number(order.total ?? 0) : order[field] ?? null]))
}
