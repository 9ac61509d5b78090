import type { MessageRecord } from "../../../modules/notification-center/service"

/** The list's view of a message: everything but the rendered bodies and the template data. */
export function summarize(message: MessageRecord) {
  const { html, text, data, provider_data, idempotency_key, ...summary } = message
  return summary
}
