import type { MedusaContainer } from "@medusajs/framework/types"
import { ContainerRegistrationKeys } from "@medusajs/framework/utils"

/** Rows per page of every import and backfill. */
export const PAGE = 200

/**
 * Pages through `entity` in id order, handing each non-empty page of rows (with `fields`) to
 * `handle`; returns the sum of what it returned. Id order keeps pages stable while rows are added.
 */
export async function eachPage<T>(
  container: MedusaContainer,
  entity: string,
  fields: string[],
  filters: Record<string, unknown>,
  handle: (rows: T[]) => Promise<number>
): Promise<number> {
  const query = container.resolve(ContainerRegistrationKeys.QUERY)
  let done = 0
  for (let skip = 0; ; skip += PAGE) {
    const { data } = await query.graph({ entity, fields, filters, pagination: { skip, take: PAGE, order: { id: "ASC" } } })
    if (data.length) {
      done += await handle(data as T[])
    }
    if (data.length < PAGE) {
      return done
    }
  }
}
