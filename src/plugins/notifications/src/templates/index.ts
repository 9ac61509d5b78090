import { abandonedCartTemplate } from "./abandoned-cart"
import { backInStockTemplate } from "./back-in-stock"
import type { Audience, Category, RenderContext, RenderedMessage, TemplateData, TemplateName } from "./data"
import type { TemplateDefinition } from "./definition"
import { fraudReviewTemplate } from "./fraud-review"
import { SUPPORTED_LOCALES, type SupportedLocale } from "./locale"
import { orderCanceledTemplate } from "./order-canceled"
import { orderPlacedTemplate } from "./order-placed"
import { passwordResetTemplate } from "./password-reset"
import { refundIssuedTemplate } from "./refund-issued"
import { shipmentDeliveredTemplate } from "./shipment-delivered"
import { shipmentShippedTemplate } from "./shipment-shipped"
import { stockAlertTemplate } from "./stock-alert"
import { welcomeTemplate } from "./welcome"

export type * from "./data"
export type { TemplateDefinition } from "./definition"
export { DEFAULT_LOCALE, SUPPORTED_LOCALES, resolveLocale, type SupportedLocale } from "./locale"

/** Every template by name; the mapped type makes a missing or misnamed template a type error. */
export const TEMPLATES: { [N in TemplateName]: TemplateDefinition<N> } = {
  welcome: welcomeTemplate,
  "password-reset": passwordResetTemplate,
  "order-placed": orderPlacedTemplate,
  "order-canceled": orderCanceledTemplate,
  "refund-issued": refundIssuedTemplate,
  "shipment-shipped": shipmentShippedTemplate,
  "shipment-delivered": shipmentDeliveredTemplate,
  "fraud-review": fraudReviewTemplate,
  "stock-alert": stockAlertTemplate,
  "back-in-stock": backInStockTemplate,
  "abandoned-cart": abandonedCartTemplate,
}

export function isTemplateName(value: unknown): value is TemplateName {
  return typeof value === "string" && Object.prototype.hasOwnProperty.call(TEMPLATES, value)
}

/**
 * Renders one template. The name is checked at runtime as well, because it often comes from a
 * stored notification or an admin request rather than from typed code.
 */
export async function renderTemplate<N extends TemplateName>(
  name: N,
  data: TemplateData[N],
  ctx: RenderContext
): Promise<RenderedMessage> {
  if (!isTemplateName(name)) {
    const known = Object.keys(TEMPLATES).join(", ")
    throw new Error(`Unknown notification template "${String(name)}". Known templates: ${known}`)
  }
  const template: TemplateDefinition<N> = TEMPLATES[name]
  return template.render(data, ctx)
}

export type TemplateSummary = {
  name: TemplateName
  audience: Audience
  category: Category
  description: string
  locales: SupportedLocale[]
}

export function listTemplates(): TemplateSummary[] {
  return (Object.keys(TEMPLATES) as TemplateName[]).map((name) => {
    const { audience, category, description } = TEMPLATES[name]
    // Every template has strings in every supported locale (the dictionaries share one type).
    return { name, audience, category, description, locales: [...SUPPORTED_LOCALES] }
  })
}
