import { defineWidgetConfig } from "@medusajs/admin-sdk"
import { Badge, Button, Container, Heading, Text } from "@medusajs/ui"
import type { StoreCacheStats } from "../../modules/store-cache/service"
import { useAdminJson, useAdminPost } from "../lib/use-admin-json"

type Stats = { store_cache: StoreCacheStats }

const when = (iso: string) => new Date(iso).toLocaleString()

/**
 * Settings → Store: the store read cache at a glance (is it on, how often it answers) and a way
 * to empty it after a change Emporium could not see (SQL, a restored dump).
 */
const StoreReadCacheWidget = () => {
  const { data, error, reload } = useAdminJson<Stats>("/admin/store-cache")
  const { post: clear, busy: clearing, error: clearError } = useAdminPost("/admin/store-cache/invalidate", reload)

  const stats = data?.store_cache
  const served = stats ? stats.hits + stats.misses : 0
  return (
    <Container className="divide-y p-0">
      <div className="flex items-center justify-between px-6 py-4">
        <Heading level="h2">Store read cache</Heading>
        {stats ? (
          <Badge color={stats.enabled ? "green" : "grey"}>{stats.enabled ? (stats.shared ? "On, shared through Redis" : "On, this process") : "Off"}</Badge>
        ) : null}
      </div>
      <div className="flex flex-col gap-y-3 px-6 py-4">
        {error ? (
          <Text className="text-ui-fg-error">Could not load the cache status: {error}</Text>
        ) : !stats ? (
          <Text className="text-ui-fg-subtle">Loading…</Text>
        ) : (
          <>
            <Text className="text-ui-fg-subtle">
              Anonymous product, category, collection and region reads are answered from the cache; any catalogue
              change empties it at once. Browsers and CDNs may keep an answer {stats.max_age_seconds} s.
            </Text>
            <Text>
              Since {when(stats.since)}: {stats.hits} answered from the cache, {stats.misses} computed
              {served ? ` (${Math.round((100 * stats.hits) / served)}% from the cache)` : ""}, {stats.bypasses} for
              logged-in customers (never cached).
            </Text>
            <Text className="text-ui-fg-subtle">
              {stats.last_invalidation
                ? `Last emptied ${when(stats.last_invalidation.at)}: ${stats.last_invalidation.reason}`
                : "Not emptied since the server started."}
            </Text>
            <div>
              <Button size="small" variant="secondary" disabled={clearing || !stats.enabled} onClick={() => clear({})}>
                Empty the cache now
              </Button>
            </div>
            {clearError ? <Text className="text-ui-fg-error">{clearError}</Text> : null}
          </>
        )}
      </div>
    </Container>
  )
}

export const config = defineWidgetConfig({
  zone: "store.details.after",
})

export default StoreReadCacheWidget
