const escape = (s: string) => s.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`)

/** A minimal page for people arriving from a mail: no storefront needed, nothing to load. */
export function page(storeName: string, heading: string, message: string, options: { confirm?: boolean } = {}): string {
  const form = options.confirm ? `<form method="post"><button type="submit">Unsubscribe</button></form>` : ""
  return `<!doctype html><html><head><meta charset="utf-8"><meta name="viewport" content="width=device-width,initial-scale=1"><title>${escape(heading)} · ${escape(storeName)}</title>
<style>body{font-family:system-ui,sans-serif;max-width:32rem;margin:4rem auto;padding:0 1rem;color:#111827}button{font:inherit;padding:.6rem 1.2rem;border:0;border-radius:.4rem;background:#111827;color:#fff;cursor:pointer}</style></head>
<body><h1>${escape(heading)}</h1><p>${escape(message)}</p>${form}</body></html>`
}
