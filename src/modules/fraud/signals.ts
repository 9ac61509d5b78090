/**
 * External risk signals (Stripe Radar from the payments plugin, a device-fingerprinting
 * service…). A provider registers once at load; an `external_signal` rule naming it scores its
 * answer. A provider that throws or answers null adds nothing: scoring never fails on it.
 */
export type FraudSignal = { score: number; label: string }

export type FraudSignalProvider = {
  name: string
  signal(checkout: { cart_id: string; payment_sessions: { provider_id: string; data: Record<string, unknown> }[] }): Promise<FraudSignal | null>
}

const providers = new Map<string, FraudSignalProvider>()

export function registerFraudSignalProvider(provider: FraudSignalProvider): void {
  providers.set(provider.name, provider)
}

export function fraudSignalProviders(): FraudSignalProvider[] {
  return [...providers.values()]
}
