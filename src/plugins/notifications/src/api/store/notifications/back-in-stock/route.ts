import type { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { ContainerRegistrationKeys, MedusaError, Modules } from "@medusajs/framework/utils"
import { notificationCenter } from "../../../../lib/center"
import { sellableVariantIds, type StockedVariant } from "../../../../lib/sellable"
import type { StoreCreateBackInStockRequestType } from "../../validators"

type KeyedRequest = AuthenticatedMedusaRequest & { publishable_key_context?: { sales_channel_ids?: string[] } }

/**
 * `POST /store/notifications/back-in-stock`: "e-mail me when this is back". The variant must be
 * sold in the publishable key's sales channel and be out of stock there; asking twice keeps one
 * request. Answered once, by e-mail, when the variant can be bought again.
 */
export async function POST(req: KeyedRequest, res: MedusaResponse) {
  const body = req.validatedBody as StoreCreateBackInStockRequestType
  const customerId = req.auth_context?.actor_id || null
  let email = body.email ?? null
  if (!email && customerId) {
    const [customer] = await req.scope.resolve(Modules.CUSTOMER).listCustomers({ id: customerId }, { select: ["email"] })
    email = customer?.email ?? null
  }
  if (!email) throw new MedusaError(MedusaError.Types.INVALID_DATA, "email is required unless you are signed in.")

  const query = req.scope.resolve(ContainerRegistrationKeys.QUERY)
  const channels = req.publishable_key_context?.sales_channel_ids ?? []
  const { data } = await query.graph({
    entity: "product_variant",
    fields: ["id", "manage_inventory", "allow_backorder", "product.status", "product.sales_channels.id"],
    filters: { id: body.variant_id },
  })
  const variant = data[0] as Record<string, any> | undefined
  const channel = (variant?.product?.sales_channels ?? []).map((c: { id: string }) => c.id).find((id: string) => channels.includes(id))
  if (!variant || variant.product?.status !== "published" || !channel) {
    throw new MedusaError(MedusaError.Types.NOT_FOUND, `Variant ${body.variant_id} is not sold in this store.`)
  }
  if ((await sellableVariantIds(query, [variant as StockedVariant], channel)).has(variant.id)) {
    throw new MedusaError(MedusaError.Types.NOT_ALLOWED, "This variant is in stock: it can be bought now.")
  }
  const { request, created } = await notificationCenter(req.scope).requestBackInStock({
    variant_id: variant.id,
    email,
    customer_id: customerId,
    sales_channel_id: channel,
    locale: body.locale ?? null,
  })
  res.status(created ? 201 : 200).json({
    back_in_stock_request: { id: request.id, variant_id: request.variant_id, email: request.email, created_at: (request as { created_at?: Date }).created_at },
  })
}
