import type { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { MedusaError, Modules } from "@medusajs/framework/utils"
import { notificationCenter } from "../../../../../lib/center"
import type { PreferenceRecord } from "../../../../../modules/notification-center/service"
import type { StoreUpdateNotificationPreferencesType } from "../../../validators"

async function customerEmail(req: AuthenticatedMedusaRequest): Promise<{ id: string; email: string }> {
  const id = req.auth_context.actor_id
  const [customer] = await req.scope.resolve(Modules.CUSTOMER).listCustomers({ id }, { select: ["id", "email"] })
  if (!customer?.email) throw new MedusaError(MedusaError.Types.NOT_FOUND, "Your account has no e-mail address.")
  return { id, email: customer.email }
}

function view(email: string, preference: PreferenceRecord | null) {
  return {
    email: email.toLowerCase(),
    marketing_email: !!preference?.marketing_email && !preference.unsubscribed_at,
    sms: preference?.sms ?? false,
    phone: preference?.phone ?? null,
    push: preference?.push ?? false,
    locale: preference?.locale ?? null,
    unsubscribed_at: preference?.unsubscribed_at ?? null,
  }
}

/** `GET /store/customers/me/notification-preferences`: what the signed-in customer agreed to. */
export async function GET(req: AuthenticatedMedusaRequest, res: MedusaResponse) {
  const { email } = await customerEmail(req)
  res.json({ notification_preferences: view(email, await notificationCenter(req.scope).preferenceFor(email)) })
}

/** `POST /store/customers/me/notification-preferences`: changes them; SMS needs a phone number. */
export async function POST(req: AuthenticatedMedusaRequest, res: MedusaResponse) {
  const body = req.validatedBody as StoreUpdateNotificationPreferencesType
  const { id, email } = await customerEmail(req)
  const center = notificationCenter(req.scope)
  const current = await center.preferenceFor(email)
  const phone = body.phone === undefined ? current?.phone ?? null : body.phone
  if ((body.sms ?? current?.sms) && !phone) {
    throw new MedusaError(MedusaError.Types.INVALID_DATA, "SMS needs a phone number: send phone with sms: true.")
  }
  const saved = await center.savePreference(email, { ...body, customer_id: id } as never)
  res.json({ notification_preferences: view(email, saved) })
}
