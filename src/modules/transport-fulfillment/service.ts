import { container as appContainer } from "@medusajs/framework"
import type {
  CalculatedShippingOptionPrice,
  CalculateShippingOptionPriceDTO,
  CreateFulfillmentResult,
  FulfillmentDTO,
  FulfillmentItemDTO,
  FulfillmentOption,
  FulfillmentOrderDTO,
  Logger,
} from "@medusajs/framework/types"
import { AbstractFulfillmentProviderService, MedusaError } from "@medusajs/framework/utils"
import { TRANSPORT_MODULE } from "../transport"
import { toMajor } from "../../utils/money"
import type TransportModuleService from "../transport/service"
import { bookShipment, voidBookedShipment } from "./book"
import { parcelItemsFromCart, throwUnshippable, type CartLineForParcel } from "./parcel"

export type TransportFulfillmentOptions = {
  /** The carrier this provider books with (`house` is built in). */
  carrier_code: string
}

/** Set on each option and shipping method: which carrier service the rate table prices. */
export type TransportOptionData = { carrier_code: string; service_level_code: string; is_return?: boolean }

/**
 * Medusa's Fulfillment Module talks to the transport module through this provider: calculated
 * prices from the rate table, shipments with labels on fulfillment, return labels, voids.
 * Module providers get their module's container only, so the transport module is reached
 * through the application container, at call time.
 */
export default class TransportFulfillmentProvider extends AbstractFulfillmentProviderService {
  static identifier = "transport"

  private readonly carrierCode_: string
  private readonly logger_: Logger

  constructor({ logger }: { logger: Logger }, options: TransportFulfillmentOptions) {
    super()
    this.logger_ = logger
    this.carrierCode_ = options?.carrier_code ?? "house"
  }

  private transport(): TransportModuleService {
    return appContainer.resolve<TransportModuleService>(TRANSPORT_MODULE)
  }

  async getFulfillmentOptions(): Promise<FulfillmentOption[]> {
    const table = await this.transport().getRateTable()
    const carrier = table.carriers.find((row) => row.code === this.carrierCode_)
    return (carrier?.service_levels ?? []).flatMap((service) => [
      { id: `${carrier!.code}:${service.code}`, name: service.name, carrier_code: carrier!.code, service_level_code: service.code },
      {
        id: `${carrier!.code}:${service.code}:return`,
        name: `${service.name} return`,
        carrier_code: carrier!.code,
        service_level_code: service.code,
        is_return: true,
      },
    ])
  }

  async validateOption(data: Record<string, unknown>): Promise<boolean> {
    const table = await this.transport().getRateTable()
    return table.carriers.some(
      (carrier) => carrier.code === data.carrier_code && carrier.service_levels.some((service) => service.code === data.service_level_code)
    )
  }

  async validateFulfillmentData(optionData: Record<string, unknown>, data: Record<string, unknown>): Promise<Record<string, unknown>> {
    return { ...data, carrier_code: optionData.carrier_code, service_level_code: optionData.service_level_code }
  }

  async canCalculate(): Promise<boolean> {
    return true
  }

  async calculatePrice(
    optionData: CalculateShippingOptionPriceDTO["optionData"],
    _data: CalculateShippingOptionPriceDTO["data"],
    context: CalculateShippingOptionPriceDTO["context"]
  ): Promise<CalculatedShippingOptionPrice> {
    const option = optionData as TransportOptionData
    const currency = String((context as { currency_code?: string }).currency_code ?? "")
    const address = context.shipping_address
    if (!address?.country_code) {
      throw new MedusaError(MedusaError.Types.INVALID_DATA, "Add a shipping address to the cart to price shipping.")
    }
    const result = await this.transport().quote({
      destination: { country_code: address.country_code, postal_code: address.postal_code },
      currency_code: currency,
      items: parcelItemsFromCart((context.items ?? []) as unknown as CartLineForParcel[], currency),
      carrier_code: option.carrier_code,
      service_level_code: option.service_level_code,
    })
    const [quote] = result.quotes
    if (!quote) {
      throwUnshippable(result.unshippable, option)
    }
    return { calculated_amount: toMajor(quote.amount, currency), is_calculated_price_tax_inclusive: false }
  }

  async createFulfillment(
    data: Record<string, unknown>,
    items: Partial<Omit<FulfillmentItemDTO, "fulfillment">>[],
    order: Partial<FulfillmentOrderDTO> | undefined,
    fulfillment: Partial<Omit<FulfillmentDTO, "provider_id" | "data" | "items">>
  ): Promise<CreateFulfillmentResult> {
    return bookShipment(appContainer, {
      carrier_code: this.carrierCode_,
      service_level_code: String(data.service_level_code ?? ""),
      is_return: false,
      items,
      order,
      fulfillment,
    })
  }

  async createReturnFulfillment(fulfillment: Record<string, unknown>): Promise<CreateFulfillmentResult> {
    const option = (fulfillment.shipping_option as { data?: TransportOptionData } | undefined)?.data
    return bookShipment(appContainer, {
      carrier_code: this.carrierCode_,
      service_level_code: String(option?.service_level_code ?? (fulfillment.data as TransportOptionData | undefined)?.service_level_code ?? ""),
      is_return: true,
      items: (fulfillment.items as Partial<FulfillmentItemDTO>[]) ?? [],
      order: fulfillment.order as Partial<FulfillmentOrderDTO> | undefined,
      fulfillment: fulfillment as Partial<FulfillmentDTO>,
    })
  }

  async cancelFulfillment(data: Record<string, unknown>): Promise<void> {
    await voidBookedShipment(appContainer, data, this.logger_)
  }
}
