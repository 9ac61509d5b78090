import type { MedusaContainer } from "@medusajs/framework/types"
import { ContainerRegistrationKeys, Modules } from "@medusajs/framework/utils"
import type Stripe from "stripe"
import { STRIPE_PROVIDER_ID } from "./config"

type AccountHolder = { id: string; provider_id: string; data: Record<string, unknown> }

/** What a storefront shows of a saved card: enough to recognise it, nothing to charge it with. */
export type SavedPaymentMethod = {
  id: string
  type: string
  card: { brand: string; last4: string; exp_month: number; exp_year: number; wallet: string | null } | null
  created_at: string
}

/** The customer's Stripe account holder (a Stripe Customer), made when they first paid by card. */
export async function stripeAccountHolder(container: MedusaContainer, customerId: string): Promise<AccountHolder | null> {
  const query = container.resolve(ContainerRegistrationKeys.QUERY)
  const { data } = await query.graph({ entity: "customer", fields: ["id", "account_holders.*"], filters: { id: customerId } })
  const holders = ((data[0] as { account_holders?: AccountHolder[] } | undefined)?.account_holders ?? []).filter(Boolean)
  return holders.find((h) => h.provider_id === STRIPE_PROVIDER_ID) ?? null
}

/** The cards saved on the customer's own Stripe Customer, through Medusa's Payment Module. */
export async function listSavedPaymentMethods(container: MedusaContainer, customerId: string): Promise<SavedPaymentMethod[]> {
  const holder = await stripeAccountHolder(container, customerId)
  return holder ? cardsOf(container, holder) : []
}

export async function deleteSavedPaymentMethod(container: MedusaContainer, customerId: string, paymentMethodId: string): Promise<boolean> {
  const holder = await stripeAccountHolder(container, customerId)
  if (!holder) return false
  const owned = await cardsOf(container, holder)
  if (!owned.some((m) => m.id === paymentMethodId)) return false
  await container.resolve(Modules.PAYMENT).deletePaymentMethods({
    provider_id: STRIPE_PROVIDER_ID,
    id: paymentMethodId,
    context: { account_holder: holder },
  } as never)
  return true
}

async function cardsOf(container: MedusaContainer, holder: AccountHolder): Promise<SavedPaymentMethod[]> {
  const payment = container.resolve(Modules.PAYMENT)
  const methods = await payment.listPaymentMethods({ provider_id: STRIPE_PROVIDER_ID, context: { account_holder: holder } as never })
  return methods.map((method) => toSavedPaymentMethod(method.data as unknown as Stripe.PaymentMethod))
}

function toSavedPaymentMethod(method: Stripe.PaymentMethod): SavedPaymentMethod {
  return {
    id: method.id,
    type: method.type,
    card: method.card
      ? {
          brand: method.card.brand,
          last4: method.card.last4,
          exp_month: method.card.exp_month,
          exp_year: method.card.exp_year,
          wallet: method.card.wallet?.type ?? null,
        }
      : null,
    created_at: new Date(method.created * 1000).toISOString(),
  }
}
