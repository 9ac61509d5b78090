import type { SubscriberArgs, SubscriberConfig } from "@medusajs/framework"
import { Modules } from "@medusajs/framework/utils"
import { notificationCenter } from "../lib/center"
import { notify } from "../lib/dispatch"

/** A customer who registered (not a guest checkout's customer record) gets the welcome mail. */
export default async function customerWelcome({ event, container }: SubscriberArgs<{ id: string }>) {
  const [customer] = await container.resolve(Modules.CUSTOMER).listCustomers({ id: event.data.id }, { select: ["id", "email", "first_name", "has_account"] })
  if (!customer?.has_account || !customer.email) return
  const { storefrontUrl } = notificationCenter(container).settings()
  await notify(container, {
    template: "welcome",
    data: { customer: { first_name: customer.first_name, email: customer.email }, account_url: `${storefrontUrl}/account` },
    recipient: { email: customer.email, customer_id: customer.id },
    trigger: event.name,
    occurrence: customer.id,
    resource: { type: "customer", id: customer.id },
  })
}

export const config: SubscriberConfig = {
  event: "customer.created",
  context: { subscriberId: "emporium-notifications-welcome" },
}
