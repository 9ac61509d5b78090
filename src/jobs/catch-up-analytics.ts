import type { MedusaContainer } from "@medusajs/framework/types"
import { ContainerRegistrationKeys } from "@medusajs/framework/utils"
import { catchUpAnalytics } from "../utils/analytics-backfill"
import { isAnalyticsEnabled } from "../utils/analytics-facts"

/**
 * Every ten minutes: the analytics facts of the last half hour's orders, refunds and
 * registrations are rewritten from Medusa's data, so a change no subscriber heard of (a refund
 * made by a cancellation, an order edit, a lost event) reaches the reports within minutes.
 */
export default async function catchUpAnalyticsJob(container: MedusaContainer) {
  if (!isAnalyticsEnabled(container)) {
    return
  }
  const { orders, refunds, registrations } = await catchUpAnalytics(container)
  container
    .resolve(ContainerRegistrationKeys.LOGGER)
    .debug(`analytics: caught up ${orders} orders, ${refunds} refunds, ${registrations} registrations`)
}

export const config = {
  name: "catch-up-analytics",
  schedule: "*/10 * * * *",
}
