import { Text } from "@medusajs/ui"
import type { ReactNode } from "react"

/** A labelled value in a details grid. */
export function Fact({ label, children }: { label: string; children: ReactNode }) {
  return (
    <div className="flex min-w-0 flex-col gap-y-0.5">
      <Text size="xsmall" weight="plus" className="text-ui-fg-subtle">
        {label}
      </Text>
      <div className="txt-compact-small break-words">{children}</div>
    </div>
  )
}
