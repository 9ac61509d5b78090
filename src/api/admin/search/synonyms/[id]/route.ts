import type { MedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { deleteSearchSynonymGroupWorkflow } from "../../../../../workflows/search-tuning/delete-search-synonym-group"

/** DELETE /admin/search/synonyms/:id — removes the group and starts the product reindex; 404 when unknown. */
export async function DELETE(req: MedusaRequest, res: MedusaResponse) {
  const { result } = await deleteSearchSynonymGroupWorkflow(req.scope).run({ input: { id: req.params.id } })
  res.json({ id: req.params.id, object: "search_synonym_group", deleted: true, job_id: result.job_id })
}
