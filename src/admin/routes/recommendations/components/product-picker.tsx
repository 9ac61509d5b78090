import { Button, Input, Text } from "@medusajs/ui"
import { useEffect, useId, useState } from "react"
import { sendAdminJson } from "./api"
import { ProductThumb } from "./product-cell"
import type { ProductSummary } from "./types"

type ProductPickerProps = {
  /** Names the search box (for screen readers and tests). */
  label: string
  value: ProductSummary | null
  onChange: (product: ProductSummary | null) => void
  /** Products that cannot be chosen here (the page's own product). */
  exclude?: string[]
  disabled?: boolean
}

const RESULTS = 8

/** A search box over the catalogue (`GET /admin/products?q=`): type, then click a product. */
export function ProductPicker({ label, value, onChange, exclude = [], disabled }: ProductPickerProps) {
  const [q, setQ] = useState("")
  const [results, setResults] = useState<ProductSummary[] | null>(null)
  const [error, setError] = useState<string | null>(null)
  const listId = useId()
  const term = q.trim()

  useEffect(() => {
    if (!term) {
      setResults(null)
      return
    }
    let current = true
    const timer = setTimeout(() => {
      const params = new URLSearchParams({ q: term, limit: String(RESULTS), fields: "id,title,thumbnail,status" })
      sendAdminJson<{ products: ProductSummary[] }>("GET", `/admin/products?${params}`)
        .then((body) => {
          if (!current) return
          setResults(body.products)
          setError(null)
        })
        .catch((e: unknown) => current && setError(e instanceof Error ? e.message : String(e)))
    }, 250)
    return () => {
      current = false
      clearTimeout(timer)
    }
  }, [term])

  if (value) {
    return (
      <div className="flex items-center gap-x-2 rounded-md border border-ui-border-base px-2 py-1">
        <ProductThumb src={value.thumbnail} />
        <Text size="small" weight="plus" className="flex-1 truncate">
          {value.title}
        </Text>
        <Button size="small" variant="transparent" disabled={disabled} onClick={() => onChange(null)}>
          Change
        </Button>
      </div>
    )
  }

  const shown = (results ?? []).filter((p) => !exclude.includes(p.id))
  return (
    <div className="relative flex flex-col gap-y-1">
      <Input
        type="search"
        size="small"
        aria-label={label}
        aria-controls={listId}
        placeholder="Search products by title, handle, SKU…"
        value={q}
        disabled={disabled}
        onChange={(e) => setQ(e.target.value)}
      />
      {error ? (
        <Text size="small" className="text-ui-fg-error">
          Could not search: {error}
        </Text>
      ) : null}
      {term && results ? (
        <ul id={listId} role="listbox" aria-label={`${label}: results`} className="flex flex-col rounded-md border border-ui-border-base">
          {shown.length === 0 ? (
            <li className="px-3 py-2">
              <Text size="small" className="text-ui-fg-subtle">
                No product matches “{term}”.
              </Text>
            </li>
          ) : (
            shown.map((p) => (
              <li key={p.id} role="option" aria-selected={false}>
                <button
                  type="button"
                  className="flex w-full items-center gap-x-2 px-3 py-1.5 text-left hover:bg-ui-bg-base-hover"
                  onClick={() => {
                    onChange(p)
                    setQ("")
                    setResults(null)
                  }}
                >
                  <ProductThumb src={p.thumbnail} />
                  <Text size="small" className="truncate">
                    {p.title}
                  </Text>
                  {p.status !== "published" ? (
                    <Text size="xsmall" className="text-ui-fg-muted">
                      ({p.status})
                    </Text>
                  ) : null}
                </button>
              </li>
            ))
          )}
        </ul>
      ) : null}
    </div>
  )
}
