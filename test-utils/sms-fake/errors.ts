/**
 * Twilio's error body (https://www.twilio.com/docs/usage/twilios-response): a JSON object
 * with Twilio's numeric `code`, a `message`, the HTTP `status` and a `more_info` link.
 */
export type TwilioErrorBody = { code: number; message: string; more_info: string; status: number }

export class TwilioError {
  constructor(
    readonly status: number,
    readonly code: number,
    readonly message: string
  ) {}

  toJSON(): TwilioErrorBody {
    return { code: this.code, message: this.message, more_info: `https://www.twilio.com/docs/errors/${this.code}`, status: this.status }
  }
}

/** Twilio's codes for the failures `failNext()` usually simulates, by HTTP status. */
const DEFAULT_CODES: Record<number, { code: number; message: string }> = {
  400: { code: 21211, message: "Invalid 'To' Phone Number" },
  401: { code: 20003, message: "Authenticate" },
  404: { code: 20404, message: "The requested resource was not found" },
  429: { code: 20429, message: "Too Many Requests" },
  500: { code: 20500, message: "An internal server error has occurred" },
  503: { code: 20503, message: "Service unavailable" },
}

export function simulatedError(status: number, code?: number, message?: string): TwilioError {
  const fallback = DEFAULT_CODES[status] ?? { code: status >= 500 ? 20500 : 20001, message: `Simulated error ${status}` }
  return new TwilioError(status, code ?? fallback.code, message ?? fallback.message)
}

export const authenticationError = () => new TwilioError(401, 20003, "Authenticate")
export const notFoundError = (path: string) => new TwilioError(404, 20404, `The requested resource ${path} was not found`)
