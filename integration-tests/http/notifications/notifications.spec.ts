import { medusaIntegrationTestRunner } from "@medusajs/test-utils"
import { ContainerRegistrationKeys, Modules } from "@medusajs/framework/utils"
import type { MedusaContainer } from "@medusajs/framework/types"
import { createPushEndpointCertificate, startPushEndpoint, type PushEndpoint } from "../../../test-utils/web-push-endpoint"
import { startSmsFake, type SmsFake } from "../../../test-utils/sms-fake"
import { createReadyCart, placeOrder, prepareCart, shopperHeaders } from "../../helpers/cart"
import { signUp } from "../../helpers/customer"
import { attempt, ok, storeHeaders, uniqueSuffix, type Api } from "../../helpers/http"
import { eventually, useSmtpInbox } from "../../helpers/smtp-inbox"
import { seedStore, type StoreFixture } from "../../helpers/store-fixture"
import orderPlaced from "../../../src/plugins/notifications/src/subscribers/order-placed"
import { selectAbandonedCarts, sendAbandonedCartReminders } from "../../../src/plugins/notifications/src/lib/abandoned-carts"
import { retryDueMessages } from "../../../src/plugins/notifications/src/lib/retry"

jest.setTimeout(240_000)
delete process.env.REDIS_URL

// A real SMTP server in the test process; SMS against a fake of Twilio's Messages API and web push
// against a fake push service (test-utils/), both following the vendors' public specifications.
const smtp = useSmtpInbox()
// The push service fake serves https with its own certificate, which the app is told to trust.
const pushCertificate = createPushEndpointCertificate()
const SMS_ACCOUNT = "AC0123456789abcdef0123456789abcdef"
const SMS_TOKEN = "sms-auth-token-123"
const smsPort = 39000 + Math.floor(Math.random() * 900)
Object.assign(process.env, {
  TWILIO_ACCOUNT_SID: SMS_ACCOUNT,
  TWILIO_AUTH_TOKEN: SMS_TOKEN,
  TWILIO_FROM: "+15005550006",
  TWILIO_API_BASE_URL: `http://127.0.0.1:${smsPort}`,
  EMPORIUM_STORE_NAME: "Emporium Test",
  STOREFRONT_URL: "http://shop.test",
  WEB_PUSH_EXTRA_CA: pushCertificate.cert,
})

type Message = {
  id: string
  channel: string
  template: string
  to: string
  subject: string
  status: string
  attempts: number
  last_error: string | null
  next_attempt_at: string | null
  suppressed_reason: string | null
  resent_from_id: string | null
}

