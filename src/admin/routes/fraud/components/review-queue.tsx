import { Container, Heading, Label, Select, Table, Text } from "@medusajs/ui"
import { useEffect, useState } from "react"
import { useAdminJson } from "../../../lib/use-admin-json"
import { RULES_PATH, reviewsPath } from "./api"
import { ReviewCard } from "./review-card"
import type { ReviewsResponse, ReviewStatus, RulesResponse } from "./types"
import { useUserNames } from "./use-user-names"

const PAGE_SIZE = 10

const FILTERS: { value: ReviewStatus | "all"; label: string }[] = [
  { value: "pending", label: "Pending" },
  { value: "approved", label: "Approved" },
  { value: "rejected", label: "Rejected" },
  { value: "all", label: "All reviews" },
]

/** Orders held for review, oldest decisions aside: approve (capture) or reject (cancel, refund, restock). */
export function ReviewQueue() {
  const [status, setStatus] = useState<ReviewStatus | "all">("pending")
  const [pageIndex, setPageIndex] = useState(0)
  const { data, error, reload } = useAdminJson<ReviewsResponse>(reviewsPath(status, PAGE_SIZE, pageIndex * PAGE_SIZE))
  // Only for the threshold marks: the scores are shown without them if the rules cannot be read.
  const { data: rules } = useAdminJson<RulesResponse>(RULES_PATH)
  const thresholds = rules?.rule_set ?? null
  const names = useUserNames(data?.reviews.map((r) => r.reviewed_by) ?? [])
  const userName = (id: string) => names.get(id) ?? id

  const count = data?.count ?? 0
  const pageCount = Math.max(1, Math.ceil(count / PAGE_SIZE))

  // Deciding the last review of the last page empties it: go back to the page that has some.
  useEffect(() => {
    if (data && data.reviews.length === 0 && pageIndex > 0) setPageIndex(Math.max(0, pageCount - 1))
  }, [data, pageIndex, pageCount])

  return (
    <Container role="region" aria-label="Review queue" className="divide-y p-0">
      <div className="flex flex-wrap items-end justify-between gap-4 px-6 py-4">
        <div>
          <Heading level="h2">Review queue</Heading>
          <Text size="small" className="text-ui-fg-subtle">
            Orders scored between the review and reject thresholds are placed with the payment only authorized. Approve
            captures it; reject cancels the order, refunds or voids the payment and restocks.
          </Text>
        </div>
        <div className="flex flex-col gap-y-1">
          <Label size="small">Show</Label>
          <Select
            size="small"
            value={status}
            onValueChange={(v) => {
              setStatus(v as ReviewStatus | "all")
              setPageIndex(0)
            }}
          >
            <Select.Trigger aria-label="Review status" className="w-40">
              <Select.Value />
            </Select.Trigger>
            <Select.Content>
              {FILTERS.map((f) => (
                <Select.Item key={f.value} value={f.value}>
                  {f.label}
                </Select.Item>
              ))}
            </Select.Content>
          </Select>
        </div>
      </div>
      {error ? (
        <Text className="px-6 py-4 text-ui-fg-error">Could not load the reviews: {error}</Text>
      ) : !data ? (
        <Text className="px-6 py-4 text-ui-fg-subtle">Loading…</Text>
      ) : data.reviews.length === 0 ? (
        <Text className="px-6 py-4 text-ui-fg-subtle">
          {status === "pending" ? "Nothing to review: no order is waiting for a decision." : "No reviews here."}
        </Text>
      ) : (
        <>
          {data.reviews.map((review) => (
            <ReviewCard key={review.id} review={review} thresholds={thresholds} userName={userName} onDecided={reload} />
          ))}
          <Table.Pagination
            count={count}
            pageSize={PAGE_SIZE}
            pageIndex={pageIndex}
            pageCount={pageCount}
            canPreviousPage={pageIndex > 0}
            canNextPage={pageIndex + 1 < pageCount}
            previousPage={() => setPageIndex((i) => Math.max(0, i - 1))}
            nextPage={() => setPageIndex((i) => i + 1)}
          />
        </>
      )}
    </Container>
  )
}
