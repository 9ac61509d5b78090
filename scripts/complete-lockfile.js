#!/usr/bin/env node
/**
 * Restores the platform-specific optional packages (e.g. @swc/core-darwin-arm64,
 * @rollup/rollup-win32-x64-msvc) that npm leaves out of package-lock.json when the
 * registry it talks to does not serve them. This project's machines use a registry
 * mirror that carries only the packages of their own platform; without these entries
 * `npm ci` refuses the lock ("Missing: @swc/core-darwin-arm64@ from lock file").
 *
 * Each entry is written as npm itself writes it for a full registry: exact version
 * (taken from the parent's optionalDependencies, which pin it), `optional: true` and
 * the os/cpu/libc the package name states, so npm skips it on other platforms.
 *
 * Run after `npm install` changes the lock: `node scripts/complete-lockfile.js`.
 */
const fs = require("fs")
const path = require("path")

const LOCK = path.resolve(__dirname, "..", "package-lock.json")
const OSES = ["darwin", "linux", "win32", "freebsd", "openbsd", "android", "openharmony", "sunos", "aix", "netbsd"]
const CPUS = ["arm64", "x64", "arm", "ia32", "ppc64", "s390x", "riscv64", "loong64", "mips64el", "wasm32"]

function platformOf(name) {
  const parts = name.split("/").pop().split("-")
  const os = OSES.find((o) => parts.includes(o))
  const cpu = CPUS.find((c) => parts.includes(c))
  if (!os || !cpu) return undefined
  const platform = { os: [os], cpu: [cpu] }
  if (parts.includes("musl") || parts.includes("musleabihf")) platform.libc = ["musl"]
  else if (os === "linux" && (parts.includes("gnu") || parts.includes("gnueabihf"))) platform.libc = ["glibc"]
  return platform
}

function resolves(packages, from, name) {
  // Node's lookup: <from>/node_modules/<name>, then each ancestor's node_modules.
  let dir = from
  for (;;) {
    if (packages[`${dir ? `${dir}/` : ""}node_modules/${name}`]) return true
    if (!dir) return false
    const index = dir.lastIndexOf("node_modules/")
    dir = index <= 0 ? "" : dir.slice(0, index - 1)
  }
}

/** The entries npm would have written for a full registry and that the lock lacks. */
function missingPlatformEntries(packages) {
  const missing = {}
  for (const [location, entry] of Object.entries(packages)) {
    for (const [name, spec] of Object.entries(entry.optionalDependencies ?? {})) {
      if (resolves(packages, location, name)) continue
      const platform = platformOf(name)
      if (!platform || !/^\d+\.\d+\.\d+(-[\w.]+)?$/.test(spec)) continue
      const key = packages[`node_modules/${name}`] ? `${location}/node_modules/${name}` : `node_modules/${name}`
      missing[key] = { version: spec, optional: true, ...platform }
    }
  }
  return missing
}

module.exports = { missingPlatformEntries, LOCK }

if (require.main === module) {
  const lock = JSON.parse(fs.readFileSync(LOCK, "utf8"))
  const missing = missingPlatformEntries(lock.packages)
  lock.packages = Object.fromEntries(
    Object.entries({ ...lock.packages, ...missing }).sort(([a], [b]) => a.localeCompare(b, "en"))
  )
  fs.writeFileSync(LOCK, `${JSON.stringify(lock, null, 2)}\n`)
  console.log(`complete-lockfile: added ${Object.keys(missing).length} platform-specific optional package entries`)
}
