import type { MedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { SEARCH_TUNING_MODULE } from "../../../../modules/search-tuning"
import type SearchTuningModuleService from "../../../../modules/search-tuning/service"
import { createSearchSynonymGroupWorkflow } from "../../../../workflows/search-tuning/create-search-synonym-group"
import type { AdminCreateSearchSynonymGroupType, AdminListSearchSynonymGroupsType } from "./validators"

export const SYNONYM_GROUP_FIELDS = ["id", "terms", "created_at", "updated_at"] as const

const present = (group: Record<string, unknown>) => Object.fromEntries(SYNONYM_GROUP_FIELDS.map((field) => [field, group[field]]))

/** GET /admin/search/synonyms — the synonym groups, oldest first. */
export async function GET(req: MedusaRequest, res: MedusaResponse) {
  const { limit, offset } = req.validatedQuery as AdminListSearchSynonymGroupsType
  const service = req.scope.resolve<SearchTuningModuleService>(SEARCH_TUNING_MODULE)
  const [groups, count] = await service.listAndCountSearchSynonymGroups(
    {},
    { select: [...SYNONYM_GROUP_FIELDS], take: limit, skip: offset, order: { created_at: "ASC", id: "ASC" } }
  )
  res.json({ synonym_groups: groups.map(present), count, limit, offset })
}

/**
 * POST /admin/search/synonyms `{ terms }` — saves a group and starts the product reindex that puts
 * it into the documents → `{ synonym_group, job_id }`. The same terms as a saved group → 400 naming it.
 */
export async function POST(req: MedusaRequest<AdminCreateSearchSynonymGroupType>, res: MedusaResponse) {
  const { result } = await createSearchSynonymGroupWorkflow(req.scope).run({ input: { terms: req.validatedBody.terms } })
  res.json({ synonym_group: present(result.synonym_group as Record<string, unknown>), job_id: result.job_id })
}
