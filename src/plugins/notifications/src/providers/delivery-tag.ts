/**
 * Medusa's Notification Module rethrows a provider's error as a new error carrying only its
 * message ("Failed to send notification with id …: <message>"), so a provider's error class
 * puts what the sender must know at the end of its message: the error code, and whether trying
 * again can help. lib/deliver.ts reads it back with `readDeliveryTag`.
 */
export function withDeliveryTag(message: string, code: string | number | undefined, retryable: boolean): string {
  return `${message} [${code ?? "error"}${retryable ? "" : ", permanent"}]`
}

export function readDeliveryTag(message: string): { code: string; retryable: boolean } | null {
  const match = message.match(/\[([\w.-]+)(, permanent)?\]\s*$/)
  return match ? { code: match[1], retryable: !match[2] } : null
}
