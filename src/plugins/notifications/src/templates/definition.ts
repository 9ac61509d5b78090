import type { Audience, Category, RenderContext, RenderedMessage, TemplateData, TemplateName } from "./data"

export type TemplateDefinition<N extends TemplateName> = {
  name: N
  audience: Audience
  category: Category
  /** For the admin's template list; English, as the admin is. */
  description: string
  /** Realistic data for previews and tests. */
  sample: TemplateData[N]
  render(data: TemplateData[N], ctx: RenderContext): Promise<RenderedMessage>
}
