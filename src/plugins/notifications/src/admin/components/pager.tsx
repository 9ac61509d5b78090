import { Button, Text } from "@medusajs/ui"

type Props = { offset: number; limit: number; count: number; onOffset: (offset: number) => void }

/** "21–40 of 153" with Previous/Next; nothing when everything fits on one page. */
export function Pager({ offset, limit, count, onOffset }: Props) {
  if (count <= limit && offset === 0) return null
  return (
    <div className="flex items-center justify-between px-6 py-3">
      <Text size="small" className="text-ui-fg-subtle">
        {count ? `${offset + 1}–${Math.min(offset + limit, count)} of ${count}` : `0 of ${count}`}
      </Text>
      <div className="flex gap-x-2">
        <Button size="small" variant="secondary" disabled={offset === 0} onClick={() => onOffset(Math.max(0, offset - limit))}>
          Previous
        </Button>
        <Button size="small" variant="secondary" disabled={offset + limit >= count} onClick={() => onOffset(offset + limit)}>
          Next
        </Button>
      </div>
    </div>
  )
}
