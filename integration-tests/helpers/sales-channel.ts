import {
  createApiKeysWorkflow,
  createSalesChannelsWorkflow,
  linkSalesChannelsToApiKeyWorkflow,
} from "@medusajs/medusa/core-flows"
import type { ApiKeyDTO, MedusaContainer, SalesChannelDTO } from "@medusajs/framework/types"

export type Storefront = {
  salesChannel: SalesChannelDTO
  apiKey: ApiKeyDTO
  /** The value a storefront sends as `x-publishable-api-key`. */
  publishableKey: string
}

/** A sales channel and a publishable API key scoped to it. */
export async function createStorefront(container: MedusaContainer, name: string): Promise<Storefront> {
  const {
    result: [salesChannel],
  } = await createSalesChannelsWorkflow(container).run({
    input: { salesChannelsData: [{ name }] },
  })
  const {
    result: [apiKey],
  } = await createApiKeysWorkflow(container).run({
    input: { api_keys: [{ title: `${name} key`, type: "publishable", created_by: "integration-tests" }] },
  })
  await linkSalesChannelsToApiKeyWorkflow(container).run({
    input: { id: apiKey.id, add: [salesChannel.id] },
  })
  return { salesChannel, apiKey, publishableKey: apiKey.token }
}
