/**
 * When a failed message is tried again: base, 5×base, 25×base… (1 min, 5 min, 25 min, ~2 h with
 * the default 60 s), so a provider outage of an hour loses nothing and a dead address does not
 * hammer the provider. `null` once the attempts are used up: the message stays failed.
 */
export function nextAttemptAt(attemptsMade: number, options: { maxAttempts: number; baseDelaySeconds: number }, now = new Date()): Date | null {
  if (attemptsMade >= options.maxAttempts) return null
  const delaySeconds = options.baseDelaySeconds * 5 ** Math.max(0, attemptsMade - 1)
  return new Date(now.getTime() + delaySeconds * 1000)
}
