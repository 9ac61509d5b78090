import { defineRouteConfig } from "@medusajs/admin-sdk"
import { Button, Container, Heading, Skeleton, Text } from "@medusajs/ui"
import { useCallback, useEffect, useState } from "react"
import { useAdminJson } from "../../../lib/use-admin-json"
import { RATE_TABLE_PATH, saveRateTable } from "./components/api"
import { CarriersSection } from "./components/carriers-section"
import { RatesSection } from "./components/rates-section"
import { SurchargesSection } from "./components/surcharges-section"
import type { Edit, RateTable } from "./components/types"
import { WeightDefaultsSection } from "./components/weight-defaults-section"
import { ZonesSection } from "./components/zones-section"

/**
 * Settings → Shipping rates: the transport module's rate table, edited as a draft and saved as
 * one document (PUT), so a half-edited table never prices a checkout. The server checks it and
 * its message is shown as it is. Webhook secrets are set per carrier, at once, outside the draft.
 */
const ShippingRatesPage = () => {
  const { data, error } = useAdminJson<{ rate_table: RateTable }>(RATE_TABLE_PATH)
  const [saved, setSaved] = useState<RateTable | null>(null)
  const [draft, setDraft] = useState<RateTable | null>(null)
  const [saving, setSaving] = useState(false)
  const [saveError, setSaveError] = useState<string | null>(null)
  const [savedAt, setSavedAt] = useState<Date | null>(null)

  useEffect(() => {
    if (data) {
      setSaved(data.rate_table)
      setDraft(data.rate_table)
    }
  }, [data])

  const edit: Edit = useCallback((change) => {
    setSavedAt(null)
    setDraft((current) => {
      if (!current) return current
      const next = structuredClone(current)
      change(next)
      return next
    })
  }, [])

  const save = async () => {
    if (!draft) return
    setSaving(true)
    setSaveError(null)
    try {
      const { rate_table } = await saveRateTable(draft)
      setSaved(rate_table)
      setDraft(rate_table)
      setSavedAt(new Date())
    } catch (e) {
      setSaveError(e instanceof Error ? e.message : String(e))
    } finally {
      setSaving(false)
    }
  }

  // The secret is saved at once, not with the draft: both copies learn the new flag.
  const onSecretChanged = (carrierCode: string, hasSecret: boolean) => {
    const flag = (table: RateTable | null) =>
      table && { ...table, carriers: table.carriers.map((c) => (c.code === carrierCode ? { ...c, has_webhook_secret: hasSecret } : c)) }
    setSaved(flag)
    setDraft(flag)
  }

  const dirty = !!draft && !!saved && JSON.stringify(draft) !== JSON.stringify(saved)

  return (
    <div className="flex flex-col gap-y-3">
      <Container className="sticky top-0 z-10 flex flex-col gap-y-2 px-6 py-4">
        <div className="flex items-start justify-between gap-x-4">
          <div>
            <Heading>Shipping rates</Heading>
            <Text size="small" className="text-ui-fg-subtle">
              What checkout charges for shipping with the transport carriers: zones, weight brackets per service and
              currency, surcharges. Prices are in major units (4.90), stored exactly.
            </Text>
          </div>
          <div className="flex shrink-0 items-center gap-x-2">
            {dirty ? (
              <Button size="small" variant="secondary" disabled={saving} onClick={() => (setDraft(saved), setSaveError(null))}>
                Discard changes
              </Button>
            ) : null}
            <Button size="small" disabled={!dirty || saving} isLoading={saving} onClick={save}>
              Save
            </Button>
          </div>
        </div>
        {saveError ? (
          <Text size="small" role="alert" className="text-ui-fg-error">
            Not saved: {saveError}
          </Text>
        ) : savedAt ? (
          <Text size="small" role="status" className="text-ui-fg-subtle">
            Saved at {savedAt.toLocaleTimeString()}: checkout prices with this table now.
          </Text>
        ) : dirty ? (
          <Text size="small" className="text-ui-fg-subtle">
            Unsaved changes.
          </Text>
        ) : null}
      </Container>
      {error ? (
        <Container className="px-6 py-4">
          <Text className="text-ui-fg-error">Could not load the rate table: {error}</Text>
        </Container>
      ) : !draft || !saved ? (
        <Container className="flex flex-col gap-y-3 px-6 py-4" aria-label="Loading the rate table">
          <Skeleton className="h-20 w-full" />
          <Skeleton className="h-40 w-full" />
        </Container>
      ) : (
        <>
          <CarriersSection table={draft} edit={edit} savedCodes={saved.carriers.map((c) => c.code)} onSecretChanged={onSecretChanged} />
          <ZonesSection table={draft} edit={edit} />
          <RatesSection table={draft} edit={edit} />
          <SurchargesSection table={draft} edit={edit} />
          <WeightDefaultsSection table={draft} edit={edit} />
        </>
      )}
    </div>
  )
}

export const config = defineRouteConfig({
  label: "Shipping rates",
})

export default ShippingRatesPage
