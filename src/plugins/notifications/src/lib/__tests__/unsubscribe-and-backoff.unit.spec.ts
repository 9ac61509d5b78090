import { nextAttemptAt } from "../../modules/notification-center/backoff"
import { readDeliveryTag, withDeliveryTag } from "../../providers/delivery-tag"
import { unsubscribeToken, unsubscribeUrl, verifyUnsubscribeToken } from "../unsubscribe-token"

const SECRET = "a-secret-of-sufficient-length"

describe("signed unsubscribe links", () => {
  it("name the address they were made for, whatever its case", () => {
    const token = unsubscribeToken("Ada@Shopper.test", SECRET)
    expect(verifyUnsubscribeToken(token, SECRET)).toBe("ada@shopper.test")
    expect(unsubscribeUrl("https://api.shop.test", "ada@shopper.test", SECRET)).toBe(`https://api.shop.test/notifications/unsubscribe?token=${token}`)
  })

  it("refuse a token signed with another secret, for another address, truncated or padded", () => {
    const token = unsubscribeToken("ada@shopper.test", SECRET)
    const [address, signature] = token.split(".")
    const other = unsubscribeToken("bob@shopper.test", SECRET).split(".")[0]
    for (const forged of [
      unsubscribeToken("ada@shopper.test", "another-secret-entirely"),
      `${other}.${signature}`,
      `${address}.${signature.slice(0, -2)}`,
      `${address}.${signature}.x`,
      `${address}`,
      "",
    ]) {
      expect([forged, verifyUnsubscribeToken(forged, SECRET)]).toEqual([forged, null])
    }
  })
})

describe("retry backoff", () => {
  it("waits 1, 5, 25 minutes and about 2 hours, then gives up after the last attempt", () => {
    const now = new Date("2026-12-02T10:00:00Z")
    const waits = [1, 2, 3, 4, 5].map((made) => nextAttemptAt(made, { maxAttempts: 5, baseDelaySeconds: 60 }, now))
    expect(waits.map((at) => (at ? (at.getTime() - now.getTime()) / 60_000 : null))).toEqual([1, 5, 25, 125, null])
  })
})

describe("provider error tags", () => {
  it("survive Medusa's rewrapping of a provider's message and tell permanent from retryable", () => {
    const wrapped = `Failed to send notification with id noti_1:\n${withDeliveryTag("Push service says the subscription is gone (HTTP 410).", "subscription_gone", false)}`
    expect(readDeliveryTag(wrapped)).toEqual({ code: "subscription_gone", retryable: false })
    expect(readDeliveryTag(withDeliveryTag("SMTP server busy (451).", "EENVELOPE", true))).toEqual({ code: "EENVELOPE", retryable: true })
    expect(readDeliveryTag("Some other error")).toBeNull()
  })
})
