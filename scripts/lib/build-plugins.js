/**
 * Emporium's plugins (src/plugins/*) are npm packages that Medusa loads from their build
 * (`.medusa/server`), as it would from npm. This builds each one whose sources are newer than
 * its build, so a fresh clone's `npm start` and `npm test` never load a missing or stale plugin.
 */
const { spawnSync } = require("child_process")
const fs = require("fs")
const path = require("path")

const ROOT = path.resolve(__dirname, "..", "..")
const PLUGINS_DIR = path.join(ROOT, "src", "plugins")

function newestMtime(dir) {
  let newest = 0
  for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
    if (entry.name === "node_modules" || entry.name === ".medusa" || entry.name === "__tests__") continue
    const full = path.join(dir, entry.name)
    newest = Math.max(newest, entry.isDirectory() ? newestMtime(full) : fs.statSync(full).mtimeMs)
  }
  return newest
}

function pluginDirs() {
  if (!fs.existsSync(PLUGINS_DIR)) return []
  return fs
    .readdirSync(PLUGINS_DIR, { withFileTypes: true })
    .filter((e) => e.isDirectory() && fs.existsSync(path.join(PLUGINS_DIR, e.name, "package.json")))
    .map((e) => path.join(PLUGINS_DIR, e.name))
}

function buildPluginsIfStale(say = console.log) {
  const cli = require.resolve("@medusajs/cli/cli.js", { paths: [ROOT] })
  for (const dir of pluginDirs()) {
    const stamp = path.join(dir, ".medusa", "server", ".emporium-built")
    const built = fs.existsSync(stamp) ? fs.statSync(stamp).mtimeMs : 0
    const sources = Math.max(newestMtime(path.join(dir, "src")), fs.statSync(path.join(dir, "package.json")).mtimeMs)
    if (built >= sources) continue
    say(`building plugin ${path.basename(dir)} (medusa plugin:build)…`)
    const result = spawnSync(process.execPath, [cli, "plugin:build"], { cwd: dir, stdio: ["ignore", "inherit", "inherit"], env: process.env })
    if (result.status !== 0 || !fs.existsSync(path.join(dir, ".medusa", "server", "src"))) {
      throw new Error(`medusa plugin:build failed in ${path.relative(ROOT, dir)}`)
    }
    fs.writeFileSync(stamp, new Date().toISOString())
  }
}

module.exports = { buildPluginsIfStale, pluginDirs }
