import { z } from "@medusajs/framework/zod"
import {
  normalizeSynonymTerm,
  SYNONYM_TERM_MAX_LENGTH,
  SYNONYM_TERMS_MAX,
  SYNONYM_TERMS_MIN,
} from "../../../../modules/search-tuning/terms"
import { withReadableIssues } from "../../../readable-issues"

const term = z
  .string({ error: "must be text" })
  .transform(normalizeSynonymTerm)
  .pipe(
    z
      .string()
      .min(1, "must not be empty")
      .max(SYNONYM_TERM_MAX_LENGTH, `must be at most ${SYNONYM_TERM_MAX_LENGTH} characters`)
      .regex(/[\p{L}\p{N}]/u, "must contain a letter or a digit")
  )

/** A synonym group: 2–20 terms, each trimmed and lower-cased; the same term twice counts once. */
export const AdminCreateSearchSynonymGroup = withReadableIssues(
  z
    .object({
      terms: z
        .array(term, { error: "must be a list of terms" })
        .min(SYNONYM_TERMS_MIN, `must hold at least ${SYNONYM_TERMS_MIN} terms`)
        .max(SYNONYM_TERMS_MAX, `must hold at most ${SYNONYM_TERMS_MAX} terms`)
        .transform((terms) => [...new Set(terms)])
        .refine((terms) => terms.length >= SYNONYM_TERMS_MIN, `must hold at least ${SYNONYM_TERMS_MIN} different terms`),
    })
    .strict()
)

export const AdminListSearchSynonymGroups = z
  .object({
    limit: z.coerce.number().int().min(1, "limit must be at least 1").max(500, "limit must be at most 500").default(200),
    offset: z.coerce.number().int().min(0, "offset must be at least 0").default(0),
  })
  .strict()

export type AdminCreateSearchSynonymGroupType = z.infer<typeof AdminCreateSearchSynonymGroup>
export type AdminListSearchSynonymGroupsType = z.infer<typeof AdminListSearchSynonymGroups>
