import { defineRouteConfig } from "@medusajs/admin-sdk"
import { ShieldCheck } from "@medusajs/icons"
import { Container, Heading, Tabs, Text } from "@medusajs/ui"
import { useEffect, useState } from "react"
import { BlocklistSection } from "./components/blocklist-section"
import { ReviewQueue } from "./components/review-queue"
import { RulesSection } from "./components/rules-section"

const TABS = ["reviews", "rules", "blocklist"] as const
type Tab = (typeof TABS)[number]

const tabFromSearch = (search: string): Tab => {
  const tab = new URLSearchParams(search).get("tab")
  return (TABS as readonly string[]).includes(tab ?? "") ? (tab as Tab) : "reviews"
}

/**
 * Fraud: the orders held for review (approve or reject), the scoring rules (saved as versions)
 * and the blocklist. The tab lives in the URL, so a link can open the rules or the blocklist.
 */
const FraudPage = () => {
  const [tab, setTab] = useState<Tab>(() => tabFromSearch(window.location.search))

  useEffect(() => {
    const params = new URLSearchParams(window.location.search)
    params.set("tab", tab)
    const search = `?${params}`
    // Keeps the router's own history state; only the query changes.
    if (window.location.search !== search) window.history.replaceState(window.history.state, "", search)
  }, [tab])

  return (
    <div className="flex flex-col gap-y-3">
      <Container className="flex flex-col gap-y-3 px-6 py-4">
        <div>
          <Heading>Fraud</Heading>
          <Text size="small" className="text-ui-fg-subtle">
            Every checkout is scored by the rules before the order is placed: approved, held for review, or refused.
            Each order shows its assessment on its page.
          </Text>
        </div>
        <Tabs value={tab} onValueChange={(v) => setTab(v as Tab)}>
          <Tabs.List>
            <Tabs.Trigger value="reviews">Review queue</Tabs.Trigger>
            <Tabs.Trigger value="rules">Rules</Tabs.Trigger>
            <Tabs.Trigger value="blocklist">Blocklist</Tabs.Trigger>
          </Tabs.List>
        </Tabs>
      </Container>
      {tab === "reviews" ? <ReviewQueue /> : tab === "rules" ? <RulesSection /> : <BlocklistSection />}
    </div>
  )
}

export const config = defineRouteConfig({
  label: "Fraud",
  icon: ShieldCheck,
})

export default FraudPage
