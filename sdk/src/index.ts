import type Medusa from "@medusajs/js-sdk"
import type {
  AnalyticsEvent,
  InteractionEvent,
  ListQuery,
  NotificationPreferences,
  NotificationPreferencesUpdate,
  OrderStatusView,
  PushSubscriptionInput,
  ProductSearchQuery,
  ProductSearchResponse,
  SearchSuggestions,
  RecommendationList,
  SavedPaymentMethod,
  ShipmentTracking,
  ShippingQuotesInput,
  ShippingQuotesResponse,
} from "./types"

export * from "./types"

type Client = Pick<Medusa, "client">

/**
 * Emporium's store routes, typed, over a `@medusajs/js-sdk` instance: same base URL, publishable
 * key and customer session, so a logged-in customer's calls carry their token. Everything of
 * Medusa's own store API stays on `sdk.store`.
 *
 * ```ts
 * const sdk = new Medusa({ baseUrl, publishableKey })
 * const emporium = new EmporiumStore(sdk)
 * const { order_status } = await emporium.orders.status(orderId)
 * ```
 */
export class EmporiumStore {
  constructor(private readonly sdk: Client) {}

  private get<T>(path: string, query?: Record<string, unknown>): Promise<T> {
    return this.sdk.client.fetch<T>(path, { method: "GET", query })
  }

  private send<T>(method: "POST" | "DELETE", path: string, body?: unknown): Promise<T> {
    return this.sdk.client.fetch<T>(path, { method, ...(body !== undefined ? { body } : {}) })
  }

  readonly orders = {
    /** Where the order is (PENDING → CONFIRMED → SHIPPED → DELIVERED, or CANCELED). Its customer, or anyone with the status `token`. */
    status: (orderId: string, token?: string) =>
      this.get<{ order_status: OrderStatusView }>(`/store/orders/${encodeURIComponent(orderId)}/status`, token ? { token } : undefined),
    /** The order's parcels with their carrier timelines. Same access as `status`. */
    tracking: (orderId: string, token?: string) =>
      this.get<{ order_id: string; shipments: ShipmentTracking[] }>(`/store/orders/${encodeURIComponent(orderId)}/tracking`, token ? { token } : undefined),
    /** A guest's status token for their order, from the e-mail and order number on the confirmation. */
    statusToken: (input: { email: string; display_id: number }) =>
      this.send<{ order_id: string; token: string }>("POST", "/store/orders/status-token", input),
  }

  /** Every shipping service for a cart or for items going somewhere (a product page), cheapest first. */
  shippingQuotes(input: ShippingQuotesInput) {
    return this.send<ShippingQuotesResponse>("POST", "/store/shipping-quotes", input)
  }

  readonly recommendations = {
    forProduct: (productId: string, query: ListQuery & { type?: "bought_together" | "also_viewed" | "similar" } = {}) =>
      this.get<RecommendationList<"bought_together" | "also_viewed" | "similar"> & { product_id: string }>(
        `/store/recommendations/products/${encodeURIComponent(productId)}`,
        query
      ),
    trending: (query: ListQuery & { category_id?: string | string[] } = {}) =>
      this.get<RecommendationList<"trending">>("/store/recommendations/trending", query),
    /** For the logged-in customer, or a guest by `anonymous_id`. */
    forMe: (query: ListQuery & { anonymous_id?: string } = {}) => this.get<RecommendationList<"personalized">>("/store/recommendations/me", query),
    /** Product views, wishlist adds and reviews. */
    record: (events: InteractionEvent[]) => this.send<{ accepted: number }>("POST", "/store/recommendations/events", { events }),
  }

  readonly notifications = {
    /** What the logged-in customer agreed to receive. */
    preferences: () => this.get<{ notification_preferences: NotificationPreferences }>("/store/customers/me/notification-preferences"),
    /** Changes them: marketing e-mail, SMS (needs `phone` in E.164), push, language. */
    updatePreferences: (changes: NotificationPreferencesUpdate) =>
      this.send<{ notification_preferences: NotificationPreferences }>("POST", "/store/customers/me/notification-preferences", changes),
    /** The VAPID key to pass to `pushManager.subscribe({ applicationServerKey })`. */
    pushKey: () => this.get<{ vapid_public_key: string }>("/store/notifications/push-key"),
    /** Registers the browser's `PushSubscription.toJSON()` for the logged-in customer. */
    subscribePush: (subscription: PushSubscriptionInput) =>
      this.send<{ push_subscription: { id: string; endpoint: string } }>("POST", "/store/customers/me/push-subscriptions", subscription),
    unsubscribePush: (endpoint: string) => this.send<{ endpoint: string; deleted: true }>("DELETE", "/store/customers/me/push-subscriptions", { endpoint }),
    /** "E-mail me when it's back": for a variant out of stock; a guest gives `email`. */
    backInStock: (input: { variant_id: string; email?: string; locale?: "en" | "de" | "fr" }) =>
      this.send<{ back_in_stock_request: { id: string; variant_id: string; email: string } }>("POST", "/store/notifications/back-in-stock", input),
  }

  readonly search = {
    /** Typo-tolerant product search with filters, exact facet counts, sort and pagination. */
    products: (query: ProductSearchQuery = {}) => this.get<ProductSearchResponse>("/store/search/products", query),
    /** Search-as-you-type: titles matching the typed words (the last one as a prefix) and their top categories. */
    suggestions: (q: string, limit?: number) =>
      this.get<SearchSuggestions>("/store/search/suggestions", limit === undefined ? { q } : { q, limit }),
  }

  readonly analytics = {
    /** A batch of 1–100 storefront events; answered 202 with how many were accepted. */
    track: (events: AnalyticsEvent[]) => this.send<{ accepted: number }>("POST", "/store/analytics/events", { events }),
  }

  /** The logged-in customer's saved cards (with the Stripe payments plugin). */
  readonly paymentMethods = {
    list: () => this.get<{ payment_methods: SavedPaymentMethod[] }>("/store/customers/me/payment-methods"),
    delete: (paymentMethodId: string) =>
      this.send<{ id: string; object: "payment_method"; deleted: true }>(
        "DELETE",
        `/store/customers/me/payment-methods/${encodeURIComponent(paymentMethodId)}`
      ),
  }
}
