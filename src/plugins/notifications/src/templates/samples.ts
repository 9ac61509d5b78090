import type { Address, OrderRef, OrderSummary } from "./data"

/*
 * Preview data for the admin and the tests: one believable order in a Berlin shop, reused by
 * every template that concerns an order. Totals add up (78.00 + 4.99 − 7.80 + 11.80 = 86.99).
 */

const SHOP_URL = "https://shop.example.com"

export const sampleShippingAddress: Address = {
  first_name: "Lena",
  last_name: "Hoffmann",
  address_1: "Bergmannstraße 12",
  address_2: "Hinterhaus, 3. OG",
  city: "Berlin",
  postal_code: "10961",
  country_code: "de",
  phone: "+49 30 5550 1234",
}

export const sampleBillingAddress: Address = {
  first_name: "Lena",
  last_name: "Hoffmann",
  company: "Hoffmann Grafikdesign",
  address_1: "Oranienstraße 45",
  city: "Berlin",
  postal_code: "10969",
  country_code: "de",
}

export const sampleOrder: OrderSummary = {
  id: "order_01JNQ4X8M2V7K3R9T5W6Y0ZB1C",
  display_id: 1042,
  email: "lena.hoffmann@example.com",
  currency_code: "eur",
  created_at: "2025-03-04T10:15:00.000Z",
  items: [
    {
      title: "Linen Shirt",
      variant_title: "M / Sand",
      sku: "LIN-SHIRT-M-SAND",
      quantity: 1,
      unit_price: 49,
      total: 49,
      thumbnail: null,
    },
    {
      title: "Canvas Tote Bag",
      variant_title: "Natural",
      sku: "TOTE-NAT",
      quantity: 2,
      unit_price: 14.5,
      total: 29,
      thumbnail: null,
    },
  ],
  subtotal: 78,
  shipping_total: 4.99,
  tax_total: 11.8,
  discount_total: 7.8,
  total: 86.99,
  shipping_address: sampleShippingAddress,
  billing_address: sampleBillingAddress,
  shipping_methods: [{ name: "DHL Standard (2–3 business days)", amount: 4.99 }],
}

export const sampleOrderRef: OrderRef = {
  id: sampleOrder.id,
  display_id: sampleOrder.display_id,
  email: sampleOrder.email,
  currency_code: sampleOrder.currency_code,
}

export const sampleOrderUrl = `${SHOP_URL}/account/orders/${sampleOrder.id}`
export const sampleAccountUrl = `${SHOP_URL}/account`
export const sampleResetUrl = `${SHOP_URL}/reset-password?token=3f9c1e7a2b8d4f60a5e1c9b7d2f4a8e6`
export const sampleResumeCartUrl = `${SHOP_URL}/cart/recover/cart_01JNQ3V5H8C2D6F9G1J4K7M0NP?token=9b2e5d8a`
export const sampleProductUrl = `${SHOP_URL}/products/linen-shirt?variant=variant_01JNQ2M4P6R8T0V2X4Z6B8D0F2`
export const sampleAdminUrl = "https://admin.example.com/app"
