/**
 * A protocol-level fake of Twilio's Messages API (2010-04-01), written from Twilio's public
 * API reference — it is not Twilio. See README.md.
 *
 *   const sms = await startSmsFake({ accountSid: "AC…", authToken: "secret" })
 *   // … POST ${sms.url}/2010-04-01/Accounts/AC…/Messages.json …
 *   sms.messages() // [{ To, From, MessagingServiceSid, Body, message: { sid: "SM…", status: "queued", … } }]
 *   await sms.close()
 */
import http from "http"
import type { AddressInfo } from "net"
import { simulatedError } from "./errors"
import { createSmsHandler, type SmsFakeState } from "./server"
import type { SmsFake, SmsFakeOptions } from "./types"

export type { ReceivedSms, SmsFake, SmsFakeOptions, TwilioMessage } from "./types"
export type { TwilioErrorBody } from "./errors"

export async function startSmsFake(options: SmsFakeOptions): Promise<SmsFake> {
  const state: SmsFakeState = { messages: [] }
  const server = http.createServer(createSmsHandler(options, state))
  await new Promise<void>((resolve, reject) => {
    server.once("error", reject)
    server.listen(options.port ?? 0, "127.0.0.1", () => resolve())
  })
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    messages: () => state.messages.map((received) => ({ ...received, message: { ...received.message } })),
    failNext: (status, code, message) => {
      state.nextFailure = simulatedError(status, code, message)
    },
    close: () =>
      new Promise<void>((resolve) => {
        server.close(() => resolve())
        server.closeAllConnections()
      }),
  }
}
