import { Trash } from "@medusajs/icons"
import { IconButton, Input, Text } from "@medusajs/ui"
import { useEffect, useState, type ReactNode } from "react"
import { formatMajor, parseMajor } from "../lib/money-input"

/**
 * Inputs for the rate table. Each keeps what the merchant types while it is not (yet) a valid
 * value, marks it invalid, and passes on only valid values; a change from outside (Discard,
 * Save) replaces the text.
 */

function useSyncedText<T>(value: T, format: (value: T) => string, parse: (text: string) => T | undefined) {
  const [text, setText] = useState(() => format(value))
  useEffect(() => {
    setText((current) => (parse(current) === value ? current : format(value)))
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [value])
  return [text, setText] as const
}

type FieldProps<T> = { label: string; value: T; onChange: (value: T) => void; placeholder?: string; className?: string }

/** Text that becomes a value of type T only when `parse` accepts it. */
function ParsedInput<T>({
  parse,
  format,
  inputMode,
  ...props
}: FieldProps<T> & { parse: (text: string) => T | undefined; format: (value: T) => string; inputMode: "numeric" | "decimal" }) {
  const [text, setText] = useSyncedText(props.value, format, parse)
  return (
    <Input
      size="small"
      inputMode={inputMode}
      aria-label={props.label}
      placeholder={props.placeholder}
      className={props.className}
      value={text}
      aria-invalid={parse(text) === undefined}
      onChange={(e) => {
        setText(e.target.value)
        const parsed = parse(e.target.value)
        if (parsed !== undefined) props.onChange(parsed)
      }}
      onBlur={() => parse(text) !== undefined && setText(format(props.value))}
    />
  )
}

/** A whole number; `nullable` lets an empty field mean "none". */
export function IntegerInput({ nullable, min = 0, ...props }: FieldProps<number | null> & { nullable?: boolean; min?: number }) {
  const parse = (text: string): number | null | undefined => {
    const trimmed = text.trim()
    if (!trimmed) return nullable ? null : undefined
    return /^-?\d+$/.test(trimmed) && Number(trimmed) >= min ? Number(trimmed) : undefined
  }
  return <ParsedInput {...props} parse={parse} format={(v) => (v === null ? "" : String(v))} inputMode="numeric" />
}

/** An amount typed in major units (4.90) and kept in minor units (490) of `currency`. */
export function MoneyInput({ currency, ...props }: FieldProps<number> & { currency: string }) {
  return (
    <ParsedInput
      {...props}
      parse={(text) => parseMajor(text, currency) ?? undefined}
      format={(v) => formatMajor(v, currency)}
      inputMode="decimal"
    />
  )
}

/** A comma-separated list ("de, fr, nl"); empty is null when `nullable`. */
export function ListInput({ nullable, lowercase, ...props }: FieldProps<string[] | null> & { nullable?: boolean; lowercase?: boolean }) {
  const parse = (text: string): string[] | null => {
    const items = text
      .split(",")
      .map((item) => (lowercase ? item.trim().toLowerCase() : item.trim()))
      .filter(Boolean)
    return items.length || !nullable ? items : null
  }
  const format = (values: string[] | null) => (values ?? []).join(", ")
  const [text, setText] = useState(() => format(props.value))
  useEffect(() => {
    setText((current) => (format(parse(current)) === format(props.value) ? current : format(props.value)))
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [props.value])
  return (
    <Input
      size="small"
      aria-label={props.label}
      placeholder={props.placeholder}
      className={props.className}
      value={text}
      onChange={(e) => {
        setText(e.target.value)
        props.onChange(parse(e.target.value))
      }}
    />
  )
}

/**
 * Text committed when the field is left, not on every key: names and codes that other rows
 * refer to are renamed everywhere at once, and never pass through a name another row has.
 */
export function CommitInput(props: FieldProps<string>) {
  const [text, setText] = useState(props.value)
  useEffect(() => setText(props.value), [props.value])
  const commit = () => {
    const trimmed = text.trim()
    if (trimmed && trimmed !== props.value) props.onChange(trimmed)
    else setText(props.value)
  }
  return (
    <Input
      size="small"
      aria-label={props.label}
      placeholder={props.placeholder}
      className={props.className}
      value={text}
      onChange={(e) => setText(e.target.value)}
      onBlur={commit}
      onKeyDown={(e) => e.key === "Enter" && commit()}
    />
  )
}

export function TextInput(props: FieldProps<string>) {
  return (
    <Input
      size="small"
      aria-label={props.label}
      placeholder={props.placeholder}
      className={props.className}
      value={props.value}
      onChange={(e) => props.onChange(e.target.value)}
    />
  )
}

export function RemoveButton({ label, onClick }: { label: string; onClick: () => void }) {
  return (
    <IconButton size="small" variant="transparent" aria-label={label} title={label} onClick={onClick}>
      <Trash />
    </IconButton>
  )
}

/** A labelled field in a grid of settings. */
export function Field({ label, children, className }: { label: string; children: ReactNode; className?: string }) {
  return (
    <div className={`flex flex-col gap-y-1 ${className ?? ""}`}>
      <Text size="xsmall" weight="plus" className="text-ui-fg-subtle">
        {label}
      </Text>
      {children}
    </div>
  )
}
