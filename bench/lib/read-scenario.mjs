import { load } from "./load.mjs"

/**
 * A catalogue read a storefront repeats on every page view: the same path over and over,
 * closed loop. `path(ctx)` may use the discovered catalog (e.g. the Europe region's id).
 * The runner compares the path's body between Emporium and vanilla before the load.
 */
export function repeatedRead({ name, description, path }) {
  return {
    name,
    description,
    async setup(ctx) {
      ctx.state.path = path(ctx)
      for (let i = 0; i < 20; i++) await ctx.store.get(ctx.state.path)
    },
    sameBody: (ctx) => [path(ctx)],
    async run(ctx) {
      return load(ctx, () => ({ path: ctx.state.path }))
    },
  }
}
