// React in scope: jest's swc transform compiles JSX with the classic runtime (React.createElement).
import * as React from "react"
import { Button, Column, Heading, Img, Row, Section, Text } from "@react-email/components"
import { safeUrl } from "./format"
import { BORDER_COLOR, MUTED_COLOR } from "./styles"

/** Line breaks between strings, so each string is still escaped by React. */
export function LinesWithBreaks({ lines }: { lines: string[] }) {
  return (
    <>
      {lines.map((line, index) => (
        <React.Fragment key={index}>
          {index > 0 ? <br /> : null}
          {line}
        </React.Fragment>
      ))}
    </>
  )
}

export function Title({ children }: { children: string }) {
  return (
    <Heading as="h1" style={{ fontSize: "24px", lineHeight: "32px", margin: "0 0 16px" }}>
      {children}
    </Heading>
  )
}

export function Subheading({ children }: { children: string }) {
  return (
    <Heading as="h2" style={{ fontSize: "16px", lineHeight: "24px", margin: "24px 0 8px" }}>
      {children}
    </Heading>
  )
}

export function Paragraph({ children, muted = false }: { children: string; muted?: boolean }) {
  return (
    <Text style={{ fontSize: "15px", lineHeight: "24px", margin: "0 0 16px", color: muted ? MUTED_COLOR : undefined }}>
      {children}
    </Text>
  )
}

/** The mail's main call to action. Renders nothing for a missing or non-web URL. */
export function ActionButton({ href, color, children }: { href: string | null | undefined; color: string; children: string }) {
  const url = safeUrl(href)
  if (!url) return null
  return (
    <Section style={{ margin: "8px 0 24px" }}>
      <Button
        href={url}
        style={{
          backgroundColor: color,
          borderRadius: "6px",
          color: "#ffffff",
          fontSize: "15px",
          fontWeight: 600,
          padding: "12px 24px",
          textDecoration: "none",
        }}
      >
        {children}
      </Button>
    </Section>
  )
}

/**
 * Marks a row whose cells should stay side by side in the plain-text part ("Total  €86.99"),
 * instead of each cell becoming its own paragraph; see `render-message.ts`.
 */
export const TEXT_COLUMNS = { "data-text-columns": "true" }

export type LabeledRow = { label: string; value: string; strong?: boolean }

/** Label on the left, value on the right: totals, shipment details, alert facts. */
export function LabeledRows({ rows, alignValues = "right" }: { rows: LabeledRow[]; alignValues?: "left" | "right" }) {
  return (
    <Section style={{ margin: "0 0 16px" }}>
      {rows.map((row) => {
        const weight = row.strong ? 700 : 400
        const cell: React.CSSProperties = { fontSize: "15px", lineHeight: "24px", margin: 0, fontWeight: weight }
        return (
          <Row key={row.label} {...TEXT_COLUMNS}>
            <Column style={{ width: "50%", verticalAlign: "top" }}>
              <Text style={{ ...cell, color: row.strong ? undefined : MUTED_COLOR }}>{row.label}</Text>
            </Column>
            <Column style={{ verticalAlign: "top", textAlign: alignValues }}>
              <Text style={cell}>{row.value}</Text>
            </Column>
          </Row>
        )
      })}
    </Section>
  )
}

export type ItemLine = {
  title: string
  /** Variant and quantity, already worded for the reader. */
  details: string[]
  amount?: string
  thumbnail?: string | null
}

export function ItemList({ items }: { items: ItemLine[] }) {
  const showThumbnails = items.some((item) => safeUrl(item.thumbnail))
  return (
    <Section style={{ borderTop: `1px solid ${BORDER_COLOR}`, margin: "8px 0 16px" }}>
      {items.map((item, index) => {
        const thumbnail = safeUrl(item.thumbnail)
        return (
          <Row key={index} style={{ borderBottom: `1px solid ${BORDER_COLOR}` }} {...TEXT_COLUMNS}>
            {showThumbnails ? (
              <Column style={{ width: "72px", padding: "12px 0", verticalAlign: "top" }}>
                {thumbnail ? <Img src={thumbnail} alt="" width={56} height={56} style={{ borderRadius: "4px", objectFit: "cover" }} /> : null}
              </Column>
            ) : null}
            <Column style={{ padding: "12px 0", verticalAlign: "top" }}>
              <Text style={{ fontSize: "15px", fontWeight: 600, lineHeight: "22px", margin: 0 }}>{item.title}</Text>
              {item.details.length > 0 ? (
                <Text style={{ color: MUTED_COLOR, fontSize: "13px", lineHeight: "20px", margin: 0 }}>
                  <LinesWithBreaks lines={item.details} />
                </Text>
              ) : null}
            </Column>
            {item.amount ? (
              <Column style={{ padding: "12px 0", verticalAlign: "top", textAlign: "right", whiteSpace: "nowrap" }}>
                <Text style={{ fontSize: "15px", lineHeight: "22px", margin: 0 }}>{item.amount}</Text>
              </Column>
            ) : null}
          </Row>
        )
      })}
    </Section>
  )
}

export type LabeledBlock = { label: string; lines: string[] }

/** Side-by-side blocks such as shipping and billing address. */
export function BlockColumns({ blocks }: { blocks: LabeledBlock[] }) {
  if (blocks.length === 0) return null
  return (
    <Section style={{ margin: "8px 0 16px" }}>
      <Row>
        {blocks.map((block) => (
          <Column key={block.label} style={{ verticalAlign: "top", width: `${Math.floor(100 / blocks.length)}%` }}>
            <Text style={{ fontSize: "13px", fontWeight: 700, lineHeight: "20px", margin: "0 0 4px" }}>{block.label}</Text>
            <Text style={{ fontSize: "14px", lineHeight: "21px", margin: 0 }}>
              <LinesWithBreaks lines={block.lines} />
            </Text>
          </Column>
        ))}
      </Row>
    </Section>
  )
}
