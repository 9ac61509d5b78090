import { Badge, Text } from "@medusajs/ui"
import { useState } from "react"
import type { ProductSummary } from "./types"

/** A product's thumbnail, or an empty tile when it has none or the image does not load. */
export function ProductThumb({ src }: { src: string | null | undefined }) {
  const [broken, setBroken] = useState(false)
  return src && !broken ? (
    <img src={src} alt="" className="h-8 w-6 shrink-0 rounded object-cover" onError={() => setBroken(true)} />
  ) : (
    <div className="h-8 w-6 shrink-0 rounded bg-ui-bg-component" aria-hidden />
  )
}

/** Thumbnail and title, linking to the product; a product the catalogue no longer has shows its id. */
export function ProductCell({ id, product }: { id: string; product: ProductSummary | undefined }) {
  return (
    <div className="flex items-center gap-x-3">
      <ProductThumb src={product?.thumbnail} />
      <div className="flex min-w-0 flex-col">
        <a
          href={`/app/products/${id}`}
          className="truncate text-ui-fg-base hover:text-ui-fg-interactive txt-compact-small-plus"
          title={product?.title ?? id}
        >
          {product?.title ?? id}
        </a>
        {!product ? (
          <Text size="xsmall" className="text-ui-fg-muted">
            deleted product
          </Text>
        ) : product.status !== "published" ? (
          <div>
            <Badge size="2xsmall" color="grey">
              {product.status}
            </Badge>
          </div>
        ) : null}
      </div>
    </div>
  )
}
