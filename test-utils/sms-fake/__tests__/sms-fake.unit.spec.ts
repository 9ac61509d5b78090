import { startSmsFake, type SmsFake } from ".."

// The fake's own refusals, through raw fetch: it must fail bad requests the way Twilio's
// Messages API does, or the provider's tests would prove nothing.
const ACCOUNT_SID = `AC${"2".repeat(32)}`
const AUTH_TOKEN = "token-2"

describe("Twilio Messages API fake", () => {
  let fake: SmsFake
  const basic = (user: string, password: string) => `Basic ${Buffer.from(`${user}:${password}`).toString("base64")}`
  const post = async (params: Record<string, string>, init: { auth?: string | null; sid?: string } = {}) => {
    const headers: Record<string, string> = { "Content-Type": "application/x-www-form-urlencoded" }
    const auth = init.auth === undefined ? basic(ACCOUNT_SID, AUTH_TOKEN) : init.auth
    if (auth) headers.Authorization = auth
    const response = await fetch(`${fake.url}/2010-04-01/Accounts/${init.sid ?? ACCOUNT_SID}/Messages.json`, {
      method: "POST",
      headers,
      body: new URLSearchParams(params),
    })
    return { status: response.status, headers: response.headers, body: (await response.json()) as Record<string, unknown> }
  }
  const valid = { To: "+14155550100", From: "+15005550006", Body: "Hello" }

  beforeEach(async () => {
    fake = await startSmsFake({ accountSid: ACCOUNT_SID, authToken: AUTH_TOKEN })
  })
  afterEach(async () => {
    await fake.close()
  })

  it("answers 201 with the message resource and stores it", async () => {
    const { status, body } = await post(valid)
    expect(status).toBe(201)
    expect(body).toMatchObject({
      sid: expect.stringMatching(/^SM[0-9a-f]{32}$/),
      account_sid: ACCOUNT_SID,
      to: "+14155550100",
      from: "+15005550006",
      body: "Hello",
      status: "queued",
      direction: "outbound-api",
      num_segments: "1",
      api_version: "2010-04-01",
      date_created: expect.stringMatching(/^\w{3}, \d{2} \w{3} \d{4} \d{2}:\d{2}:\d{2} \+0000$/),
    })
    expect(body.uri).toBe(`/2010-04-01/Accounts/${ACCOUNT_SID}/Messages/${body.sid}.json`)
    expect(fake.messages()).toEqual([{ To: "+14155550100", From: "+15005550006", MessagingServiceSid: null, Body: "Hello", message: body }])
  })

  it.each([
    ["no Authorization", null],
    ["a wrong token", basic(ACCOUNT_SID, "nope")],
    ["another account", basic(`AC${"3".repeat(32)}`, AUTH_TOKEN)],
    ["a Bearer token", `Bearer ${AUTH_TOKEN}`],
  ])("refuses %s with 401 and code 20003", async (_case, auth) => {
    const { status, headers, body } = await post(valid, { auth })
    expect(status).toBe(401)
    expect(headers.get("www-authenticate")).toBe('Basic realm="Twilio API"')
    expect(body).toEqual({ code: 20003, message: "Authenticate", more_info: "https://www.twilio.com/docs/errors/20003", status: 401 })
    expect(fake.messages()).toEqual([])
  })

  it("refuses the right credentials on another account's URL", async () => {
    expect((await post(valid, { sid: `AC${"3".repeat(32)}` })).body).toMatchObject({ code: 20003, status: 401 })
  })

  it.each([
    ["no To", { To: "" }, 21604],
    ["a To that is not E.164", { To: "004915112345678" }, 21211],
    ["a To with letters", { To: "+1415CALLME" }, 21211],
    ["neither From nor MessagingServiceSid", { From: "" }, 21603],
    ["an invalid From", { From: "not a sender id!" }, 21212],
    ["an invalid MessagingServiceSid", { From: "", MessagingServiceSid: "MG123" }, 21701],
    ["an empty Body", { Body: "  " }, 21602],
    ["a Body over 1600 characters", { Body: "x".repeat(1601) }, 21617],
  ])("refuses %s with 400", async (_case, change, code) => {
    const { status, body } = await post({ ...valid, ...change })
    expect(status).toBe(400)
    expect(body).toMatchObject({ code, status: 400, more_info: `https://www.twilio.com/docs/errors/${code}` })
    expect(typeof body.message).toBe("string")
    expect(fake.messages()).toEqual([])
  })

  it("listens on a given port", async () => {
    const probe = await startSmsFake({ accountSid: ACCOUNT_SID, authToken: AUTH_TOKEN })
    const port = Number(new URL(probe.url).port)
    await probe.close()
    const fixed = await startSmsFake({ accountSid: ACCOUNT_SID, authToken: AUTH_TOKEN, port })
    expect(fixed.url).toBe(`http://127.0.0.1:${port}`)
    await fixed.close()
  })

  it("accepts a Messaging Service without From, short codes and alphanumeric senders", async () => {
    expect((await post({ ...valid, From: "", MessagingServiceSid: `MG${"b".repeat(32)}` })).body).toMatchObject({ status: "accepted", from: null })
    expect((await post({ ...valid, From: "12345" })).status).toBe(201)
    expect((await post({ ...valid, From: "Emporium" })).status).toBe(201)
  })

  it("counts segments as GSM-7 or UCS-2", async () => {
    const segments = async (text: string) => (await post({ ...valid, Body: text })).body.num_segments
    expect(await segments("a".repeat(160))).toBe("1")
    expect(await segments("a".repeat(161))).toBe("2")
    expect(await segments("€".repeat(80))).toBe("1") // extension characters count twice: 160
    expect(await segments("€".repeat(81))).toBe("2")
    expect(await segments("ü".repeat(160))).toBe("1") // ü is in the GSM alphabet
    expect(await segments("ł".repeat(70))).toBe("1") // ł is not: UCS-2
    expect(await segments("ł".repeat(71))).toBe("2")
  })

  it("failNext answers the next request only, before checking credentials", async () => {
    fake.failNext(503)
    expect(await post(valid, { auth: null })).toMatchObject({ status: 503, body: { code: 20503, status: 503 } })
    fake.failNext(400, 21610, "Attempt to send to unsubscribed recipient")
    expect((await post(valid)).body).toEqual({
      code: 21610,
      message: "Attempt to send to unsubscribed recipient",
      more_info: "https://www.twilio.com/docs/errors/21610",
      status: 400,
    })
    expect((await post(valid)).status).toBe(201)
  })

  it("answers 404 (20404) for other routes and methods", async () => {
    const response = await fetch(`${fake.url}/2010-04-01/Accounts/${ACCOUNT_SID}/Calls.json`, { method: "POST" })
    expect(response.status).toBe(404)
    expect(await response.json()).toMatchObject({ code: 20404, status: 404 })
    expect((await fetch(`${fake.url}/2010-04-01/Accounts/${ACCOUNT_SID}/Messages.json`)).status).toBe(404)
  })
})
