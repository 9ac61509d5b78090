import { MedusaError } from "@medusajs/framework/utils"
import { toMinor } from "../../utils/money"
import type { ParcelItem, Unshippable } from "../transport/rates/types"

/** The cart line fields Medusa passes to `calculatePrice` (and the quote route reads). */
export type CartLineForParcel = {
  id: string
  title?: string | null
  product_title?: string | null
  variant_title?: string | null
  quantity: number | string | { valueOf(): number }
  unit_price: number | string | { valueOf(): number }
  product_type_id?: string | null
  variant?: { weight?: number | null; length?: number | null; width?: number | null; height?: number | null } | null
  product?: { weight?: number | string | null } | null
}

/**
 * Medusa's variant sizes are unit-less; Emporium reads weight in grams and sizes in cm. A variant
 * without a weight falls back to its product's, then to the rate table's defaults.
 */
export function parcelItemsFromCart(lines: CartLineForParcel[], currencyCode: string): ParcelItem[] {
  return lines.map((line) => ({
    id: line.id,
    title: lineTitle(line),
    quantity: Number(line.quantity),
    unit_price: toMinor(line.unit_price, currencyCode),
    weight_g: positiveOrNull(line.variant?.weight) ?? positiveOrNull(line.product?.weight),
    length_cm: positiveOrNull(line.variant?.length),
    width_cm: positiveOrNull(line.variant?.width),
    height_cm: positiveOrNull(line.variant?.height),
    product_type_id: line.product_type_id ?? null,
  }))
}

function lineTitle(line: CartLineForParcel): string {
  if (line.product_title && line.variant_title && line.variant_title !== "Default variant") {
    return `${line.product_title} (${line.variant_title})`
  }
  return line.product_title ?? line.title ?? line.id
}

/** A weight or size Medusa stores (number, numeric string or nothing) as a positive number, else null. */
export function positiveOrNull(value: unknown): number | null {
  const number = Number(value)
  return value === null || value === undefined || value === "" || !Number.isFinite(number) || number <= 0 ? null : number
}

/**
 * A parcel that cannot ship is a 400 naming the item, never a zero price. A service missing
 * for this destination names the service.
 */
export function throwUnshippable(unshippable: Unshippable | null, option?: { carrier_code: string; service_level_code: string }): never {
  const message =
    unshippable?.message ??
    `Shipping service "${option?.carrier_code}/${option?.service_level_code}" does not deliver this parcel here.`
  throw new MedusaError(MedusaError.Types.INVALID_DATA, message)
}
