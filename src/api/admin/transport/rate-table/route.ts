import type { AuthenticatedMedusaRequest, MedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import type { MedusaContainer } from "@medusajs/framework/types"
import type { RateTable } from "../../../../modules/transport/rates/types"
import { transportService } from "../transport-service"
import type { AdminPutRateTableType } from "./validators"

/** GET /admin/transport/rate-table — the whole table as one document; carriers say whether a webhook secret is set, never what it is. */
export async function GET(req: MedusaRequest, res: MedusaResponse) {
  res.json({ rate_table: await withCurrentSecretFlags(req.scope, await transportService(req.scope).getRateTable()) })
}

/**
 * PUT /admin/transport/rate-table — replaces the whole table in one transaction. The body's
 * shape is checked by the validator; the module refuses an inconsistent table (unknown zone,
 * overlapping brackets…) with a 400 listing every problem.
 */
export async function PUT(req: AuthenticatedMedusaRequest<AdminPutRateTableType>, res: MedusaResponse) {
  const saved = await transportService(req.scope).replaceRateTable(req.validatedBody)
  res.json({ rate_table: await withCurrentSecretFlags(req.scope, saved) })
}

/**
 * Each process keeps the table it read for a few seconds; a secret set through another process
 * would show as "not set" until then, so the flags are read afresh.
 */
async function withCurrentSecretFlags(scope: MedusaContainer, table: RateTable): Promise<RateTable> {
  const carriers = await transportService(scope).listTransportCarriers({}, { select: ["code", "webhook_secret"] })
  const hasSecret = new Map(carriers.map((carrier) => [carrier.code, !!carrier.webhook_secret]))
  return {
    ...table,
    carriers: table.carriers.map((carrier) => ({ ...carrier, has_webhook_secret: hasSecret.get(carrier.code) ?? false })),
  }
}
