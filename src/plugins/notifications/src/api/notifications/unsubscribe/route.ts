import type { MedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { notificationCenter } from "../../../lib/center"
import { verifyUnsubscribeToken } from "../../../lib/unsubscribe-token"
import { page } from "./page"

/**
 * The unsubscribe link of every marketing mail: `/notifications/unsubscribe?token=…` (outside
 * /store, so it needs no publishable key). GET only asks for confirmation, because mail scanners
 * open links; POST unsubscribes — the button on that page, or a mail client's one-click
 * unsubscribe (RFC 8058, `List-Unsubscribe-Post`).
 */
function tokenEmail(req: MedusaRequest): string | null {
  const token = typeof req.query.token === "string" ? req.query.token : ""
  return token ? verifyUnsubscribeToken(token, notificationCenter(req.scope).settings().secret) : null
}

const INVALID = "This unsubscribe link is not valid. Use the link from the most recent e-mail, or change your preferences in your account."

export async function GET(req: MedusaRequest, res: MedusaResponse) {
  const email = tokenEmail(req)
  const { storeName } = notificationCenter(req.scope).settings().branding
  res.type("html")
  if (!email) {
    res.status(400).send(page(storeName, "Link not valid", INVALID))
    return
  }
  res.send(page(storeName, "Unsubscribe", `Stop marketing e-mail to ${email}? Order and account e-mails still arrive.`, { confirm: true }))
}

export async function POST(req: MedusaRequest, res: MedusaResponse) {
  const email = tokenEmail(req)
  const { storeName } = notificationCenter(req.scope).settings().branding
  if (!email) {
    res.status(400).type("html").send(page(storeName, "Link not valid", INVALID))
    return
  }
  await notificationCenter(req.scope).unsubscribe(email)
  res.type("html").send(page(storeName, "You are unsubscribed", `${email} gets no more marketing e-mail from ${storeName}.`))
}
