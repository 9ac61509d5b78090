import type { ProviderSendNotificationDTO } from "@medusajs/framework/types"
import { MedusaError } from "@medusajs/framework/utils"
import { startSmsFake, type SmsFake } from "../../../../../../test-utils/sms-fake"
import { SmsSendError } from "../sms-http/adapter"
import { validateSmsHttpOptions, type SmsHttpOptions } from "../sms-http/options"
import SmsHttpNotificationProviderService from "../sms-http/service"

// The provider against a protocol-level fake of Twilio's Messages API (test-utils/sms-fake,
// written from Twilio's API reference), over real HTTP. Not Twilio itself.
const ACCOUNT_SID = `AC${"1".repeat(32)}`
const AUTH_TOKEN = "auth-token-secret"
const SERVICE_SID = `MG${"a".repeat(32)}`

const sms = (overrides: Partial<ProviderSendNotificationDTO> = {}): ProviderSendNotificationDTO => ({
  to: "+4915112345678",
  channel: "sms",
  template: "order-shipped",
  content: { text: "Your order #1001 has shipped." },
  ...overrides,
})

describe("SMS provider (against the Twilio Messages API fake)", () => {
  let fake: SmsFake
  const provider = (options: Partial<SmsHttpOptions> = {}) =>
    new SmsHttpNotificationProviderService({}, { accountSid: ACCOUNT_SID, authToken: AUTH_TOKEN, from: "+15005550006", apiBaseUrl: fake.url, ...options })
  const failure = (promise: Promise<unknown>) => promise.then(() => undefined, (e: unknown) => e as SmsSendError)

  beforeAll(async () => {
    fake = await startSmsFake({ accountSid: ACCOUNT_SID, authToken: AUTH_TOKEN })
  })
  afterAll(async () => {
    await fake.close()
  })

  it("sends To, From and Body and returns the message sid", async () => {
    const { id } = await provider().send(sms())
    const stored = fake.messages().at(-1)!
    expect(id).toMatch(/^SM[0-9a-f]{32}$/)
    expect(stored).toMatchObject({ To: "+4915112345678", From: "+15005550006", MessagingServiceSid: null, Body: "Your order #1001 has shipped." })
    expect(stored.message).toMatchObject({ sid: id, status: "queued", account_sid: ACCOUNT_SID })
  })

  it("sends through a Messaging Service instead of From when one is configured, and takes a notification's own sender", async () => {
    await provider({ messagingServiceSid: SERVICE_SID }).send(sms())
    expect(fake.messages().at(-1)).toMatchObject({ From: null, MessagingServiceSid: SERVICE_SID, message: { status: "accepted" } })
    await provider().send(sms({ from: "Emporium" }))
    expect(fake.messages().at(-1)).toMatchObject({ From: "Emporium", MessagingServiceSid: null })
  })

  it("a wrong auth token fails with Twilio's 20003, not retryable", async () => {
    const error = await failure(provider({ authToken: "wrong" }).send(sms()))
    expect(error).toBeInstanceOf(SmsSendError)
    expect(error).toMatchObject({ status: 401, code: 20003, retryable: false, moreInfo: "https://www.twilio.com/docs/errors/20003" })
    expect(error!.message).toBe(`The SMS API at ${new URL(fake.url).host} refused the message: Authenticate (error 20003, HTTP 401). [20003, permanent]`)
    expect(error!.message).not.toContain("wrong")
  })

  it("a number Twilio refuses fails with 21211, not retryable", async () => {
    const error = await failure(provider().send(sms({ to: "015112345678" })))
    expect(error).toMatchObject({ status: 400, code: 21211, retryable: false })
  })

  it("a 500 (and a 429) from the API is retryable", async () => {
    fake.failNext(500)
    const serverError = await failure(provider().send(sms()))
    expect(serverError).toMatchObject({ status: 500, code: 20500, retryable: true })
    fake.failNext(429)
    expect(await failure(provider().send(sms()))).toMatchObject({ status: 429, code: 20429, retryable: true })
    // The failure is for one request only.
    await expect(provider().send(sms())).resolves.toEqual({ id: expect.stringMatching(/^SM/) })
  })

  it("an unreachable API is retryable", async () => {
    const closed = await startSmsFake({ accountSid: ACCOUNT_SID, authToken: AUTH_TOKEN })
    await closed.close()
    const error = await failure(provider({ apiBaseUrl: closed.url }).send(sms()))
    expect(error).toBeInstanceOf(SmsSendError)
    expect(error).toMatchObject({ retryable: true, status: undefined })
    expect(error!.message).toBe(`Cannot reach the SMS API at ${new URL(closed.url).host}: ECONNREFUSED. [error]`)
  })

  it("refuses a notification without text before calling the API", async () => {
    const before = fake.messages().length
    const error = await failure(provider().send(sms({ content: { subject: "No text" } })))
    expect(error).toBeInstanceOf(MedusaError)
    expect(error!.message).toMatch(/has no text/)
    expect(fake.messages()).toHaveLength(before)
  })
})

describe("SMS provider options", () => {
  it("names every problem in one error", () => {
    expect(() => validateSmsHttpOptions({ apiBaseUrl: "ftp://x", timeoutMs: 0 })).toThrow(
      "SMS notification provider: `accountSid` (TWILIO_ACCOUNT_SID) is required. `authToken` (TWILIO_AUTH_TOKEN) is required. `from` (a sender number) or `messagingServiceSid` is required. `apiBaseUrl` must be an http(s) URL. `timeoutMs` must be a whole number from 1 to 300000."
    )
    expect(validateSmsHttpOptions({ accountSid: ACCOUNT_SID, authToken: "t", messagingServiceSid: SERVICE_SID })).toMatchObject({
      apiBaseUrl: "https://api.twilio.com",
      timeoutMs: 10000,
    })
  })
})
