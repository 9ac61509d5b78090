/**
 * Runs the Meilisearch fake as a process (benchmarks talk to it over HTTP):
 *   node -r ts-node/register/transpile-only test-utils/meilisearch-fake/cli.ts [port] [masterKey]
 * MEILI_MASTER_KEY is used when no master key argument is given. Prints
 * "meilisearch-fake listening <url>" once it accepts requests; stops on SIGTERM / SIGINT.
 */
import { startMeilisearchFake } from "./index"

async function main() {
  const port = Number(process.argv[2] || 7700)
  const masterKey = process.argv[3] || process.env.MEILI_MASTER_KEY || undefined
  const fake = await startMeilisearchFake({ port, masterKey })
  console.log(`meilisearch-fake listening ${fake.url}`)
  const stop = () => fake.close().then(() => process.exit(0))
  process.on("SIGTERM", stop)
  process.on("SIGINT", stop)
}

main().catch((error) => {
  console.error(error)
  process.exit(1)
})
