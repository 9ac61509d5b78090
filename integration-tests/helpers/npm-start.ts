import { spawn, type ChildProcess } from "child_process"
import net from "net"
import path from "path"

export const ROOT = path.resolve(__dirname, "..", "..")

export function freePort(): Promise<number> {
  return new Promise((resolve) => {
    const server = net.createServer()
    server.listen(0, () => {
      const { port } = server.address() as net.AddressInfo
      server.close(() => resolve(port))
    })
  })
}

export type Started = { child: ChildProcess; output: () => string; exited: Promise<number | null> }

/** Runs `npm start`'s script and resolves once its banner says the engine is up. */
export function startEngine(env: NodeJS.ProcessEnv): Promise<Started> {
  let output = ""
  const child = spawn(process.execPath, [path.join(ROOT, "scripts", "start.js")], {
    cwd: ROOT,
    env,
    stdio: ["ignore", "pipe", "pipe"],
  })
  // "close", not "exit": a child can exit before its last lines have been read from the pipe,
  // and the shutdown message is among those last lines.
  const exited = new Promise<number | null>((r) => child.once("close", (code) => r(code)))
  return new Promise((resolve, reject) => {
    const onData = (chunk: Buffer) => {
      output += chunk.toString()
      if (output.includes("Emporium is running")) resolve({ child, output: () => output, exited })
    }
    child.stdout!.on("data", onData)
    child.stderr!.on("data", onData)
    void exited.then((code) => reject(new Error(`npm start exited with ${code} before serving:\n${output.slice(-3000)}`)))
  })
}

/** Ctrl-C, as a user stops it; resolves with the exit code. */
export async function stopEngine(started: Started): Promise<number | null> {
  started.child.kill("SIGINT")
  return started.exited
}
