import { ok, storeHeaders, uniqueSuffix, type Api } from "./http"

export type StoreCustomer = { id: string; email: string; first_name?: string | null; last_name?: string | null }

export type Shopper = {
  customer: StoreCustomer
  email: string
  password: string
  /** Token from `POST /auth/customer/emailpass`, i.e. a logged-in session. */
  token: string
}

/** Registers an emailpass identity and gets its (actor-less) registration token. */
export async function registerIdentity(api: Api, email: string, password: string): Promise<string> {
  const { token } = await ok<{ token: string }>(
    api.post("/auth/customer/emailpass/register", { email, password })
  )
  return token
}

export async function logIn(api: Api, email: string, password: string): Promise<string> {
  const { token } = await ok<{ token: string }>(api.post("/auth/customer/emailpass", { email, password }))
  return token
}

/** Sign-up as a storefront does it: register → create the customer with that token → log in. */
export async function signUp(api: Api, publishableKey: string, name = "Ada"): Promise<Shopper> {
  const email = `${name.toLowerCase()}-${uniqueSuffix()}@shopper.test`
  const password = `pw-${uniqueSuffix()}`
  const registrationToken = await registerIdentity(api, email, password)
  const { customer } = await ok<{ customer: StoreCustomer }>(
    api.post(
      "/store/customers",
      { email, first_name: name, last_name: "Shopper" },
      storeHeaders(publishableKey, registrationToken)
    )
  )
  const token = await logIn(api, email, password)
  return { customer, email, password, token }
}
