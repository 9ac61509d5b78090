import type { AuthenticatedMedusaRequest, MedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { ContainerRegistrationKeys, MedusaError } from "@medusajs/framework/utils"
import { recommendationService } from "../../../../utils/recommendations"
import type { AdminCreateRecommendationRuleType, AdminListRecommendationRulesType } from "../validators"

/**
 * GET /admin/recommendations/rules — the merchant's pins and exclusions, filtered by list, page,
 * product or scope (`every_page` / `product_pages`), paginated (`limit` ≤ 500, default 200).
 */
export async function GET(req: MedusaRequest<unknown, AdminListRecommendationRulesType>, res: MedusaResponse) {
  const { scope, limit, offset, ...filters } = req.validatedQuery as AdminListRecommendationRulesType
  const anchor = scope === "every_page" ? { anchor_product_id: null } : scope === "product_pages" ? { anchor_product_id: { $ne: null } } : {}
  const [rules, count] = await recommendationService(req.scope).listAndCountRecommendationRules(
    { ...filters, ...anchor },
    { order: { list: "ASC", position: "ASC", id: "ASC" }, take: limit, skip: offset }
  )
  res.json({ rules, count, limit, offset })
}

/**
 * POST /admin/recommendations/rules — pins a product to the top of a list, or excludes it.
 * Setting a rule again for the same list, page and product replaces it (pin ↔ exclude).
 */
export async function POST(req: AuthenticatedMedusaRequest<AdminCreateRecommendationRuleType>, res: MedusaResponse) {
  const body = req.validatedBody
  const anchor = body.anchor_product_id ?? null
  const query = req.scope.resolve(ContainerRegistrationKeys.QUERY)
  const ids = [body.product_id, ...(anchor ? [anchor] : [])]
  const { data } = await query.graph({ entity: "product", fields: ["id"], filters: { id: ids } })
  const found = new Set(data.map((p: { id: string }) => p.id))
  const missing = ids.filter((id) => !found.has(id))
  if (missing.length) {
    throw new MedusaError(MedusaError.Types.NOT_FOUND, `Product not found: ${missing.join(", ")}`)
  }
  const service = recommendationService(req.scope)
  const existing = await service.listRecommendationRules({ list: body.list, anchor_product_id: anchor, product_id: body.product_id })
  if (existing.length) {
    await service.deleteRecommendationRules(existing.map((r) => r.id))
  }
  const rule = await service.createRecommendationRules({
    list: body.list,
    anchor_product_id: anchor,
    product_id: body.product_id,
    action: body.action,
    position: body.position,
    created_by: req.auth_context?.actor_id ?? null,
  })
  service.noteChange("rules")
  res.status(201).json({ rule })
}
