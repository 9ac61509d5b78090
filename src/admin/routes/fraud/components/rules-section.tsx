import { Button, Container, Heading, Select, Skeleton, Text } from "@medusajs/ui"
import { useCallback, useEffect, useState } from "react"
import { DEFAULT_RULE_SET } from "../../../../modules/fraud/rules/defaults"
import { ruleSetProblems } from "../../../../modules/fraud/rules/validate"
import { useAdminJson } from "../../../lib/use-admin-json"
import { Field } from "../../../components/form-fields"
import { RULES_PATH, saveRuleSet } from "./api"
import { NumberInput } from "./fields"
import { RULE_TYPE_ORDER, RULE_TYPES } from "./format"
import { RuleRow } from "./rule-row"
import type { RuleConfig, RuleSet, RulesResponse, RuleType } from "./types"
import { useUserNames } from "./use-user-names"
import { VersionsList } from "./versions-list"

const sameRules = (a: RuleSet, b: RuleSet) =>
  JSON.stringify([a.review_threshold, a.reject_threshold, a.rules]) === JSON.stringify([b.review_threshold, b.reject_threshold, b.rules])

/** A new rule of `type`, with the default parameters and an id no other rule has. */
function newRule(type: RuleType, rules: RuleConfig[]): RuleConfig {
  const template = DEFAULT_RULE_SET.rules.find((r) => r.type === type) as RuleConfig
  const taken = new Set(rules.map((r) => r.id))
  let id: string = type
  for (let n = 2; taken.has(id); n++) id = `${type}_${n}`
  return { ...structuredClone(template), id, enabled: true }
}

/**
 * The rules in force, edited as a draft and saved as a new version (the old versions stay, and
 * each assessment names the one it used). Problems the dashboard can see are shown before
 * saving; anything else the server refuses is shown with its message.
 */
export function RulesSection() {
  const { data, error, reload } = useAdminJson<RulesResponse>(RULES_PATH)
  const [draft, setDraft] = useState<RuleSet | null>(null)
  const [saving, setSaving] = useState(false)
  const [saveError, setSaveError] = useState<string | null>(null)
  const [savedVersion, setSavedVersion] = useState<number | null>(null)
  const [addType, setAddType] = useState<RuleType>("velocity")
  const names = useUserNames([data?.rule_set.created_by, ...(data?.versions.map((v) => v.created_by) ?? [])])

  useEffect(() => {
    if (data) setDraft(structuredClone(data.rule_set))
  }, [data])

  const edit = useCallback((change: (draft: RuleSet) => void) => {
    setSavedVersion(null)
    setDraft((current) => {
      if (!current) return current
      const next = structuredClone(current)
      change(next)
      return next
    })
  }, [])

  if (error) {
    return (
      <Container className="px-6 py-4">
        <Text className="text-ui-fg-error">Could not load the rules: {error}</Text>
      </Container>
    )
  }
  if (!data || !draft) {
    return (
      <Container className="flex flex-col gap-y-3 px-6 py-4" aria-label="Loading the rules">
        <Skeleton className="h-10 w-full" />
        <Skeleton className="h-40 w-full" />
      </Container>
    )
  }

  const dirty = !sameRules(draft, data.rule_set)
  const problems = ruleSetProblems(draft)

  const save = async () => {
    setSaving(true)
    setSaveError(null)
    try {
      const { rule_set } = await saveRuleSet(draft)
      setSavedVersion(rule_set.version)
      reload()
    } catch (e) {
      setSaveError(e instanceof Error ? e.message : String(e))
    } finally {
      setSaving(false)
    }
  }

  return (
    <div className="flex flex-col gap-y-3">
      <Container role="region" aria-label="Rules" className="divide-y p-0">
        <div className="flex flex-col gap-y-2 px-6 py-4">
          <div className="flex flex-wrap items-start justify-between gap-4">
            <div>
              <Heading level="h2">Rules · version {data.rule_set.version}</Heading>
              <Text size="small" className="text-ui-fg-subtle">
                Every enabled rule that fires adds its score. From the review threshold an order is held for review;
                from the reject threshold checkout is refused. Saving creates a new version.
              </Text>
            </div>
            <div className="flex shrink-0 items-center gap-x-2">
              <Button size="small" variant="secondary" disabled={saving} onClick={() => edit((d) => Object.assign(d, structuredClone(DEFAULT_RULE_SET)))}>
                Start from defaults
              </Button>
              {dirty ? (
                <Button size="small" variant="secondary" disabled={saving} onClick={() => (setDraft(structuredClone(data.rule_set)), setSaveError(null))}>
                  Discard changes
                </Button>
              ) : null}
              <Button size="small" disabled={!dirty || saving || problems.length > 0} isLoading={saving} onClick={save}>
                Save as new version
              </Button>
            </div>
          </div>
          {problems.map((problem) => (
            <Text key={problem} size="small" role="alert" className="text-ui-fg-error">
              {problem}
            </Text>
          ))}
          {saveError ? (
            <Text size="small" role="alert" className="text-ui-fg-error">
              Not saved: {saveError}
            </Text>
          ) : savedVersion !== null ? (
            <Text size="small" role="status" className="text-ui-fg-subtle">
              Saved as version {savedVersion}: checkouts are scored with it now.
            </Text>
          ) : dirty ? (
            <Text size="small" className="text-ui-fg-subtle">
              Unsaved changes.
            </Text>
          ) : null}
        </div>
        <div className="flex flex-wrap gap-x-6 gap-y-2 px-6 py-4">
          <Field label="Review from score">
            <NumberInput label="Review threshold" className="w-24" integer min={0} value={draft.review_threshold} onChange={(v) => edit((d) => void (d.review_threshold = v))} />
          </Field>
          <Field label="Reject from score">
            <NumberInput label="Reject threshold" className="w-24" integer min={0} value={draft.reject_threshold} onChange={(v) => edit((d) => void (d.reject_threshold = v))} />
          </Field>
        </div>
        {draft.rules.length === 0 ? (
          <Text className="px-6 py-4 text-ui-fg-subtle">No rules: every checkout scores 0 and is approved.</Text>
        ) : (
          draft.rules.map((rule, index) => (
            <RuleRow
              key={`${index}:${rule.id}`}
              rule={rule}
              update={(patch) => edit((d) => void Object.assign(d.rules[index], patch))}
              remove={() => edit((d) => void d.rules.splice(index, 1))}
            />
          ))
        )}
        <div className="flex items-center gap-x-2 px-6 py-4">
          <Select size="small" value={addType} onValueChange={(v) => setAddType(v as RuleType)}>
            <Select.Trigger aria-label="Type of the new rule" className="w-56">
              <Select.Value />
            </Select.Trigger>
            <Select.Content>
              {RULE_TYPE_ORDER.map((type) => (
                <Select.Item key={type} value={type}>
                  {RULE_TYPES[type].label}
                </Select.Item>
              ))}
            </Select.Content>
          </Select>
          <Button size="small" variant="secondary" onClick={() => edit((d) => void d.rules.push(newRule(addType, d.rules)))}>
            Add rule
          </Button>
        </div>
      </Container>
      <VersionsList versions={data.versions} current={data.rule_set.version} userName={(id) => names.get(id) ?? id} />
    </div>
  )
}
