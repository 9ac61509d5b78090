import { model } from "@medusajs/framework/utils"

export const BLOCKLIST_TYPES = ["email", "ip", "card_fingerprint", "address"] as const
export type BlocklistType = (typeof BLOCKLIST_TYPES)[number]

/** A value refused at checkout. `ip` values may be CIDR ranges; all values are stored normalised. */
const FraudBlocklistEntry = model
  .define("fraud_blocklist_entry", {
    id: model.id({ prefix: "fbl" }).primaryKey(),
    type: model.enum([...BLOCKLIST_TYPES]),
    value: model.text(),
    reason: model.text().nullable(),
    created_by: model.text().nullable(),
  })
  .indexes([{ on: ["type", "value"], unique: true }])

export default FraudBlocklistEntry
