import type { AxiosInstance, AxiosRequestConfig, AxiosResponse } from "axios"

/** The axios instance `medusaIntegrationTestRunner` hands to a suite (typed `any` there). */
export type Api = AxiosInstance
export type RequestOptions = AxiosRequestConfig

/** What a client saw: the status code and the parsed body, success or not. */
export type HttpResult<T = any> = { status: number; data: T }

type AxiosLikeError = {
  message?: string
  config?: { method?: string; url?: string }
  response?: { status: number; data: unknown }
}

const asAxiosError = (error: unknown): AxiosLikeError | undefined =>
  error && typeof error === "object" ? (error as AxiosLikeError) : undefined

/**
 * Sends a request and returns status and body whether or not the status was 2xx.
 * Only a request that got no HTTP answer at all (connection refused, timeout) throws.
 */
export async function attempt<T = any>(request: Promise<AxiosResponse<T>>): Promise<HttpResult<T>> {
  try {
    const response = await request
    return { status: response.status, data: response.data }
  } catch (error) {
    const response = asAxiosError(error)?.response
    if (response) {
      return { status: response.status, data: response.data as T }
    }
    throw error
  }
}

/**
 * Sends a request that is expected to succeed and returns its body. On a non-2xx answer the
 * error names the route, the status and Medusa's message instead of axios' bare
 * "Request failed with status code 400".
 */
export async function ok<T = any>(request: Promise<AxiosResponse<T>>): Promise<T> {
  try {
    return (await request).data
  } catch (error) {
    const e = asAxiosError(error)
    if (e?.response) {
      const route = `${(e.config?.method ?? "?").toUpperCase()} ${e.config?.url ?? "?"}`
      throw new Error(`${route} answered ${e.response.status}: ${JSON.stringify(e.response.data)}`)
    }
    throw error
  }
}

/** Headers a storefront sends: the publishable key, and the customer's bearer token once logged in. */
export function storeHeaders(publishableKey: string, customerToken?: string): RequestOptions {
  return {
    headers: {
      "x-publishable-api-key": publishableKey,
      ...(customerToken ? { authorization: `Bearer ${customerToken}` } : {}),
    },
  }
}

export function adminHeaders(adminToken: string): RequestOptions {
  return { headers: { authorization: `Bearer ${adminToken}` } }
}

/** A short random suffix so e-mails, handles and names never collide between calls. */
export function uniqueSuffix(): string {
  return Math.random().toString(36).slice(2, 10)
}
