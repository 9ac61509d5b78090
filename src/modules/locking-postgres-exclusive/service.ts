import { PostgresAdvisoryLockProvider } from "@medusajs/locking-postgres/dist/services/advisory-lock"

type AcquireArgs = { ownerId?: string | null; expire?: number }
type Sql = { execute(sql: string, params: unknown[]): Promise<unknown[]> }

/**
 * Medusa's PostgreSQL lock provider with `acquire` made exclusive.
 *
 * Medusa's core workflows (cart completion, payment processing) lock without an owner id. When
 * two such acquirers insert the same key at the same moment, Medusa's provider catches the
 * loser's primary-key conflict and compares owners with `undefined != null` — false — so the
 * loser goes on as if it held the lock too. A shopper's completion racing Stripe's webhook for
 * the same cart then made two orders (found by integration-tests/http/payments/stripe.spec.ts).
 * Here a lock without an owner is never shared, the insert decides atomically
 * (`ON CONFLICT DO NOTHING`), and a lease that has expired (its holder died) is taken over
 * instead of blocking the key forever. `execute` (transaction-scoped advisory locks) and
 * `release` are Medusa's.
 */
export class ExclusivePostgresLockProvider extends PostgresAdvisoryLockProvider {
  static identifier = "locking-postgres-exclusive"

  async acquire(keys: string | string[], args?: AcquireArgs): Promise<void> {
    const { ownerId, expire } = args ?? {}
    // Medusa's class keeps its entity manager behind a private getter.
    const manager = (this as unknown as { getManager(): Sql }).getManager()
    const expiration = expire ? `NOW() + INTERVAL '${Math.max(0, Math.floor(Number(expire)))} SECONDS'` : "NULL"
    for (const key of Array.isArray(keys) ? keys : [keys]) {
      // A lease that ran out belongs to nobody any more.
      await manager.execute(`DELETE FROM locking WHERE id = ? AND expiration IS NOT NULL AND expiration <= NOW()`, [key])
      const inserted = await manager.execute(
        `INSERT INTO locking (id, owner_id, expiration) VALUES (?, ?, ${expiration}) ON CONFLICT (id) DO NOTHING RETURNING id`,
        [key, ownerId ?? null]
      )
      if (inserted.length) continue
      // Held already: only its named owner may take it again (and renew the lease).
      const renewed = ownerId
        ? await manager.execute(
            `UPDATE locking SET expiration = ${expiration === "NULL" ? "expiration" : expiration} WHERE id = ? AND owner_id = ? RETURNING id`,
            [key, ownerId]
          )
        : []
      if (!renewed.length) throw new Error(`Failed to acquire lock for key "${key}"`)
    }
  }
}
