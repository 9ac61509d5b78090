import { model } from "@medusajs/framework/utils"

/**
 * Terms a shopper may use for the same thing ("tee", "t-shirt"). Product documents carry a group's
 * other terms when one of them is in the product's title, subtitle, categories, collection, tags or
 * type (`also_known_as`, src/search-catalog/synonyms.ts), so every search provider finds them.
 * `terms` are trimmed, lower-case and distinct; `key` is the sorted terms, so one set is stored once.
 */
const SearchSynonymGroup = model
  .define("search_synonym_group", {
    id: model.id({ prefix: "ssyn" }).primaryKey(),
    terms: model.json<string[]>(),
    key: model.text(),
  })
  .indexes([{ on: ["key"], unique: true }])

export default SearchSynonymGroup
