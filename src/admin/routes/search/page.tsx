import { defineRouteConfig } from "@medusajs/admin-sdk"
import { MagnifyingGlass } from "@medusajs/icons"
import { Container, Heading, Text } from "@medusajs/ui"
import { SYNONYM_INDEX } from "./components/api"
import { FieldsSection } from "./components/fields-section"
import { IndexStatusCard } from "./components/index-status-card"
import { SynonymsSection } from "./components/synonyms-section"
import { useSearchStatus } from "./components/use-search-status"

/**
 * Search: each index's health (documents served against the catalogue, rebuilds and failures)
 * with a Reindex button that follows the rebuild, the fields ranked by weight, and synonyms.
 */
const SearchPage = () => {
  const { data, error, watches, outcomes, watch } = useSearchStatus()
  const synonymIndex = data?.indexes.find((index) => index.name === SYNONYM_INDEX)

  return (
    <div className="flex flex-col gap-y-3">
      <Container className="px-6 py-4">
        <Heading>Search</Heading>
        <Text size="small" className="text-ui-fg-subtle">
          The storefront's search indexes, kept in sync with the catalogue by Medusa's Search Module.
        </Text>
      </Container>
      {error ? (
        <Container className="px-6 py-4">
          <Text className="text-ui-fg-error">Could not load the search status: {error}</Text>
        </Container>
      ) : !data ? (
        <Container className="px-6 py-4">
          <Text className="text-ui-fg-subtle">Loading…</Text>
        </Container>
      ) : !data.indexes.length ? (
        <Container className="px-6 py-4">
          <Text className="text-ui-fg-subtle">No search index is registered.</Text>
        </Container>
      ) : (
        data.indexes.map((index) => (
          <IndexStatusCard
            key={index.name}
            index={index}
            watching={!!watches[index.name]}
            outcome={outcomes[index.name]}
            onReindexStarted={() => watch(index.name)}
          />
        ))
      )}
      {synonymIndex ? <SynonymsSection onChanged={() => watch(SYNONYM_INDEX)} /> : null}
      {data?.indexes.map((index) => <FieldsSection key={index.name} index={index} />)}
    </div>
  )
}

export const config = defineRouteConfig({
  label: "Search",
  icon: MagnifyingGlass,
})

export default SearchPage
