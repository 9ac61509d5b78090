import { Container, Heading, Skeleton, Text, clx } from "@medusajs/ui"
import type { ReactNode } from "react"

type SectionProps = {
  title: string
  /** One line under the title: what is counted, and how. */
  description?: ReactNode
  /** On the right of the heading, e.g. the CSV download. */
  actions?: ReactNode
  /** What the section shows, for the loading error: "Could not load <what>". */
  what: string
  error: string | null
  loaded: boolean
  /** The numbers shown are for the previous filters; new ones are on their way. */
  updating: boolean
  /** Placeholder rows while nothing has arrived yet. */
  skeleton?: ReactNode
  children: ReactNode
}

/** One report on the analytics page: heading, CSV action, and its loading, error and updating states. */
export function Section(props: SectionProps) {
  return (
    <Container role="region" aria-label={props.title} className="divide-y p-0" aria-busy={!props.loaded || props.updating}>
      <div className="flex flex-wrap items-center justify-between gap-3 px-6 py-4">
        <div>
          <Heading level="h2">{props.title}</Heading>
          {props.description ? (
            <Text size="small" className="text-ui-fg-subtle">
              {props.description}
            </Text>
          ) : null}
        </div>
        <div className="flex items-center gap-x-3">
          {props.updating ? (
            <Text size="small" className="text-ui-fg-muted">
              Updating…
            </Text>
          ) : null}
          {props.actions}
        </div>
      </div>
      {props.error ? (
        <Text className="px-6 py-4 text-ui-fg-error">
          Could not load {props.what}: {props.error}
        </Text>
      ) : !props.loaded ? (
        <div className="px-6 py-4" aria-label={`Loading ${props.what}`}>
          {props.skeleton ?? <SkeletonRows />}
        </div>
      ) : (
        <div className={clx("transition-opacity", props.updating && "opacity-50")}>{props.children}</div>
      )}
    </Container>
  )
}

export function SkeletonRows({ rows = 3 }: { rows?: number }) {
  return (
    <div className="flex flex-col gap-y-3">
      {Array.from({ length: rows }, (_, i) => (
        <Skeleton key={i} className="h-5 w-full" />
      ))}
    </div>
  )
}

export function SkeletonChart() {
  return <Skeleton className="h-64 w-full" />
}
