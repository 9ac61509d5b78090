import type { MedusaContainer } from "@medusajs/framework/types"
import { Modules } from "@medusajs/framework/utils"
import { notificationCenter } from "./center"

/** Who receives merchants' mails: the configured addresses, or every admin user. */
export async function merchantRecipients(container: MedusaContainer): Promise<{ email: string; id: string | null }[]> {
  const configured = notificationCenter(container).settings().merchantEmails
  if (configured) return configured.map((email) => ({ email, id: null }))
  const users = await container.resolve(Modules.USER).listUsers({}, { select: ["id", "email"], take: 100 })
  return users.map((u) => ({ email: u.email, id: u.id }))
}
