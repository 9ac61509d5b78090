import { defineRouteConfig } from "@medusajs/admin-sdk"
import { Sparkles } from "@medusajs/icons"
import { Container, Heading, Skeleton, Text } from "@medusajs/ui"
import { useAdminJson } from "../../lib/use-admin-json"
import { BuildsTable } from "./components/builds-table"
import { ModelsSection } from "./components/models-section"
import { RulesSection } from "./components/rules-section"
import type { StatusResponse } from "./components/types"

/**
 * Recommendations: how big and fresh the models are, a rebuild with live progress, the recent
 * builds, and the merchant's pins and exclusions. Each product's own lists are on its page.
 */
const RecommendationsPage = () => {
  const { data: status, error, reload } = useAdminJson<StatusResponse>("/admin/recommendations/status")

  return (
    <div className="flex flex-col gap-y-3">
      <Container className="px-6 py-4">
        <Heading>Recommendations</Heading>
        <Text size="small" className="text-ui-fg-subtle">
          Product pages get Bought together, Also viewed and Similar; the storefront also has Trending and For you.
          Open a product to see its lists and pin or exclude products there.
        </Text>
      </Container>
      {error ? (
        <Container className="px-6 py-4">
          <Text className="text-ui-fg-error">Could not load the recommendation status: {error}</Text>
        </Container>
      ) : !status ? (
        <Container className="flex flex-col gap-y-3 px-6 py-4" aria-label="Loading the recommendation status">
          <Skeleton className="h-20 w-full" />
          <Skeleton className="h-10 w-full" />
        </Container>
      ) : (
        <>
          <ModelsSection status={status} reload={reload} />
          <BuildsTable builds={status.builds} />
        </>
      )}
      <RulesSection />
    </div>
  )
}

export const config = defineRouteConfig({
  label: "Recommendations",
  icon: Sparkles,
})

export default RecommendationsPage
