/** Response shapes of Emporium's store routes (see the README's "Store API" table). */

export type OrderStatus = "PENDING" | "CONFIRMED" | "SHIPPED" | "DELIVERED" | "CANCELED"

export type OrderStatusView = {
  order_id: string
  display_id: number | null
  status: OrderStatus
  /** Every step the order has reached, oldest first. */
  timeline: { status: OrderStatus; at: string }[]
}

export type TrackingEvent = { id: string; status: string; description: string; location: string | null; occurred_at: string }

export type ShipmentTracking = {
  id: string
  is_return: boolean
  carrier: { code: string; name: string }
  service_level: { code: string; name: string }
  tracking_number: string
  tracking_url: string
  status: "label_created" | "in_transit" | "out_for_delivery" | "delivered" | "exception" | "returned_to_sender" | string
  exception: string | null
  shipped_at: string | null
  delivered_at: string | null
  events: TrackingEvent[]
}

export type ShippingQuote = {
  carrier_code: string
  carrier_name: string
  service_level_code: string
  service_level_name: string
  /** In major units of `currency_code`. */
  amount: number
  currency_code: string
  free_shipping: boolean
  surcharges: { name: string; amount: number }[]
  billable_weight_g: number
  delivery: { min_days: number; max_days: number; earliest: string; latest: string }
  /** Only for a cart: the option that books this service, or null when it is offered for quotes only. */
  shipping_option_id?: string | null
}

export type ShippingQuotesInput =
  | { cart_id: string; destination?: { country_code: string; postal_code?: string } }
  | {
      items: { variant_id: string; quantity: number }[]
      destination: { country_code: string; postal_code?: string }
      region_id?: string
      currency_code?: string
    }

export type ShippingQuotesResponse = {
  currency_code: string
  destination: { country_code: string; postal_code?: string }
  quotes: ShippingQuote[]
}

/** A product as `GET /store/products` renders it (with the `fields` asked for), plus why it is recommended. */
export type RecommendedProduct = { id: string; title?: string; handle?: string } & Record<string, unknown> & {
    recommendation: { score: number | null; reason: string }
  }

export type RecommendationList<T extends string> = { type: T; products: RecommendedProduct[]; count: number; limit: number }

/** Up to 50 products (default 10); `fields`, `region_id`, `country_code`, `province`, `cart_id` as for `GET /store/products`. */
export type ListQuery = { limit?: number; fields?: string; region_id?: string; country_code?: string; province?: string; cart_id?: string }

export type AnalyticsEventName =
  | "page_view"
  | "product_list_viewed"
  | "product_viewed"
  | "search_performed"
  | "product_added_to_cart"
  | "product_removed_from_cart"
  | "checkout_started"

export type AnalyticsEvent = {
  name: AnalyticsEventName
  /** Makes a retried batch count once. */
  id?: string
  timestamp?: string
  anonymous_id?: string
  session_id?: string
  properties?: Record<string, unknown>
}

export type InteractionEvent = {
  type: "view" | "wishlist" | "review"
  product_id: string
  id?: string
  anonymous_id?: string
  session_id?: string
  timestamp?: string
}

export type SavedPaymentMethod = {
  id: string
  type: string
  card: { brand: string; last4: string; exp_month: number; exp_year: number; wallet: string | null } | null
  created_at: string
}

/** `GET /store/search/products` parameters; arrays are sent as repeated parameters. */
export type ProductSearchQuery = {
  q?: string
  category?: string | string[]
  category_id?: string | string[]
  collection?: string | string[]
  collection_id?: string | string[]
  tag?: string | string[]
  type?: string | string[]
  in_stock?: boolean
  /** Prices (filter, sort, facet) in this region's currency; or name `currency_code`. */
  region_id?: string
  currency_code?: string
  price_min?: number
  price_max?: number
  sort?: "relevance" | "price_asc" | "price_desc" | "newest" | "title_asc"
  limit?: number
  offset?: number
}

export type SearchFacetValue = { value: string; count: number }

export type ProductSearchHit = {
  id: string
  title: string
  subtitle: string | null
  handle: string
  thumbnail: string | null
  categories: string[]
  collection: string | null
  tags: string[]
  type: string | null
  in_stock: boolean
  /** With a region or currency: the lowest base price in it, major units. */
  price?: number | null
  currency_code?: string
}

export type ProductSearchResponse = {
  query: string
  products: ProductSearchHit[]
  facets: Record<"categories" | "collection" | "tags" | "type" | "in_stock", SearchFacetValue[]> & {
    price: { min: number; max: number; currency_code: string } | null
  }
  /** Exact number of matching products. */
  count: number
  limit: number
  offset: number
}

export type SearchSuggestions = {
  query: string
  products: { id: string; title: string; handle: string; thumbnail: string | null }[]
  categories: SearchFacetValue[]
}

/** `GET|POST /store/customers/me/notification-preferences`. Transactional mail needs no consent. */
export type NotificationPreferences = {
  email: string
  marketing_email: boolean
  sms: boolean
  phone: string | null
  push: boolean
  locale: "en" | "de" | "fr" | null
  unsubscribed_at: string | null
}

export type NotificationPreferencesUpdate = Partial<Pick<NotificationPreferences, "marketing_email" | "sms" | "phone" | "push" | "locale">>

/** The browser's `PushSubscription.toJSON()`. */
export type PushSubscriptionInput = { endpoint: string; expirationTime?: number | null; keys: { p256dh: string; auth: string } }
