import crypto from "crypto"
import fs from "fs"
import path from "path"

const IGNORED = new Set(["node_modules", ".medusa", ".data", "__tests__", "plugins"])

function walk(dir: string, out: string[]): void {
  if (!fs.existsSync(dir)) return
  for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
    if (IGNORED.has(entry.name)) continue
    const full = path.join(dir, entry.name)
    if (entry.isDirectory()) walk(full, out)
    else out.push(full)
  }
}

/**
 * A hash of everything `medusa build` turns into `.medusa/server`: the app's sources,
 * its config and the installed dependency set. Equal hash → the last build is current.
 */
export function buildFingerprint(root: string): string {
  const files: string[] = []
  walk(path.join(root, "src"), files)
  for (const name of ["medusa-config.ts", "package.json", "package-lock.json", "tsconfig.json"]) {
    const full = path.join(root, name)
    if (fs.existsSync(full)) files.push(full)
  }
  const hash = crypto.createHash("sha256")
  for (const file of files.sort()) {
    hash.update(path.relative(root, file))
    hash.update("\0")
    hash.update(fs.readFileSync(file))
    hash.update("\0")
  }
  return hash.digest("hex").slice(0, 16)
}
