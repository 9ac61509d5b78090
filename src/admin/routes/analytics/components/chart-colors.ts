/** Chart colours from the dashboard's theme variables, so charts follow light and dark mode. */
export const CHART = {
  blue: "var(--tag-blue-icon)",
  purple: "var(--tag-purple-icon)",
  green: "var(--tag-green-icon)",
  orange: "var(--tag-orange-icon)",
  grid: "var(--border-base)",
  axis: "var(--fg-muted)",
  tick: { fill: "var(--fg-subtle)", fontSize: 12 },
}

export const tooltipStyle = {
  contentStyle: {
    background: "var(--bg-base)",
    border: "1px solid var(--border-base)",
    borderRadius: 8,
    fontSize: 12,
  },
  labelStyle: { color: "var(--fg-base)", fontWeight: 500 },
}
