import { defineWidgetConfig } from "@medusajs/admin-sdk"
import type { DetailWidgetProps } from "@medusajs/framework/types"
import { Button, Container, Heading, Input, Label, Text } from "@medusajs/ui"
import { useEffect, useState } from "react"
import { useAdminJson, useAdminPost } from "../lib/use-admin-json"

type Threshold = { low_stock_threshold: { threshold: number; is_default: boolean } }

/** Beside the inventory item: its low-stock threshold, editable, or back to the store default. */
const LowStockThresholdWidget = ({ data: item }: DetailWidgetProps<{ id: string }>) => {
  const path = `/admin/inventory-items/${item.id}/low-stock-threshold`
  const { data, error, reload } = useAdminJson<Threshold>(path)
  const [value, setValue] = useState("")
  const { post, busy: saving, error: saveError } = useAdminPost(path, reload)

  useEffect(() => {
    if (data) setValue(String(data.low_stock_threshold.threshold))
  }, [data])

  const save = (threshold: number | null) => post({ threshold })
  const parsed = /^\d+$/.test(value.trim()) ? Number(value.trim()) : null

  return (
    <Container className="divide-y p-0">
      <div className="px-6 py-4">
        <Heading level="h2">Low-stock alert</Heading>
      </div>
      <div className="flex flex-col gap-y-3 px-6 py-4">
        {error ? (
          <Text className="text-ui-fg-error">Could not load the threshold: {error}</Text>
        ) : !data ? (
          <Text className="text-ui-fg-subtle">Loading…</Text>
        ) : (
          <>
            <Text className="text-ui-fg-subtle">
              Alert when a location has this many units available or fewer
              {data.low_stock_threshold.is_default ? " (store default)." : "."}
            </Text>
            <div className="flex items-end gap-x-2">
              <div className="flex flex-col gap-y-1">
                <Label htmlFor="low-stock-threshold">Threshold</Label>
                <Input
                  id="low-stock-threshold"
                  type="number"
                  min={0}
                  value={value}
                  onChange={(e) => setValue(e.target.value)}
                />
              </div>
              <Button size="small" disabled={saving || parsed === null} onClick={() => save(parsed)}>
                Save
              </Button>
              {!data.low_stock_threshold.is_default ? (
                <Button size="small" variant="secondary" disabled={saving} onClick={() => save(null)}>
                  Use default
                </Button>
              ) : null}
            </div>
            {saveError ? <Text className="text-ui-fg-error">{saveError}</Text> : null}
          </>
        )}
      </div>
    </Container>
  )
}

export const config = defineWidgetConfig({
  zone: "inventory_item.details.side.after",
})

export default LowStockThresholdWidget
