/**
 * Runs the Stripe fake as a process (the benchmark's servers talk to it over HTTP):
 *   node -r ts-node/register/transpile-only test-utils/stripe-fake/cli.ts <port>
 * Prints "stripe-fake listening <url>" once it accepts requests; stops on SIGTERM.
 */
import { startStripeFake } from "./index"

async function main() {
  const port = Number(process.argv[2] || 12111)
  const fake = await startStripeFake({ port })
  console.log(`stripe-fake listening ${fake.url}`)
  const stop = () => fake.close().then(() => process.exit(0))
  process.on("SIGTERM", stop)
  process.on("SIGINT", stop)
}

main().catch((error) => {
  console.error(error)
  process.exit(1)
})
