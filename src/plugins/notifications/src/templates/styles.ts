/** Shared colours and fonts; inline styles only, as many mail clients drop <style> blocks. */
export const FONT_STACK = '-apple-system, BlinkMacSystemFont, "Segoe UI", Roboto, Helvetica, Arial, sans-serif'
export const TEXT_COLOR = "#111827"
export const MUTED_COLOR = "#6b7280"
export const BORDER_COLOR = "#e5e7eb"
