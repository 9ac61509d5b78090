import type { MedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { MedusaError } from "@medusajs/framework/utils"
import { notificationCenter } from "../../../../../../lib/center"
import { unsubscribeUrl } from "../../../../../../lib/unsubscribe-token"
import { TEMPLATES, isTemplateName, renderTemplate } from "../../../../../../templates"
import type { AdminTemplatePreviewType } from "../../../../validators"

/** `GET /admin/notifications/templates/:name/preview?locale=`: the template rendered with its sample data and the store's branding. */
export async function GET(req: MedusaRequest, res: MedusaResponse) {
  const name = req.params.name
  if (!isTemplateName(name)) throw new MedusaError(MedusaError.Types.NOT_FOUND, `There is no template named "${name}".`)
  const { locale } = req.validatedQuery as AdminTemplatePreviewType
  const settings = notificationCenter(req.scope).settings()
  const definition = TEMPLATES[name]
  const preview = await renderTemplate(name, definition.sample as never, {
    locale,
    branding: settings.branding,
    unsubscribeUrl: definition.category === "marketing" ? unsubscribeUrl(settings.backendUrl, "preview@example.com", settings.secret) : undefined,
  })
  res.json({ preview })
}
