/** A Message resource as Twilio's Messages API returns it (the fields the fake fills). */
export type TwilioMessage = {
  sid: string
  account_sid: string
  api_version: "2010-04-01"
  to: string
  from: string | null
  messaging_service_sid: string | null
  body: string
  /** "accepted" when sent through a Messaging Service, "queued" otherwise. */
  status: "queued" | "accepted"
  direction: "outbound-api"
  num_segments: string
  num_media: "0"
  error_code: null
  error_message: null
  price: null
  price_unit: "USD"
  /** RFC 2822 dates, as Twilio writes them. */
  date_created: string
  date_updated: string
  date_sent: null
  uri: string
  subresource_uris: { media: string }
}

/** A message the fake accepted: the form parameters as sent, and the resource it answered with. */
export type ReceivedSms = {
  To: string
  /** Null when the request named only a Messaging Service. */
  From: string | null
  MessagingServiceSid: string | null
  Body: string
  /** The Message resource of the 201 answer (`sid`, `status`, `num_segments`, …). */
  message: TwilioMessage
}

export type SmsFakeOptions = {
  /** The account the fake serves: the Basic auth user and the `:sid` of the URL. */
  accountSid: string
  /** Its auth token: the Basic auth password. */
  authToken: string
  /**
   * Port on 127.0.0.1; 0 (default) picks a free one. A fixed port lets a Medusa app be
   * configured with the fake's URL before the fake starts.
   */
  port?: number
}

export type SmsFake = {
  /** Base URL to give the client as its API base, `http://127.0.0.1:<port>`. */
  url: string
  /** Messages accepted so far, oldest first. */
  messages(): ReceivedSms[]
  /**
   * The next request to the Messages endpoint is answered with this error (Twilio-shaped
   * JSON), before any other check: a simulated outage or refusal.
   */
  failNext(status: number, code?: number, message?: string): void
  close(): Promise<void>
}
