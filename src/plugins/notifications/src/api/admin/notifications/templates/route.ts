import type { MedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { listTemplates } from "../../../../templates"

/** `GET /admin/notifications/templates`: every message the store can send, with its audience and locales. */
export async function GET(_req: MedusaRequest, res: MedusaResponse) {
  res.json({ templates: listTemplates() })
}
