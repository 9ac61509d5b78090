import type { MedusaContainer } from "@medusajs/framework/types"
import { ContainerRegistrationKeys, Modules } from "@medusajs/framework/utils"
import { fillUrl } from "../options"
import { amount } from "./amount"
import { notificationCenter } from "./center"
import { notify } from "./dispatch"

const PAGE = 200

export type AbandonedCart = {
  id: string
  email: string
  currency_code: string
  customer_id: string | null
  locale: string | null
  last_activity: Date
  marketing_consent: boolean
  items: { title: string; variant_title: string | null; quantity: number; unit_price: number; thumbnail: string | null }[]
  total: number
}

type RawCart = Record<string, any>

/**
 * Carts worth one reminder: an e-mail, at least one line, not completed, and untouched for
 * between `idleHours` and `maxIdleHours` — "untouched" counting line changes too, since adding
 * an item does not always move the cart's own updated_at. Carts already reminded (a message
 * exists for them, sent or suppressed) are left out.
 */
export async function selectAbandonedCarts(container: MedusaContainer, now = new Date()): Promise<AbandonedCart[]> {
  const { abandonedCart } = notificationCenter(container).settings()
  const idleBefore = new Date(now.getTime() - abandonedCart.idleHours * 3_600_000)
  const activeAfter = new Date(now.getTime() - abandonedCart.maxIdleHours * 3_600_000)
  const query = container.resolve(ContainerRegistrationKeys.QUERY)
  const candidates: AbandonedCart[] = []
  for (let skip = 0; ; skip += PAGE) {
    const { data } = await query.graph({
      entity: "cart",
      fields: [
        "id", "email", "currency_code", "customer_id", "locale", "updated_at", "completed_at", "metadata", "total",
        "items.title", "items.product_title", "items.variant_title", "items.quantity", "items.unit_price", "items.thumbnail", "items.updated_at",
      ],
      filters: { completed_at: null, email: { $ne: null }, updated_at: { $gte: activeAfter } } as never,
      pagination: { skip, take: PAGE, order: { updated_at: "ASC" } },
    })
    for (const cart of data as RawCart[]) {
      if (!cart.email || !cart.items?.length || cart.completed_at) continue
      const lastActivity = new Date(Math.max(new Date(cart.updated_at).getTime(), ...cart.items.map((i: RawCart) => new Date(i.updated_at).getTime())))
      if (lastActivity > idleBefore || lastActivity < activeAfter) continue
      candidates.push({
        id: cart.id,
        email: cart.email,
        currency_code: cart.currency_code,
        customer_id: cart.customer_id ?? null,
        locale: cart.locale ?? null,
        last_activity: lastActivity,
        marketing_consent: cart.metadata?.marketing_consent === true,
        items: cart.items.map((i: RawCart) => ({
          title: i.product_title ?? i.title,
          variant_title: i.variant_title ?? null,
          quantity: amount(i.quantity),
          unit_price: amount(i.unit_price),
          thumbnail: i.thumbnail ?? null,
        })),
        total: amount(cart.total),
      })
    }
    if (data.length < PAGE) break
  }
  if (!candidates.length) return []
  const reminded = await notificationCenter(container).listNotificationMessages(
    { template: "abandoned-cart", resource_type: "cart", resource_id: candidates.map((c) => c.id) } as never,
    { select: ["resource_id"] }
  )
  const done = new Set(reminded.map((m) => (m as { resource_id: string }).resource_id))
  return candidates.filter((c) => !done.has(c.id))
}

/**
 * Sends each selected cart its one reminder. Abandoned-cart mail is marketing: it goes out only
 * with the address's consent (given in the account, or at checkout as the cart's
 * `metadata.marketing_consent`), and is otherwise recorded as suppressed so it is never retried.
 */
export async function sendAbandonedCartReminders(container: MedusaContainer, now = new Date()): Promise<{ selected: number; sent: number }> {
  const center = notificationCenter(container)
  const settings = center.settings()
  if (settings.abandonedCart.disabled) return { selected: 0, sent: 0 }
  const carts = await selectAbandonedCarts(container, now)
  let sent = 0
  for (const cart of carts) {
    if (cart.marketing_consent) {
      const preference = await center.preferenceFor(cart.email)
      // Consent at checkout counts, but never overrides a later unsubscribe.
      if (!preference?.unsubscribed_at && !preference?.marketing_email) await center.savePreference(cart.email, { marketing_email: true })
    }
    const [message] = await notify(container, {
      template: "abandoned-cart",
      data: {
        cart: { id: cart.id, email: cart.email, currency_code: cart.currency_code, items: cart.items, total: cart.total },
        resume_url: fillUrl(settings.abandonedCart.resumeUrl, { cart_id: cart.id }),
      },
      recipient: { email: cart.email, customer_id: cart.customer_id, locale: cart.locale },
      trigger: "abandoned-cart",
      occurrence: cart.id,
      resource: { type: "cart", id: cart.id },
    })
    if (message?.status === "sent") {
      sent++
      trackReminder(container, cart)
    }
  }
  return { selected: carts.length, sent }
}

/** Counted in Medusa's Analytics Module when one is configured (Emporium's funnels read it). */
function trackReminder(container: MedusaContainer, cart: AbandonedCart): void {
  if (!container.hasRegistration(Modules.ANALYTICS)) return
  void container
    .resolve(Modules.ANALYTICS)
    .track({
      event: "cart_recovery_email_sent",
      actor_id: cart.customer_id ?? undefined,
      properties: { cart_id: cart.id, event_key: `cart_recovery_email_sent:${cart.id}` },
    })
    .catch(() => undefined)
}
