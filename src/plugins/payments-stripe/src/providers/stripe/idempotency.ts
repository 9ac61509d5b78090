/**
 * Idempotency keys sent to Stripe. Each names the operation and the thing it acts on, so a retry
 * of the same operation replays Stripe's first answer (Stripe keeps keys for 24 hours) and two
 * different operations can never share a key. The prefix keeps them apart from keys of other
 * integrations on the same Stripe account.
 */
export type StripeOperation = "create" | "capture" | "cancel" | "refund"

export function idempotencyKey(operation: StripeOperation, subjectId: string): string {
  return `emporium:${operation}:${subjectId}`
}
