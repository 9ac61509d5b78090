import type { MedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { readSearchStatus } from "./read-status"

/**
 * GET /admin/search/status — each registered search index: provider and status, the documents it
 * serves next to the source rows a rebuild would write, the last rebuild, the one running (with
 * progress) and the last failures.
 */
export async function GET(req: MedusaRequest, res: MedusaResponse) {
  res.json({ indexes: await readSearchStatus(req.scope) })
}
