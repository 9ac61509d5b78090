import { Badge, Text } from "@medusajs/ui"
import { DECISIONS, formatWhen, REVIEW_STATUSES } from "./format"
import type { Assessment, Decision, Reason, ReviewStatus } from "./types"

export function DecisionBadge({ decision }: { decision: Decision }) {
  const { label, color } = DECISIONS[decision]
  return (
    <Badge size="2xsmall" color={color}>
      {label}
    </Badge>
  )
}

export function ReviewStatusBadge({ status }: { status: ReviewStatus }) {
  const { label, color } = REVIEW_STATUSES[status]
  return (
    <Badge size="2xsmall" color={color}>
      {label}
    </Badge>
  )
}

const FILL: Record<Decision, string> = {
  approve: "bg-ui-tag-green-icon",
  review: "bg-ui-tag-orange-icon",
  reject: "bg-ui-tag-red-icon",
}

export type Thresholds = { review_threshold: number; reject_threshold: number; version: number }

/**
 * The score on a bar with the review and reject thresholds marked. The thresholds are the rule
 * set in force now; when the assessment used another version, that is said beside them.
 */
export function ScoreMeter({ assessment, thresholds }: { assessment: Assessment; thresholds: Thresholds | null }) {
  const scale = Math.max(100, assessment.score, thresholds ? thresholds.reject_threshold * 1.1 : 0)
  const at = (value: number) => `${Math.min(100, (value / scale) * 100)}%`
  return (
    <div className="flex flex-col gap-y-1">
      <div className="flex items-baseline justify-between gap-x-2">
        <Text size="small" weight="plus">
          Score {assessment.score}
        </Text>
        <Text size="xsmall" className="text-ui-fg-subtle">
          {thresholds
            ? `review at ${thresholds.review_threshold}, reject at ${thresholds.reject_threshold}` +
              (thresholds.version !== assessment.rule_set_version ? ` (rules v${thresholds.version}; scored with v${assessment.rule_set_version})` : "")
            : `rules v${assessment.rule_set_version}`}
        </Text>
      </div>
      <div
        className="relative h-1.5 w-full rounded-full bg-ui-bg-component"
        role="meter"
        aria-label="Fraud score"
        aria-valuemin={0}
        aria-valuemax={scale}
        aria-valuenow={assessment.score}
      >
        <div className={`h-full rounded-full ${FILL[assessment.decision]}`} style={{ width: at(assessment.score) }} />
        {thresholds
          ? [thresholds.review_threshold, thresholds.reject_threshold].map((value) => (
              <div key={value} className="absolute -top-0.5 h-2.5 w-px bg-ui-fg-muted" style={{ left: at(value) }} aria-hidden />
            ))
          : null}
      </div>
    </div>
  )
}

/** Each rule that fired: its score and the sentence it gave; highest first. */
export function ReasonsList({ reasons }: { reasons: Reason[] }) {
  if (!reasons.length) {
    return (
      <Text size="small" className="text-ui-fg-subtle">
        No rule fired.
      </Text>
    )
  }
  return (
    <ul className="flex flex-col gap-y-1" aria-label="Reasons">
      {[...reasons]
        .sort((a, b) => b.score - a.score)
        .map((reason) => (
          <li key={reason.rule_id} className="flex items-start gap-x-2">
            <span className="txt-compact-small-plus w-10 shrink-0 text-right tabular-nums text-ui-fg-base">+{reason.score}</span>
            <Text size="small" className="text-ui-fg-subtle">
              {reason.reason} <span className="text-ui-fg-muted">({reason.rule_id})</span>
            </Text>
          </li>
        ))}
    </ul>
  )
}

/** "Approved by Ana Diaz on 3 Dec 2026, 14:02 — note". */
export function ReviewedLine({ assessment, userName }: { assessment: Assessment; userName: (id: string) => string }) {
  if (!assessment.review_status || assessment.review_status === "pending") return null
  const verb = assessment.review_status === "approved" ? "Approved" : "Rejected"
  return (
    <div className="flex flex-col">
      <Text size="small" className="text-ui-fg-subtle">
        {verb}
        {assessment.reviewed_by ? ` by ${userName(assessment.reviewed_by)}` : ""}
        {assessment.reviewed_at ? ` on ${formatWhen(assessment.reviewed_at)}` : ""}.
      </Text>
      {assessment.review_note ? (
        <Text size="small" className="italic text-ui-fg-subtle">
          “{assessment.review_note}”
        </Text>
      ) : null}
    </div>
  )
}
