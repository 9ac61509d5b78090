import type { MedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { ContainerRegistrationKeys, MedusaError } from "@medusajs/framework/utils"
import { TRANSPORT_MODULE } from "../../../modules/transport"
import { toMajor } from "../../../utils/money"
import type { Quote } from "../../../modules/transport/rates/types"
import type TransportModuleService from "../../../modules/transport/service"
import { throwUnshippable } from "../../../modules/transport-fulfillment/parcel"
import { parcelFromCart, parcelFromVariants, type Parcel } from "./parcel"
import { selectableOptions } from "./selectable-options"
import type { StoreShippingQuotesType } from "./validators"

/**
 * POST /store/shipping-quotes — every shipping service for a cart, or for items and a
 * destination (a product page's "shipping from €4.90"), cheapest first: price, carrier, service,
 * delivery window, surcharges and, for a cart, the Medusa shipping option that books it.
 */
export async function POST(req: MedusaRequest<StoreShippingQuotesType>, res: MedusaResponse) {
  const body = req.validatedBody
  const query = req.scope.resolve(ContainerRegistrationKeys.QUERY)
  const parcel: Parcel = body.cart_id ? await parcelFromCart(query, body.cart_id, body.destination) : await parcelFromVariants(query, req, body)
  if (!parcel.destination) {
    throw new MedusaError(MedusaError.Types.INVALID_DATA, "The cart has no shipping address: send a destination.")
  }

  const transport = req.scope.resolve<TransportModuleService>(TRANSPORT_MODULE)
  const result = await transport.quote({ destination: parcel.destination, currency_code: parcel.currency_code, items: parcel.items })
  if (!result.quotes.length) {
    throwUnshippable(result.unshippable)
  }
  const options = parcel.cart_id ? await selectableOptions(query, parcel.destination.country_code) : null

  res.json({
    currency_code: parcel.currency_code,
    destination: parcel.destination,
    quotes: result.quotes.map((quote) => present(quote, options)),
  })
}

function present(quote: Quote, options: Map<string, string> | null) {
  const currency = quote.currency_code
  return {
    carrier_code: quote.carrier_code,
    carrier_name: quote.carrier_name,
    service_level_code: quote.service_level_code,
    service_level_name: quote.service_level_name,
    amount: toMajor(quote.amount, currency),
    currency_code: currency,
    free_shipping: quote.free_shipping,
    surcharges: quote.surcharges.map((line) => ({ name: line.name, amount: toMajor(line.amount, currency) })),
    billable_weight_g: quote.billable_weight_g,
    delivery: quote.delivery,
    // Only for a cart: the option to pass to POST /store/carts/:id/shipping-methods, or null when
    // the store offers this service for quotes only (e.g. same-day in one city).
    ...(options ? { shipping_option_id: options.get(`${quote.carrier_code}:${quote.service_level_code}`) ?? null } : {}),
  }
}
