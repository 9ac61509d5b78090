import type { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { transportService } from "../../../transport-service"
import type { AdminSetWebhookSecretType } from "./validators"

/**
 * POST /admin/transport/carriers/:code/webhook-secret — sets or clears the secret a carrier's
 * webhooks are verified with. Write-only: the answer says whether one is set, never what it is.
 * An unknown carrier is a 404 (from the module).
 */
export async function POST(req: AuthenticatedMedusaRequest<AdminSetWebhookSecretType>, res: MedusaResponse) {
  const { code } = req.params
  await transportService(req.scope).setWebhookSecret(code, req.validatedBody.secret)
  res.json({ carrier: { code, has_webhook_secret: req.validatedBody.secret !== null } })
}
