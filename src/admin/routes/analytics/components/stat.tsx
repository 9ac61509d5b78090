import { Badge, Text } from "@medusajs/ui"
import { formatChange } from "./format"

type StatProps = {
  label: string
  value: string
  /** Percent change against the previous period (null: it was 0 then). */
  change?: number | null
  /** The value is 0: with no change (null), there is nothing to compare, not something "new". */
  zero?: boolean
  /** What the previous period had, shown under the value. */
  previous?: string
  /** How the previous period is called: "Previous period", "Yesterday". */
  previousLabel?: string
  /** More is bad (refunds, cancellations): a rise is red. */
  lowerIsBetter?: boolean
}

/** One key number with its change against the previous period. Named by its label for screen readers and tests. */
export function Stat({ label, value, change, zero, previous, previousLabel = "Previous period", lowerIsBetter }: StatProps) {
  const rising = change !== undefined && change !== null && change > 0
  const falling = change !== undefined && change !== null && change < 0
  const color = !rising && !falling ? "grey" : rising !== !!lowerIsBetter ? "green" : "red"
  const showChange = change !== undefined && !(change === null && zero)
  return (
    <div role="group" aria-label={label} className="flex flex-col gap-y-1 rounded-lg border border-ui-border-base px-4 py-3">
      <div className="flex items-start justify-between gap-x-2">
        <Text size="small" className="text-ui-fg-subtle">
          {label}
        </Text>
        {showChange ? (
          <Badge size="2xsmall" color={color} title={`Change against ${previousLabel.toLowerCase()}`}>
            {formatChange(change ?? null)}
          </Badge>
        ) : null}
      </div>
      <Text size="xlarge" weight="plus" className="text-ui-fg-base">
        {value}
      </Text>
      {previous !== undefined ? (
        <Text size="xsmall" className="text-ui-fg-muted">
          {previousLabel}: {previous}
        </Text>
      ) : null}
    </div>
  )
}
