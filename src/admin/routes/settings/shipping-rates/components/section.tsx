import { Button, Container, Heading, Text } from "@medusajs/ui"
import type { ReactNode } from "react"

type SectionProps = {
  title: string
  description: string
  /** "Add …" button label and action. */
  addLabel?: string
  onAdd?: () => void
  children: ReactNode
}

/** One part of the rate table: heading, what it does, its rows, and an "Add" button. */
export function Section(props: SectionProps) {
  return (
    <Container role="region" aria-label={props.title} className="divide-y p-0">
      <div className="flex items-start justify-between gap-x-4 px-6 py-4">
        <div>
          <Heading level="h2">{props.title}</Heading>
          <Text size="small" className="text-ui-fg-subtle">
            {props.description}
          </Text>
        </div>
        {props.onAdd ? (
          <Button size="small" variant="secondary" onClick={props.onAdd}>
            {props.addLabel}
          </Button>
        ) : null}
      </div>
      {props.children}
    </Container>
  )
}
