/**
 * The checks Twilio makes on `POST …/Messages.json` parameters, with its error codes
 * (https://www.twilio.com/docs/api/errors): the ones a sender meets in practice.
 */
import { TwilioError } from "./errors"

/** E.164: "+", a country code that does not start with 0, at most 15 digits in all. */
export const E164 = /^\+[1-9]\d{1,14}$/
/** Short codes are 5 or 6 digits. */
const SHORT_CODE = /^\d{5,6}$/
/** Alphanumeric sender IDs: up to 11 letters, digits and spaces, at least one letter. */
const ALPHANUMERIC_SENDER = /^(?=.*[A-Za-z])[A-Za-z0-9 ]{1,11}$/
const MESSAGING_SERVICE_SID = /^MG[0-9a-fA-F]{32}$/
/** Twilio's limit on a message body. */
export const MAX_BODY_CHARACTERS = 1600

export type MessageParams = { to: string; from?: string; messagingServiceSid?: string; body: string }

export function validateMessageParams(form: URLSearchParams): MessageParams | TwilioError {
  const to = form.get("To")?.trim()
  const from = form.get("From")?.trim() || undefined
  const messagingServiceSid = form.get("MessagingServiceSid")?.trim() || undefined
  const body = form.get("Body") ?? ""

  if (!to) return new TwilioError(400, 21604, "A 'To' phone number is required.")
  if (!E164.test(to)) return new TwilioError(400, 21211, `Invalid 'To' Phone Number: ${to}`)
  if (!from && !messagingServiceSid) return new TwilioError(400, 21603, "A 'From' phone number is required.")
  if (from && !E164.test(from) && !SHORT_CODE.test(from) && !ALPHANUMERIC_SENDER.test(from)) {
    return new TwilioError(400, 21212, `Invalid From Number (caller ID): ${from}`)
  }
  if (messagingServiceSid && !MESSAGING_SERVICE_SID.test(messagingServiceSid)) {
    return new TwilioError(400, 21701, `The Messaging Service Sid ${messagingServiceSid} is invalid.`)
  }
  if (!body.trim()) return new TwilioError(400, 21602, "Message body is required.")
  if ([...body].length > MAX_BODY_CHARACTERS) {
    return new TwilioError(400, 21617, `The concatenated message body exceeds the ${MAX_BODY_CHARACTERS} character limit.`)
  }
  return { to, from, messagingServiceSid, body }
}
