import type { MedusaContainer } from "@medusajs/framework/types"
import { createCustomersWorkflow } from "@medusajs/medusa/core-flows"

export type DemoAddress = {
  first_name: string
  last_name: string
  address_1: string
  city: string
  postal_code: string
  province?: string
  country_code: string
  phone: string
}

export type DemoCustomerDefinition = { email: string; address: DemoAddress }

export type SeededCustomer = DemoCustomerDefinition & { id: string }

/**
 * Shoppers in every seeded country, so orders land in both regions. No auth
 * identities: they exist for order history, not to log in.
 */
export const DEMO_CUSTOMERS: DemoCustomerDefinition[] = [
  customer("Jane", "Doe", { address_1: "350 Fifth Avenue", city: "New York", postal_code: "10118", province: "us-ny", country_code: "us", phone: "+1 212 555 0134" }),
  customer("Lena", "Schmidt", { address_1: "Torstraße 12", city: "Berlin", postal_code: "10119", country_code: "de", phone: "+49 30 5550 1201" }),
  customer("Lucas", "Martin", { address_1: "8 Rue de Rivoli", city: "Paris", postal_code: "75004", country_code: "fr", phone: "+33 1 55 50 12 34" }),
  customer("Sanne", "de Vries", { address_1: "Prinsengracht 263", city: "Amsterdam", postal_code: "1016 GV", country_code: "nl", phone: "+31 20 555 0163" }),
  customer("Marcus", "Johnson", { address_1: "1200 Market Street", city: "San Francisco", postal_code: "94102", province: "us-ca", country_code: "us", phone: "+1 415 555 0178" }),
  customer("Emily", "Chen", { address_1: "77 Massachusetts Avenue", city: "Cambridge", postal_code: "02139", province: "us-ma", country_code: "us", phone: "+1 617 555 0112" }),
  customer("Jonas", "Weber", { address_1: "Maximilianstraße 5", city: "München", postal_code: "80539", country_code: "de", phone: "+49 89 5550 4411" }),
  customer("Camille", "Dubois", { address_1: "12 Quai Saint-Antoine", city: "Lyon", postal_code: "69002", country_code: "fr", phone: "+33 4 55 50 67 89" }),
]

function customer(
  first_name: string,
  last_name: string,
  address: Omit<DemoAddress, "first_name" | "last_name">
): DemoCustomerDefinition {
  const localPart = `${first_name}.${last_name}`.toLowerCase().replace(/\s+/g, "")
  return { email: `${localPart}@example.com`, address: { first_name, last_name, ...address } }
}

export async function createDemoCustomers(container: MedusaContainer): Promise<SeededCustomer[]> {
  const { result } = await createCustomersWorkflow(container).run({
    input: {
      customersData: DEMO_CUSTOMERS.map(({ email, address }) => ({
        email,
        first_name: address.first_name,
        last_name: address.last_name,
        phone: address.phone,
        addresses: [{ ...address, address_name: "Home", is_default_shipping: true, is_default_billing: true }],
      })),
    },
  })
  const idByEmail = new Map(result.map((created) => [created.email, created.id]))
  return DEMO_CUSTOMERS.map((definition) => ({ ...definition, id: idByEmail.get(definition.email)! }))
}
