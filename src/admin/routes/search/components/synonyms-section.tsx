import { Badge, Button, Container, Heading, Input, Label, Text } from "@medusajs/ui"
import { useState } from "react"
import { RemoveButton } from "../../../components/form-fields"
import { useAdminJson } from "../../../lib/use-admin-json"
import { addSynonymGroup, parseTerms, removeSynonymGroup, SYNONYMS_PATH } from "./api"
import type { SynonymsResponse } from "./types"

/**
 * Synonym groups: each saved or removed group starts a product reindex (`onChanged`), after which a
 * product named by one term is also found by the others.
 */
export function SynonymsSection({ onChanged }: { onChanged: () => void }) {
  const { data, error, reload } = useAdminJson<SynonymsResponse>(SYNONYMS_PATH)
  const [text, setText] = useState("")
  const [busy, setBusy] = useState(false)
  const [removing, setRemoving] = useState<string | null>(null)
  const [problem, setProblem] = useState<string | null>(null)
  const terms = parseTerms(text)

  const add = async () => {
    setBusy(true)
    setProblem(null)
    try {
      await addSynonymGroup(terms)
      setText("")
      onChanged()
    } catch (e) {
      setProblem(`Not saved: ${e instanceof Error ? e.message : String(e)}`)
    } finally {
      setBusy(false)
      reload()
    }
  }

  const remove = async (id: string) => {
    setRemoving(id)
    setProblem(null)
    try {
      await removeSynonymGroup(id)
      onChanged()
    } catch (e) {
      setProblem(`Not removed: ${e instanceof Error ? e.message : String(e)}`)
    } finally {
      setRemoving(null)
      reload()
    }
  }

  return (
    <Container role="region" aria-label="Synonyms" className="divide-y p-0">
      <div className="flex flex-col gap-y-3 px-6 py-4">
        <div>
          <Heading level="h2">Synonyms</Heading>
          <Text size="small" className="text-ui-fg-subtle">
            Words shoppers use for the same thing. A product whose title, subtitle, categories, collection, tags or type
            contain one term (as a whole word) is also found by the others, on every search provider. Saving or removing a
            group rebuilds the product index.
          </Text>
        </div>
        <form
          className="flex items-end gap-x-2"
          onSubmit={(e) => {
            e.preventDefault()
            if (terms.length >= 2 && !busy) void add()
          }}
        >
          <div className="flex flex-1 flex-col gap-y-1">
            <Label size="small" htmlFor="search-synonym-terms">
              New group (2–20 terms, separated by commas)
            </Label>
            <Input id="search-synonym-terms" size="small" placeholder="tee, t-shirt" value={text} onChange={(e) => setText(e.target.value)} />
          </div>
          <Button size="small" type="submit" disabled={terms.length < 2 || busy} isLoading={busy}>
            Add group
          </Button>
        </form>
        {problem ? (
          <Text size="small" role="alert" className="text-ui-fg-error">
            {problem}
          </Text>
        ) : null}
      </div>
      {error ? (
        <Text className="px-6 py-4 text-ui-fg-error">Could not load the synonyms: {error}</Text>
      ) : !data ? (
        <Text className="px-6 py-4 text-ui-fg-subtle">Loading…</Text>
      ) : !data.synonym_groups.length ? (
        <Text className="px-6 py-4 text-ui-fg-subtle">No synonym groups yet.</Text>
      ) : (
        <ul className="divide-y">
          {data.synonym_groups.map((group) => (
            <li key={group.id} className="flex items-center justify-between gap-x-4 px-6 py-3">
              <div className="flex flex-wrap gap-1">
                {group.terms.map((term) => (
                  <Badge key={term} size="small">
                    {term}
                  </Badge>
                ))}
              </div>
              {removing === group.id ? (
                <Text size="small" className="text-ui-fg-subtle">
                  Removing…
                </Text>
              ) : (
                <RemoveButton label={`Remove the synonyms ${group.terms.join(", ")}`} onClick={() => remove(group.id)} />
              )}
            </li>
          ))}
        </ul>
      )}
    </Container>
  )
}
