import { moduleIntegrationTestRunner } from "@medusajs/test-utils"
import { NOTIFICATION_CENTER_MODULE } from ".."
import { TEMPLATES, renderTemplate } from "../../../templates"
import type NotificationCenterModuleService from "../service"
import type { NewMessage } from "../service"

jest.setTimeout(60_000)

const options = { secret: "a-test-secret-of-enough-length" }

async function orderMessage(key: string): Promise<NewMessage> {
  const sample = TEMPLATES["order-placed"].sample
  const rendered = await renderTemplate("order-placed", sample, { locale: "de", branding: { storeName: "Läden & Co", primaryColor: "#123456" } })
  return {
    idempotency_key: key,
    channel: "email",
    template: "order-placed",
    category: "transactional",
    locale: "de",
    to: "ada@shopper.test",
    receiver_id: null,
    subject: rendered.subject,
    html: rendered.html,
    text: rendered.text,
    provider_data: null,
    data: sample as unknown as Record<string, unknown>,
    trigger: "order.placed",
    resource_type: "order",
    resource_id: sample.order.id,
  }
}

moduleIntegrationTestRunner<NotificationCenterModuleService>({
  moduleName: NOTIFICATION_CENTER_MODULE,
  resolve: "./src/plugins/notifications/src/modules/notification-center",
  moduleOptions: options,
  testSuite: ({ service }) => {
    it("records a rendered order confirmation once per idempotency key, even when two deliveries race", async () => {
      const message = await orderMessage("order-placed:email:order_1:ada@shopper.test")
      const results = await Promise.all([service.recordMessage(message), service.recordMessage(message), service.recordMessage(message)])
      expect(results.filter((r) => r.created)).toHaveLength(1)
      expect(new Set(results.map((r) => r.message.id)).size).toBe(1)
      const [stored] = await service.listNotificationMessages({ idempotency_key: message.idempotency_key })
      expect(stored.html).toBe(message.html)
      expect(stored.text).toContain("86,99")
    })

    it("keeps consent per address: marketing consent clears an earlier unsubscribe, unsubscribing withdraws it", async () => {
      await service.savePreference("Ada@Shopper.test", { marketing_email: true })
      expect(await service.preferenceFor("ada@shopper.test")).toMatchObject({ marketing_email: true, unsubscribed_at: null })
      await service.unsubscribe("ADA@shopper.test")
      const after = await service.preferenceFor("ada@shopper.test")
      expect(after).toMatchObject({ marketing_email: false })
      expect(after!.unsubscribed_at).toBeInstanceOf(Date)
      await service.savePreference("ada@shopper.test", { marketing_email: true })
      expect(await service.preferenceFor("ada@shopper.test")).toMatchObject({ marketing_email: true, unsubscribed_at: null })
      expect(await service.listNotificationPreferences({})).toHaveLength(1)
    })

    it("finds only failed messages whose retry is due, and queued ones left behind by a crash", async () => {
      const now = new Date()
      const due = (await service.recordMessage(await orderMessage("k-due"))).message
      const later = (await service.recordMessage(await orderMessage("k-later"))).message
      const fresh = (await service.recordMessage(await orderMessage("k-fresh"))).message
      await service.updateNotificationMessages([
        { id: due.id, status: "failed", next_attempt_at: new Date(now.getTime() - 1000) },
        { id: later.id, status: "failed", next_attempt_at: new Date(now.getTime() + 60_000) },
      ])
      expect((await service.dueMessages(now, 10)).map((m) => m.id)).toEqual([due.id])
      // Ten minutes on, the queued message nobody delivered is picked up too.
      const tenMinutesOn = new Date(now.getTime() + 10 * 60_000)
      expect((await service.dueMessages(tenMinutesOn, 10)).map((m) => m.id).sort()).toEqual([due.id, later.id, fresh.id].sort())
    })

    it("keeps one open back-in-stock request per variant and address", async () => {
      const input = { variant_id: "variant_1", email: "Bo@Shopper.test", customer_id: null, sales_channel_id: "sc_1", locale: null }
      const [a, b] = await Promise.all([service.requestBackInStock(input), service.requestBackInStock({ ...input, email: "bo@shopper.test" })])
      expect(a.request.id).toBe(b.request.id)
      await service.updateBackInStockRequests({ id: a.request.id, notified_at: new Date() })
      const again = await service.requestBackInStock(input)
      expect(again.created).toBe(true)
      expect(await service.openBackInStockRequests(["variant_1"])).toHaveLength(1)
    })
  },
})
