import { Text } from "@medusajs/ui"
import { DecisionBadge, ReasonsList, ReviewedLine, ReviewStatusBadge, ScoreMeter, type Thresholds } from "./assessment-parts"
import { formatMinor, formatWhen } from "./format"
import { ReviewActions } from "./review-actions"
import type { Review } from "./types"

type ReviewCardProps = {
  review: Review
  thresholds: Thresholds | null
  userName: (id: string) => string
  onDecided: () => void
}

/** One held order in the queue: who, how much, the score and why; the decision or its buttons. */
export function ReviewCard({ review, thresholds, userName, onDecided }: ReviewCardProps) {
  const orderId = review.order?.id ?? review.order_id
  const orderLabel = review.order ? `#${review.order.display_id}` : (review.order_id ?? review.cart_id)
  return (
    <div role="group" aria-label={`Review of order ${orderLabel}`} className="grid grid-cols-1 gap-4 px-6 py-4 lg:grid-cols-[minmax(0,1fr)_22rem]">
      <div className="flex min-w-0 flex-col gap-y-3">
        <div className="flex flex-wrap items-center gap-x-3 gap-y-1">
          {orderId ? (
            <a href={`/app/orders/${orderId}`} className="txt-compact-medium-plus text-ui-fg-interactive hover:text-ui-fg-interactive-hover">
              Order {orderLabel}
            </a>
          ) : (
            <Text weight="plus">Cart {review.cart_id}</Text>
          )}
          <DecisionBadge decision={review.decision} />
          {review.review_status ? <ReviewStatusBadge status={review.review_status} /> : null}
          <Text size="small" className="text-ui-fg-subtle">
            {formatWhen(review.created_at)}
          </Text>
        </div>
        <div className="flex flex-wrap gap-x-6 gap-y-1">
          <Text size="small">{review.email ?? review.order?.email ?? "no e-mail"}</Text>
          <Text size="small" weight="plus">
            {formatMinor(review.amount, review.currency_code)}
          </Text>
          {review.ip ? (
            <Text size="small" className="text-ui-fg-subtle">
              IP {review.ip}
            </Text>
          ) : null}
          {review.order && review.order.status !== "pending" ? (
            <Text size="small" className="text-ui-fg-subtle">
              Order status: {review.order.status}
            </Text>
          ) : null}
        </div>
        <ScoreMeter assessment={review} thresholds={thresholds} />
        <ReasonsList reasons={review.reasons} />
      </div>
      <div className="flex flex-col gap-y-2">
        {review.review_status === "pending" && orderId ? (
          <ReviewActions assessment={review} orderId={orderId} orderLabel={orderLabel} onDecided={onDecided} />
        ) : (
          <ReviewedLine assessment={review} userName={userName} />
        )}
      </div>
    </div>
  )
}
