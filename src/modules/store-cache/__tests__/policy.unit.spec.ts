import {
  carriesCredentials,
  invalidationScope,
  isCacheableRoute,
  isRecommendationList,
  matchesIfNoneMatch,
  stockDependence,
  requestKey,
  strongEtag,
  type ReadRequest,
} from "../policy"

const request = (over: Partial<ReadRequest> & { headers?: Record<string, string> } = {}): ReadRequest => {
  const headers = { "x-publishable-api-key": "pk_web", ...over.headers }
  return {
    method: "GET",
    path: "/store/products",
    query: "",
    ...over,
    header: (name) => headers[name as keyof typeof headers],
  }
}

describe("store read cache policy", () => {
  it("caches only GETs of the catalogue routes", () => {
    expect(isCacheableRoute("GET", "/store/products")).toBe(true)
    expect(isCacheableRoute("GET", "/store/products/prod_1")).toBe(true)
    expect(isCacheableRoute("GET", "/store/product-categories/pcat_1")).toBe(true)
    expect(isCacheableRoute("GET", "/store/regions")).toBe(true)
    expect(isCacheableRoute("POST", "/store/products")).toBe(false)
    expect(isCacheableRoute("GET", "/store/carts/cart_1")).toBe(false)
    expect(isCacheableRoute("GET", "/store/customers/me")).toBe(false)
    expect(isCacheableRoute("GET", "/store/orders/order_1")).toBe(false)
    expect(isCacheableRoute("GET", "/store/products/prod_1/anything")).toBe(false)
  })

  it("treats a bearer token, a session cookie or a recognised customer as credentials", () => {
    expect(carriesCredentials(request())).toBe(false)
    expect(carriesCredentials(request({ headers: { cookie: "theme=dark" } }))).toBe(false)
    expect(carriesCredentials(request({ headers: { authorization: "Bearer x" } }))).toBe(true)
    expect(carriesCredentials(request({ headers: { cookie: "theme=dark; connect.sid=s%3Aabc" } }))).toBe(true)
    expect(carriesCredentials(request({ actorId: "cus_1" }))).toBe(true)
  })

  it("keys on path, parameters whatever their order, publishable key and locale", () => {
    const key = requestKey(request({ query: "limit=20&region_id=reg_1" }))
    expect(requestKey(request({ query: "region_id=reg_1&limit=20" }))).toBe(key)
    expect(requestKey(request({ query: "limit=20&region_id=reg_2" }))).not.toBe(key)
    expect(requestKey(request({ query: "limit=20&region_id=reg_1", headers: { "x-publishable-api-key": "pk_b2b" } }))).not.toBe(key)
    expect(requestKey(request({ query: "limit=20&region_id=reg_1", headers: { "x-medusa-locale": "fr-FR" } }))).not.toBe(key)
    expect(requestKey(request({ path: "/store/regions", query: "limit=20&region_id=reg_1" }))).not.toBe(key)
    // Repeated values keep their order: it can matter to the route.
    expect(requestKey(request({ query: "fields=a&fields=b" }))).not.toBe(requestKey(request({ query: "fields=b&fields=a" })))
  })

  it("matches If-None-Match lists, weak forms and the wildcard", () => {
    const etag = strongEtag('{"products":[]}')
    expect(etag).toMatch(/^"[\w-]{32}"$/)
    expect(strongEtag('{"products":[1]}')).not.toBe(etag)
    expect(matchesIfNoneMatch(etag, etag)).toBe(true)
    expect(matchesIfNoneMatch(`"other", W/${etag}`, etag)).toBe(true)
    expect(matchesIfNoneMatch("*", etag)).toBe(true)
    expect(matchesIfNoneMatch('"other"', etag)).toBe(false)
    expect(matchesIfNoneMatch(undefined, etag)).toBe(false)
  })

  it("invalidates everything on catalogue events and on events it does not know, not on carts, orders or customers", () => {
    for (const name of ["product.updated", "pricing.price.created", "inventory.inventory-item.updated", "region.updated", "product-category.deleted", "sales-channel.updated", "some-plugin.thing.updated"]) {
      expect([name, invalidationScope(name)]).toEqual([name, "catalog"])
    }
    for (const name of ["cart.updated", "cart.line-item.created", "order.placed", "customer.created", "payment.payment-collection.updated", "auth.password_reset", "stock_ledger.stock-movement.created", "inventory.low_stock", "transport.tracking.updated", "transport.shipment.exception", "fraud.assessment.created", "fraud.order.flagged", "fraud.order.rejected", "notificationCenter.notification-message.created"]) {
      expect([name, invalidationScope(name)]).toEqual([name, null])
    }
  })

  it("invalidates on links to catalogue entities, not on the checkout's cart, order and payment links", () => {
    for (const name of ["LinkProductSalesChannel.detached", "LinkProductVariantPriceSet.attached", "LinkPublishableApiKeySalesChannel.attached", "LinkSalesChannelStockLocation.detached"]) {
      expect([name, invalidationScope(name)]).toEqual([name, "catalog"])
    }
    for (const name of ["LinkCartPaymentCollection.attached", "LinkOrderCart.attached", "LinkOrderPaymentCollection.attached", "LinkCartPromotion.attached"]) {
      expect([name, invalidationScope(name)]).toEqual([name, null])
    }
  })

  it("invalidates only answers showing stock on inventory level and reservation events", () => {
    for (const name of ["inventory.inventory-level.updated", "inventory-level.updated", "inventory.reservation-item.created", "reservation-item.deleted"]) {
      expect([name, invalidationScope(name)]).toEqual([name, "stock"])
    }
  })

  it("recomputes inventory_quantity on hits, files other inventory paths under the stock generation, and nothing else", () => {
    const dependence = (path: string, query: string) => stockDependence({ path, query })
    expect(dependence("/store/products", "fields=*variants.calculated_price,+variants.inventory_quantity")).toBe("fresh")
    expect(dependence("/store/products/prod_1", "fields=%2Bvariants.inventory_quantity")).toBe("fresh")
    expect(dependence("/store/products/prod_1", "fields=*variants.inventory_items.inventory.location_levels")).toBe("generation")
    expect(dependence("/store/products", "fields=+variants.inventory_quantity,*variants.inventory_items")).toBe("generation")
    expect(dependence("/store/products", "limit=20&region_id=reg_1")).toBe("none")
    expect(dependence("/store/products", "fields=*variants.calculated_price")).toBe("none")
    expect(dependence("/store/product-categories", "fields=inventory")).toBe("none")
  })

  it("caches the shared recommendation lists under the stock and recommendation generations, never a visitor's own", () => {
    expect(isCacheableRoute("GET", "/store/recommendations/products/prod_1")).toBe(true)
    expect(isCacheableRoute("GET", "/store/recommendations/trending")).toBe(true)
    expect(isCacheableRoute("GET", "/store/recommendations/me")).toBe(false)
    expect(isCacheableRoute("POST", "/store/recommendations/events")).toBe(false)
    expect(isRecommendationList("/store/recommendations/trending")).toBe(true)
    expect(isRecommendationList("/store/products/prod_1")).toBe(false)
    // Lists leave out what is out of stock, whatever the fields asked.
    expect(stockDependence({ path: "/store/recommendations/trending", query: "limit=5" })).toBe("generation")
    expect(invalidationScope("recommendation.updated")).toBe("recommendations")
  })
})
