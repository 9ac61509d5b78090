import { Input } from "@medusajs/ui"
import { useEffect, useState } from "react"

type NumberInputProps = {
  label: string
  value: number
  onChange: (value: number) => void
  min?: number
  max?: number
  /** Whole numbers only (scores, counts, minutes). */
  integer?: boolean
  className?: string
}

/**
 * A number typed as text: what the merchant types stays while it is not (yet) a valid number,
 * marked invalid, and only valid numbers are passed on; a change from outside replaces the text.
 */
export function NumberInput({ label, value, onChange, min, max, integer, className }: NumberInputProps) {
  const parse = (text: string): number | undefined => {
    const normalized = text.trim().replace(",", ".")
    if (!(integer ? /^-?\d+$/ : /^-?\d+(\.\d+)?$/).test(normalized)) return undefined
    const n = Number(normalized)
    return (min !== undefined && n < min) || (max !== undefined && n > max) ? undefined : n
  }
  const [text, setText] = useState(String(value))
  useEffect(() => {
    setText((current) => (parse(current) === value ? current : String(value)))
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [value])
  return (
    <Input
      size="small"
      inputMode={integer ? "numeric" : "decimal"}
      aria-label={label}
      className={className}
      value={text}
      aria-invalid={parse(text) === undefined}
      onChange={(e) => {
        setText(e.target.value)
        const parsed = parse(e.target.value)
        if (parsed !== undefined) onChange(parsed)
      }}
      onBlur={() => parse(text) !== undefined && setText(String(value))}
    />
  )
}
