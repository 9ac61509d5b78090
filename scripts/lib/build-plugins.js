/**
 * Emporium's plugins (src/plugins/*) are npm packages that Medusa loads from their build
 * (`.medusa/server`), as it would from npm. This builds each one whose sources are newer than
 * its build, so a fresh clone's `npm start` and `npm test` never load a missing or stale plugin.
 */
const { spawn, spawnSync } = require("child_process")
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

/** Written after a plugin's build; its mtime against the sources' says whether the build is stale. */
const stampOf = (dir) => path.join(dir, ".medusa", "server", ".emporium-built")

function buildPluginsIfStale(say = console.log) {
  const cli = require.resolve("@medusajs/cli/cli.js", { paths: [ROOT] })
  const stale = pluginDirs().filter((dir) => {
    const built = fs.existsSync(stampOf(dir)) ? fs.statSync(stampOf(dir)).mtimeMs : 0
    const sources = Math.max(newestMtime(path.join(dir, "src")), fs.statSync(path.join(dir, "package.json")).mtimeMs)
    return built < sources
  })
  if (!stale.length) return
  say(`building plugin${stale.length > 1 ? "s" : ""} ${stale.map((d) => path.basename(d)).join(", ")} (medusa plugin:build, side by side)…`)
  // Side by side: each build waits on tsc and vite in turns, so two cores finish three in about
  // the time of two. Callers are synchronous (start, test), hence the helper process.
  const result = spawnSync(process.execPath, [__filename, "--build", cli, ...stale], { stdio: ["ignore", "inherit", "inherit"], env: process.env })
  if (result.status !== 0) throw new Error("medusa plugin:build failed (its output is above)")
  for (const dir of stale) {
    if (!fs.existsSync(path.join(dir, ".medusa", "server", "src"))) {
      throw new Error(`medusa plugin:build left no build in ${path.relative(ROOT, dir)}`)
    }
    fs.writeFileSync(stampOf(dir), new Date().toISOString())
  }
}

/** The helper process: runs `medusa plugin:build` in each folder at once; exit 1 if any failed. */
function buildSideBySide(cli, dirs) {
  const builds = dirs.map(
    (dir) =>
      new Promise((resolve) => {
        const child = spawn(process.execPath, [cli, "plugin:build"], { cwd: dir, stdio: ["ignore", "inherit", "inherit"], env: process.env })
        child.on("exit", (code) => {
          if (code !== 0) console.error(`medusa plugin:build failed in ${path.relative(ROOT, dir)} (exit ${code})`)
          resolve(code === 0)
        })
      })
  )
  Promise.all(builds).then((ok) => process.exit(ok.every(Boolean) ? 0 : 1))
}

if (require.main === module && process.argv[2] === "--build") buildSideBySide(process.argv[3], process.argv.slice(4))

module.exports = { buildPluginsIfStale, pluginDirs }
