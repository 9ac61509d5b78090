import type { MedusaRequest } from "@medusajs/framework/http"

type PublishableKeyRequest = MedusaRequest & { publishable_key_context?: { sales_channel_ids?: string[] } }

/** The sales channels of the request's publishable key (set by Medusa's middleware before any route's). */
export function keySalesChannels(req: MedusaRequest): string[] {
  return (req as PublishableKeyRequest).publishable_key_context?.sales_channel_ids ?? []
}

/** The key's sales channel when it has exactly one: the channel the request is certainly about. */
export function keySalesChannel(req: MedusaRequest): string | undefined {
  const channels = keySalesChannels(req)
  return channels.length === 1 ? channels[0] : undefined
}