medusaIntegrationTestRunner({
  testSuite: ({ api: rawApi, getContainer }) => {
    const api = rawApi as Api
    let f: StoreFixture
    let sms: SmsFake
    let push: PushEndpoint

    const mailbox = async (query: string) => (await ok<{ messages: Message[]; count: number }>(api.get(`/admin/mailbox?${query}`, f.admin.headers))).messages
    /** Waits until the mailbox holds `count` messages matching the query. */
    const messagesFor = async (query: string, count = 1) => eventually(async () => {
      const found = await mailbox(query)
      return found.length >= count ? found : null
    }).then((found) => found ?? mailbox(query))

    beforeAll(async () => {
      await smtp.start()
      sms = await startSmsFake({ accountSid: SMS_ACCOUNT, authToken: SMS_TOKEN, port: smsPort })
      push = await startPushEndpoint({ certificate: pushCertificate })
      f = await seedStore(getContainer(), api)
    })
    afterAll(async () => {
      await smtp.stop()
      await sms?.close()
      await push?.close()
    })

    it("welcomes a new customer, confirms the order, and mails shipping with the tracking link and delivery, over a real SMTP server", async () => {
      const shopper = await signUp(api, f.storefront.publishableKey, "Grace")
      const [welcome] = await smtp.waitFor(shopper.email)
      expect(welcome.subject).toContain("Emporium Test")
      expect(welcome.text).toContain("Grace")
      expect(welcome.envelope.from).toBe("shop@emporium.test")

      const order = await placeOrder(api, f, shopper, [{ variantId: f.product.variants[0].id, quantity: 2 }])
      const [, confirmation] = await smtp.waitFor(shopper.email, 2)
      expect(confirmation.subject).toMatch(/order/i)
      expect(confirmation.subject).toContain(String((order as { display_id?: number }).display_id ?? ""))
      for (const part of [confirmation.html, confirmation.text]) {
        expect(part).toContain("Linen shirt")
        expect(part).toContain("Berlin") // the shipping address
        expect(part).toContain("€60.00") // 2 × €25 + €10 shipping
      }

      // The merchant ships with a carrier label, then marks the parcel delivered.
      const { order: full } = await ok(api.get(`/admin/orders/${order.id}`, f.admin.headers))
      const items = full.items.map((i: { id: string; quantity: number }) => ({ id: i.id, quantity: i.quantity }))
      const { order: fulfilled } = await ok(
        api.post(`/admin/orders/${order.id}/fulfillments?fields=fulfillments.id`, { items, location_id: f.shipping.stockLocation.id }, f.admin.headers)
      )
      const fulfillmentId = fulfilled.fulfillments[0].id
      await ok(
        api.post(
          `/admin/orders/${order.id}/fulfillments/${fulfillmentId}/shipments`,
          { items, labels: [{ tracking_number: "EH123456789DE", tracking_url: "https://track.example/EH123456789DE", label_url: "https://track.example/label" }] },
          f.admin.headers
        )
      )
      const [, , shipped] = await smtp.waitFor(shopper.email, 3)
      expect(shipped.text).toContain("EH123456789DE")
      expect(shipped.html).toContain('href="https://track.example/EH123456789DE"')

      await ok(api.post(`/admin/orders/${order.id}/fulfillments/${fulfillmentId}/mark-as-delivered`, {}, f.admin.headers))
      const mails = await smtp.waitFor(shopper.email, 4)
      expect(mails).toHaveLength(4)

      // The SMTP server holds a mail a moment before its sender records it as sent (CI once read
      // "sending"): wait until no record is in flight, then the statuses must all be "sent".
      const shoppersMail = `q=${encodeURIComponent(shopper.email)}`
      const inFlight = (m: Message) => m.status === "queued" || m.status === "sending"
      const history =
        (await eventually(async () => {
          const messages = await mailbox(shoppersMail)
          return messages.some(inFlight) ? undefined : messages
        })) ?? (await mailbox(shoppersMail))
      expect(history.map((m) => [m.template, m.status]).sort()).toEqual([
        ["order-placed", "sent"],
        ["shipment-delivered", "sent"],
        ["shipment-shipped", "sent"],
        ["welcome", "sent"],
      ])
    })

    it("mails each refund once with its amount, and a cancellation", async () => {
      const paymentOf = async (orderId: string) =>
        (await ok<any>(api.get(`/admin/orders/${orderId}?fields=payment_collections.payments.id`, f.admin.headers))).order.payment_collections[0].payments[0].id
      const buyer = { email: `refunded-${uniqueSuffix()}@shopper.test` }
      const order = await placeOrder(api, f, buyer, [{ variantId: f.product.variants[0].id, quantity: 2 }])
      const paymentId = await paymentOf(order.id)
      await ok(api.post(`/admin/payments/${paymentId}/capture`, {}, f.admin.headers))
      await ok(api.post(`/admin/payments/${paymentId}/refund`, { amount: 5 }, f.admin.headers))
      const firstRefund = await smtp.waitUntil((m) => m.to.includes(buyer.email) && m.text.includes("€5.00"))
      await ok(api.post(`/admin/payments/${paymentId}/refund`, { amount: 7.5 }, f.admin.headers))
      const secondRefund = await smtp.waitUntil((m) => m.to.includes(buyer.email) && m.text.includes("€7.50"))
      expect([firstRefund?.subject, secondRefund?.subject].every((subject) => /refund/i.test(subject ?? ""))).toBe(true)
      // The confirmation and one mail per refund: the second refund's event did not repeat the first.
      await new Promise((r) => setTimeout(r, 500))
      expect(smtp.mails.filter((m) => m.to.includes(buyer.email))).toHaveLength(3)

      const canceledBuyer = { email: `canceled-${uniqueSuffix()}@shopper.test` }
      const canceled = await placeOrder(api, f, canceledBuyer, [{ variantId: f.product.variants[0].id, quantity: 1 }])
      await ok(api.post(`/admin/orders/${canceled.id}/cancel`, {}, f.admin.headers))
      const cancellation = await smtp.waitUntil((m) => m.to.includes(canceledBuyer.email) && /cancel/i.test(m.subject))
      expect(cancellation?.text).toContain("Linen shirt")
      expect(cancellation?.subject).toContain(String(canceled.display_id))
    })

    it("a redelivered order.placed event sends nothing twice, even when both deliveries arrive together", async () => {
      const buyer = { email: `twice-${uniqueSuffix()}@shopper.test` }
      const order = await placeOrder(api, f, buyer, [{ variantId: f.product.variants[0].id, quantity: 1 }])
      await smtp.waitFor(buyer.email)
      const event = { name: "order.placed", data: { id: order.id } }
      const container = getContainer()
      await Promise.all([orderPlaced({ event, container } as never), orderPlaced({ event, container } as never)])
      await orderPlaced({ event, container } as never)

      expect(smtp.mails.filter((m) => m.to.includes(buyer.email))).toHaveLength(1)
      expect(await mailbox(`q=${encodeURIComponent(buyer.email)}`)).toHaveLength(1)
    })

    it("sends SMS and web push only where the customer opted in (SMS API fake; push service fake that checks VAPID and decrypts)", async () => {
      const optedIn = await signUp(api, f.storefront.publishableKey, "Linus")
      const silent = await signUp(api, f.storefront.publishableKey, "Quiet")
      const subscription = push.createSubscription()
      const me = (s: typeof optedIn) => shopperHeaders(f, s)

      const { vapid_public_key } = await ok(api.get("/store/notifications/push-key", storeHeaders(f.storefront.publishableKey)))
      expect(vapid_public_key).toMatch(/^[\w-]{80,100}$/)
      expect((await attempt(api.post("/store/customers/me/push-subscriptions", subscription, me(optedIn)))).status).toBe(201)
      await ok(api.post("/store/customers/me/notification-preferences", { sms: true, phone: "+4915112345678", push: true }, me(optedIn)))
      // Subscribed from the browser, but never opted in: nothing is pushed.
      const silentSubscription = push.createSubscription()
      await ok(api.post("/store/customers/me/push-subscriptions", silentSubscription, me(silent)))

      const order = await placeOrder(api, f, optedIn, [{ variantId: f.product.variants[0].id, quantity: 1 }])
      await placeOrder(api, f, silent, [{ variantId: f.product.variants[0].id, quantity: 1 }])
      await messagesFor(`channel=sms`)
      await eventually(async () => push.received().length > 0)

      expect(sms.messages().map((m) => [m.To, m.From])).toEqual([["+4915112345678", "+15005550006"]])
      expect(sms.messages()[0].Body).toContain("Emporium Test")
      const [delivered] = push.received()
      expect(delivered.endpoint).toBe(subscription.endpoint)
      expect(delivered.vapid.sub).toMatch(/^mailto:/)
      const payload = JSON.parse(delivered.payload)
      expect(payload.url).toBe(`http://shop.test/account/orders/details/${order.id}`)
      expect(payload.title.length).toBeGreaterThan(0)
      expect(push.received().filter((p) => p.endpoint === silentSubscription.endpoint)).toEqual([])

      // The browser dropped the subscription: the push service answers 410, the engine stops using it.
      push.expire(subscription.endpoint)
      await placeOrder(api, f, optedIn, [{ variantId: f.product.variants[0].id, quantity: 1 }])
      const [gone] = await eventually(async () => {
        const failed = await mailbox("channel=push&status=failed")
        return failed.length ? failed : null
      }) ?? []
      expect(gone?.last_error).toMatch(/subscription_gone/)
      expect(gone?.next_attempt_at).toBeNull()
      const resend = await attempt(api.post(`/admin/mailbox/${gone!.id}/resend`, {}, f.admin.headers))
      expect(resend.status).toBe(400)
      expect(resend.data.message).toMatch(/subscription is gone/)
    })

    it("keeps a failed send with its error, retries it with backoff, and resends from the admin mailbox", async () => {
      const buyer = { email: `flaky-${uniqueSuffix()}@shopper.test` }
      smtp.refuseOnce(buyer.email)
      await placeOrder(api, f, buyer, [{ variantId: f.product.variants[0].id, quantity: 1 }])
      const [failed] = await messagesFor(`status=failed&q=${encodeURIComponent(buyer.email)}`)
      expect(failed.attempts).toBe(1)
      expect(failed.last_error).toMatch(/451/)
      const wait = new Date(failed.next_attempt_at!).getTime() - Date.now()
      expect(wait).toBeGreaterThan(30_000) // backoff: the first retry about a minute later
      expect(smtp.mails.filter((m) => m.to.includes(buyer.email))).toHaveLength(0)

      // Not yet due: nothing happens. Due: sent on the second attempt.
      expect((await retryDueMessages(getContainer(), new Date())).retried).toBe(0)
      expect(await retryDueMessages(getContainer(), new Date(Date.now() + 2 * 60_000))).toEqual({ retried: 1, sent: 1 })
      const { message } = await ok(api.get(`/admin/mailbox/${failed.id}`, f.admin.headers))
      expect(message).toMatchObject({ status: "sent", attempts: 2, last_error: null })
      expect(message.html).toContain("Linen shirt")
      expect(await smtp.waitFor(buyer.email)).toHaveLength(1)

      const resent = await ok(api.post(`/admin/mailbox/${failed.id}/resend`, {}, f.admin.headers))
      expect(resent.message).toMatchObject({ status: "sent", resent_from_id: failed.id, template: "order-placed" })
      const copies = await smtp.waitFor(buyer.email, 2)
      expect(copies.map((m) => m.subject)).toEqual([copies[0].subject, copies[0].subject])

      // Resending a failed message replaces its scheduled retry: one copy arrives, not two.
      const second = { email: `flaky-again-${uniqueSuffix()}@shopper.test` }
      smtp.refuseOnce(second.email)
      await placeOrder(api, f, second, [{ variantId: f.product.variants[0].id, quantity: 1 }])
      const [failedAgain] = await messagesFor(`status=failed&q=${encodeURIComponent(second.email)}`)
      await ok(api.post(`/admin/mailbox/${failedAgain.id}/resend`, {}, f.admin.headers))
      expect(await retryDueMessages(getContainer(), new Date(Date.now() + 2 * 60_000))).toEqual({ retried: 0, sent: 0 })
      expect(await smtp.waitFor(second.email)).toHaveLength(1)
    })

    it("reminds exactly the abandoned carts once, only with marketing consent, and honours one-click unsubscribe", async () => {
      const container = getContainer()
      const now = new Date()
      const line = [{ variantId: f.product.variants[0].id, quantity: 1 }]
      const cart = async (email: string | null, hoursIdle: number, options: { items?: boolean; consent?: boolean } = {}) => {
        const buyer = { email: email ?? `nobody-${uniqueSuffix()}@shopper.test` }
        const prepared = await prepareCart(api, f, buyer, options.items === false ? [] : line)
        if (options.consent) await ok(api.post(`/store/carts/${prepared.id}`, { metadata: { marketing_consent: true } }, shopperHeaders(f, buyer)))
        if (!email) await idle(container, prepared.id, hoursIdle, { clearEmail: true })
        else await idle(container, prepared.id, hoursIdle)
        return prepared.id
      }
      const consenting = `comeback-${uniqueSuffix()}@shopper.test`
      const noConsent = `browser-${uniqueSuffix()}@shopper.test`
      const due = await cart(consenting, 5, { consent: true })
      const dueWithoutConsent = await cart(noConsent, 6)
      await cart(`fresh-${uniqueSuffix()}@shopper.test`, 1, { consent: true }) // idle only 1 h
      await cart(`ancient-${uniqueSuffix()}@shopper.test`, 100, { consent: true }) // past the 72 h window
      await cart(null, 5) // no e-mail
      await cart(`empty-${uniqueSuffix()}@shopper.test`, 5, { items: false })
      const completedBuyer = { email: `done-${uniqueSuffix()}@shopper.test` }
      const completed = await createReadyCart(api, f, completedBuyer, line)
      await ok(api.post(`/store/carts/${completed.id}/complete`, {}, shopperHeaders(f, completedBuyer)))
      await idle(container, completed.id, 5)

      const selected = await selectAbandonedCarts(container, now)
      expect(selected.map((c) => c.id).sort()).toEqual([due, dueWithoutConsent].sort())

      expect(await sendAbandonedCartReminders(container, now)).toEqual({ selected: 2, sent: 1 })
      const [reminder] = await smtp.waitFor(consenting)
      expect(reminder.html).toContain(`href="http://shop.test/cart?cart_id=${due}"`)
      // mailparser folds List-* headers into an object: read the raw, unfolded header lines.
      const header = (name: string) =>
        reminder.parsed.headerLines.find((h) => h.key === name)?.line.replace(/\r?\n[ \t]+/g, " ").replace(/^[^:]+:\s*/, "") ?? ""
      const unsubscribeHeader = header("list-unsubscribe")
      expect(header("list-unsubscribe-post")).toBe("List-Unsubscribe=One-Click")
      const [suppressed] = await mailbox(`q=${encodeURIComponent(noConsent)}`)
      expect(suppressed).toMatchObject({ status: "suppressed", template: "abandoned-cart" })
      expect(smtp.mails.filter((m) => m.to.includes(noConsent))).toEqual([])
      // A second run reminds nobody again.
      expect(await sendAbandonedCartReminders(container, now)).toEqual({ selected: 0, sent: 0 })

      // One-click unsubscribe (RFC 8058): GET only asks, POST unsubscribes.
      const unsubscribeUrl = new URL(unsubscribeHeader.replace(/^<|>$/g, ""))
      const path = `${unsubscribeUrl.pathname}${unsubscribeUrl.search}`
      const asked = await attempt(api.get(path))
      expect(asked.status).toBe(200)
      expect(String(asked.data)).toContain(consenting)
      const done = await attempt(api.post(path, "List-Unsubscribe=One-Click", { headers: { "content-type": "application/x-www-form-urlencoded" } }))
      expect(done.status).toBe(200)
      expect(String(done.data)).toContain("unsubscribed")
      const forged = await attempt(api.post(path.replace(/.{4}$/, "AAAA")))
      expect(forged.status).toBe(400)

      const again = await cart(consenting, 5, { consent: true })
      await sendAbandonedCartReminders(container, now)
      const [afterUnsubscribe] = await mailbox(`template=abandoned-cart&q=${encodeURIComponent(consenting)}&status=suppressed`)
      expect(afterUnsubscribe.suppressed_reason).toMatch(/unsubscribed/)
      expect(smtp.mails.filter((m) => m.to.includes(consenting))).toHaveLength(1)
      expect(again).toBeTruthy()
      // Transactional mail still arrives after unsubscribing from marketing.
      await placeOrder(api, f, { email: consenting }, line)
      expect(await smtp.waitFor(consenting, 2)).toHaveLength(2)
    })

    it("mails a password-reset link whose token sets the new password", async () => {
      const shopper = await signUp(api, f.storefront.publishableKey, "Reset")
      await smtp.waitFor(shopper.email) // welcome
      await ok(api.post("/auth/customer/emailpass/reset-password", { identifier: shopper.email }))
      const [, resetMail] = await smtp.waitFor(shopper.email, 2)
      const link = resetMail.html.match(/href="(http:\/\/shop\.test\/account\/reset-password\?[^"]+)"/)?.[1]
      expect(link).toBeDefined()
      const url = new URL(link!.replace(/&amp;/g, "&"))
      expect(url.searchParams.get("email")).toBe(shopper.email)
      const token = url.searchParams.get("token")!
      await ok(api.post("/auth/customer/emailpass/update", { password: "a-brand-new-pw-1" }, { headers: { authorization: `Bearer ${token}` } }))
      expect((await attempt(api.post("/auth/customer/emailpass", { email: shopper.email, password: "a-brand-new-pw-1" }))).status).toBe(200)
    })

    it("e-mails a waiting customer once when the variant is back in stock", async () => {
      const variant = f.product.variants[1] // size L, 5 in stock
      const email = `waiting-${uniqueSuffix()}@shopper.test`
      const headers = storeHeaders(f.storefront.publishableKey)
      const inStock = await attempt(api.post("/store/notifications/back-in-stock", { variant_id: variant.id, email }, headers))
      expect(inStock.status).toBe(400)
      expect(inStock.data.message).toMatch(/in stock/)

      const inventory = getContainer().resolve(Modules.INVENTORY)
      await inventory.updateInventoryLevels([{ inventory_item_id: variant.inventoryItemId, location_id: f.shipping.stockLocation.id, stocked_quantity: 0 }])
      const created = await attempt(api.post("/store/notifications/back-in-stock", { variant_id: variant.id, email }, headers))
      expect(created.status).toBe(201)
      const repeated = await attempt(api.post("/store/notifications/back-in-stock", { variant_id: variant.id, email: email.toUpperCase() }, headers))
      expect(repeated.status).toBe(200)
      expect(repeated.data.back_in_stock_request.id).toBe(created.data.back_in_stock_request.id)

      await ok(
        api.post(
          `/admin/inventory-items/${variant.inventoryItemId}/location-levels/${f.shipping.stockLocation.id}`,
          { stocked_quantity: 3 },
          f.admin.headers
        )
      )
      const [mail] = await smtp.waitFor(email)
      expect(mail.text).toContain("Linen shirt")
      expect(mail.html).toContain("http://shop.test/products/")
      // Another stock change sends nothing more.
      await ok(api.post(`/admin/inventory-items/${variant.inventoryItemId}/location-levels/${f.shipping.stockLocation.id}`, { stocked_quantity: 4 }, f.admin.headers))
      await new Promise((r) => setTimeout(r, 1500))
      expect(smtp.mails.filter((m) => m.to.includes(email))).toHaveLength(1)
    })

    it("tells the merchants about an order waiting for fraud review and about low and out-of-stock items", async () => {
      const buyer = { email: `risky-${uniqueSuffix()}@shopper.test` }
      const order = await placeOrder(api, f, buyer, [{ variantId: f.product.variants[0].id, quantity: 1 }])
      const bus = getContainer().resolve(Modules.EVENT_BUS)
      await bus.emit({ name: "fraud.order.flagged", data: { id: "fas_test_1", order_id: order.id, score: 72, decision: "review", reasons: ["Billing and shipping countries differ"] } })
      // Other merchant mails (stock alerts from the fixture's small stock) may arrive too: pick by content.
      const review = await smtp.waitUntil((m) => m.to.includes(f.admin.email.toLowerCase()) && m.text.includes("Billing and shipping countries differ"))
      expect(review).toBeDefined()
      expect(review!.text).toContain("72")
      expect(review!.text).toContain("Billing and shipping countries differ")
      expect(review!.html).toContain(`/app/orders/${order.id}`)

      await bus.emit({
        name: "inventory.out_of_stock",
        data: { id: "salert_test_1", inventory_item_id: f.product.variants[0].inventoryItemId, location_id: f.shipping.stockLocation.id, available_quantity: 0, threshold: 5 },
      })
      const alert = await smtp.waitUntil((m) => m.to.includes(f.admin.email.toLowerCase()) && m.text.includes(f.product.variants[0].sku) && /out of stock/i.test(m.subject))
      expect(alert).toBeDefined()
      expect(alert!.text).toContain(f.shipping.stockLocation.name)
    })

    it("lets the merchant browse the mailbox, read a message and preview every template in every language", async () => {
      const buyer = { email: `browse-${uniqueSuffix()}@shopper.test` }
      await placeOrder(api, f, buyer, [{ variantId: f.product.variants[0].id, quantity: 1 }])
      const [listed] = await messagesFor(`channel=email&template=order-placed&q=${encodeURIComponent(buyer.email)}`)
      expect(listed).not.toHaveProperty("html")
      const { message } = await ok(api.get(`/admin/mailbox/${listed.id}`, f.admin.headers))
      expect(message.html).toContain("Linen shirt")
      expect(message.text).toContain("Linen shirt")

      const { templates } = await ok(api.get("/admin/notifications/templates", f.admin.headers))
      expect(templates.map((t: { name: string }) => t.name)).toEqual(expect.arrayContaining(["order-placed", "abandoned-cart", "stock-alert"]))
      const en = await ok(api.get("/admin/notifications/templates/order-placed/preview?locale=en", f.admin.headers))
      const de = await ok(api.get("/admin/notifications/templates/order-placed/preview?locale=de", f.admin.headers))
      expect(de.preview.subject).not.toBe(en.preview.subject)
      expect(de.preview.html).toContain("Emporium Test")

      const status = await ok(api.get("/admin/notifications/status", f.admin.headers))
      expect(status.channels).toEqual({ email: "smtp", sms: "sms-http", push: "web-push" })
      expect(status.counts.sent).toBeGreaterThan(0)

      const refused: [string, () => Promise<{ status: number; data: { message?: string } }>, number][] = [
        ["unknown status", () => attempt(api.get("/admin/mailbox?status=lost", f.admin.headers)), 400],
        ["limit over 100", () => attempt(api.get("/admin/mailbox?limit=1000", f.admin.headers)), 400],
        ["unknown parameter", () => attempt(api.get("/admin/mailbox?order_by=to", f.admin.headers)), 400],
        ["unknown message", () => attempt(api.get("/admin/mailbox/nmsg_nope", f.admin.headers)), 404],
        ["resend unknown", () => attempt(api.post("/admin/mailbox/nmsg_nope/resend", {}, f.admin.headers)), 404],
        ["unknown template", () => attempt(api.get("/admin/notifications/templates/nope/preview", f.admin.headers)), 404],
        ["unknown locale", () => attempt(api.get("/admin/notifications/templates/welcome/preview?locale=xx", f.admin.headers)), 400],
        ["no admin", () => attempt(api.get("/admin/mailbox")), 401],
        ["a customer is no admin", async () => attempt(api.get("/admin/mailbox", shopperHeaders(f, await signUp(api, f.storefront.publishableKey, "Nosy")))), 401],
      ]
      for (const [name, send, expected] of refused) {
        const answer = await send()
        expect([name, answer.status]).toEqual([name, expected])
        expect([name, typeof answer.data?.message]).toEqual([name, "string"])
      }
    })

    it("answers bad input on the store routes with a 4xx and a message, and lets customers change only their own settings", async () => {
      const shopper = await signUp(api, f.storefront.publishableKey, "Picky")
      const other = await signUp(api, f.storefront.publishableKey, "Other")
      const mine = shopperHeaders(f, shopper)
      const guest = storeHeaders(f.storefront.publishableKey)
      const sub = push.createSubscription()
      await ok(api.post("/store/customers/me/push-subscriptions", sub, shopperHeaders(f, other)))

      const cases: [string, () => Promise<{ status: number; data: { message?: string } }>, number][] = [
        ["preferences without login", () => attempt(api.get("/store/customers/me/notification-preferences", guest)), 401],
        ["phone not E.164", () => attempt(api.post("/store/customers/me/notification-preferences", { phone: "0151 123" }, mine)), 400],
        ["sms without phone", () => attempt(api.post("/store/customers/me/notification-preferences", { sms: true }, mine)), 400],
        ["not a boolean", () => attempt(api.post("/store/customers/me/notification-preferences", { marketing_email: "yes" }, mine)), 400],
        ["unknown field", () => attempt(api.post("/store/customers/me/notification-preferences", { email: "x@y.z" }, mine)), 400],
        ["empty body", () => attempt(api.post("/store/customers/me/notification-preferences", {}, mine)), 400],
        ["push subscription without login", () => attempt(api.post("/store/customers/me/push-subscriptions", push.createSubscription(), guest)), 401],
        ["push endpoint not https", () => attempt(api.post("/store/customers/me/push-subscriptions", { ...push.createSubscription(), endpoint: "http://push.example/abc" }, mine)), 400],
        ["push key of the wrong size", () => attempt(api.post("/store/customers/me/push-subscriptions", { ...sub, keys: { p256dh: "AAAA", auth: sub.keys.auth } }, mine)), 400],
        ["push keys missing", () => attempt(api.post("/store/customers/me/push-subscriptions", { endpoint: sub.endpoint }, mine)), 400],
        ["deleting another customer's subscription", () => attempt(api.delete("/store/customers/me/push-subscriptions", { ...mine, data: { endpoint: sub.endpoint } })), 404],
        ["back in stock: not a variant id", () => attempt(api.post("/store/notifications/back-in-stock", { variant_id: "prod_1", email: "a@b.test" }, guest)), 400],
        ["back in stock: unknown variant", () => attempt(api.post("/store/notifications/back-in-stock", { variant_id: "variant_nope", email: "a@b.test" }, guest)), 404],
        ["back in stock: another channel's product", () => attempt(api.post("/store/notifications/back-in-stock", { variant_id: f.wholesaleProduct.variants[0].id, email: "a@b.test" }, guest)), 404],
        ["back in stock: guest without e-mail", () => attempt(api.post("/store/notifications/back-in-stock", { variant_id: f.product.variants[0].id }, guest)), 400],
        ["back in stock: bad e-mail", () => attempt(api.post("/store/notifications/back-in-stock", { variant_id: f.product.variants[0].id, email: "nope" }, guest)), 400],
        ["unsubscribe without token", () => attempt(api.get("/notifications/unsubscribe")), 400],
        ["unsubscribe with a forged token", () => attempt(api.post("/notifications/unsubscribe?token=YUBiLmM.forged")), 400],
      ]
      for (const [name, send, expected] of cases) {
        const answer = await send()
        expect([name, answer.status]).toEqual([name, expected])
        if (!name.startsWith("unsubscribe")) expect([name, typeof answer.data?.message]).toEqual([name, "string"])
      }

      // The other customer's subscription is untouched; the shopper's own settings round-trip.
      const { notification_preferences } = await ok(api.post("/store/customers/me/notification-preferences", { marketing_email: true, locale: "de" }, mine))
      expect(notification_preferences).toMatchObject({ email: shopper.email, marketing_email: true, locale: "de", sms: false })
      expect((await ok(api.get("/store/customers/me/notification-preferences", mine))).notification_preferences.marketing_email).toBe(true)
      expect((await ok(api.get("/store/customers/me/notification-preferences", shopperHeaders(f, other)))).notification_preferences.marketing_email).toBe(false)
    })
  },
})

/** Moves a cart (and its lines) `hours` into the past, as if nobody had touched it since. */
async function idle(container: MedusaContainer, cartId: string, hours: number, options: { clearEmail?: boolean } = {}) {
  const knex = container.resolve(ContainerRegistrationKeys.PG_CONNECTION)
  const at = new Date(Date.now() - hours * 3_600_000)
  await knex.raw(`update cart set updated_at = ?, email = case when ? then null else email end where id = ?`, [at, !!options.clearEmail, cartId])
  await knex.raw(`update cart_line_item set updated_at = ? where cart_id = ?`, [at, cartId])
}
