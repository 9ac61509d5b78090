import { MedusaError } from "@medusajs/framework/utils"
import { defineGuard } from "./define-guard"

/**
 * Medusa 2.21 answers a payment session on an unknown payment collection with a 500
 * (a TypeError inside createPaymentSessionsWorkflow). Say 404 before the workflow runs.
 */
export const paymentCollectionExists = defineGuard(async (req, query) => {
  const { data } = await query.graph({
    entity: "payment_collection",
    fields: ["id"],
    filters: { id: req.params.id },
  })
  if (!data.length) {
    throw new MedusaError(MedusaError.Types.NOT_FOUND, `Payment collection with id: ${req.params.id} was not found`)
  }
})
