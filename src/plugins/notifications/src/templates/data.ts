/**
 * What each template is given. Subscribers build these from Medusa's records; the admin preview
 * uses each template's `sample`. Amounts are in the currency's main unit (Medusa 2 stores 10.5
 * for €10.50); dates are ISO strings.
 */

export type Address = {
  first_name?: string | null
  last_name?: string | null
  company?: string | null
  address_1?: string | null
  address_2?: string | null
  city?: string | null
  postal_code?: string | null
  province?: string | null
  country_code?: string | null
  phone?: string | null
}

export type OrderLine = {
  title: string
  variant_title?: string | null
  sku?: string | null
  quantity: number
  unit_price: number
  total: number
  thumbnail?: string | null
}

export type OrderSummary = {
  id: string
  display_id: number
  email: string
  currency_code: string
  created_at: string
  items: OrderLine[]
  subtotal: number
  shipping_total: number
  tax_total: number
  discount_total: number
  total: number
  shipping_address: Address | null
  billing_address: Address | null
  shipping_methods: { name: string; amount: number }[]
}

export type OrderRef = { id: string; display_id: number; email: string; currency_code: string }

export type TemplateData = {
  welcome: { customer: { first_name?: string | null; email: string }; account_url: string }
  "password-reset": { email: string; reset_url: string; actor_type: "customer" | "user"; expires_in_minutes: number }
  "order-placed": { order: OrderSummary; order_url: string }
  "order-canceled": { order: OrderSummary; order_url: string }
  "refund-issued": { order: OrderRef; refund: { amount: number; reason?: string | null; note?: string | null }; order_url: string }
  "shipment-shipped": {
    order: OrderRef
    shipment: {
      carrier: string
      tracking_number: string
      tracking_url: string | null
      items: { title: string; quantity: number }[]
      estimated_delivery?: string | null
    }
  }
  "shipment-delivered": {
    order: OrderRef
    shipment: { carrier: string; tracking_number: string; tracking_url: string | null; delivered_at: string }
  }
  "fraud-review": {
    order: OrderRef & { total: number }
    assessment: { score: number; level: string; reasons: string[] }
    review_url: string
  }
  "stock-alert": {
    kind: "low_stock" | "out_of_stock"
    item: { id: string; title: string; sku?: string | null }
    location: { id: string; name: string }
    available_quantity: number
    threshold: number
    inventory_url: string
  }
  "back-in-stock": { product: { title: string; variant_title?: string | null; url: string; thumbnail?: string | null } }
  "abandoned-cart": {
    cart: {
      id: string
      email: string
      currency_code: string
      items: { title: string; variant_title?: string | null; quantity: number; unit_price: number; thumbnail?: string | null }[]
      total: number
    }
    resume_url: string
  }
}

export type TemplateName = keyof TemplateData

/** Who reads it: merchants' mails go to the staff addresses in the plugin options. */
export type Audience = "customer" | "merchant"

/**
 * Transactional mails are always sent; marketing mails only with the recipient's consent, and
 * carry a one-click unsubscribe link (RFC 8058).
 */
export type Category = "transactional" | "marketing"

export type Branding = {
  storeName: string
  /** Absolute URL of a logo image; the header shows the store name without one. */
  logoUrl?: string
  /** Buttons and links, a CSS colour such as "#111827". */
  primaryColor: string
  /** Shown in every footer as the place to write to. */
  supportEmail?: string
  /** Postal address in the footer (marketing mails must carry one in many countries). */
  address?: string
}

export type RenderContext = {
  locale: string
  branding: Branding
  /** Present for marketing mails: the signed one-click unsubscribe URL for this recipient. */
  unsubscribeUrl?: string
}

/** One rendered message: e-mail parts, plus short forms for SMS and web push. */
export type RenderedMessage = {
  subject: string
  html: string
  text: string
  /** ≤ 160 characters where possible, no HTML. */
  sms: string
  push: { title: string; body: string; url?: string }
}
