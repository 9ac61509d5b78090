/**
 * A message's HTML in an iframe with an empty `sandbox`: no scripts, forms, plugins or navigation
 * of the dashboard, and an opaque origin without the admin's cookies. Mail HTML comes from
 * templates fed with customer data, so it is never rendered into the dashboard itself. Links in
 * it do not open (that would need allow-popups); the Text tab has the URLs.
 */
export function SandboxedHtml({ html, title }: { html: string; title: string }) {
  return (
    <iframe
      title={title}
      sandbox=""
      referrerPolicy="no-referrer"
      srcDoc={html}
      className="h-[70vh] w-full rounded-md border border-ui-border-base bg-white"
    />
  )
}
