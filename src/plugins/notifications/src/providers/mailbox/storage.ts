import { mkdir, writeFile } from "fs/promises"
import path from "path"

/** `yyyy-mm-dd` of a date in UTC: one folder per day keeps a long-running dev mailbox browsable. */
export function mailboxDay(date: Date): string {
  return date.toISOString().slice(0, 10)
}

/** Where a message is stored: `<directory>/<yyyy-mm-dd>/<id>.<extension>`. */
export function mailboxPath(directory: string, date: Date, id: string, extension: "eml" | "json"): string {
  return path.join(directory, mailboxDay(date), `${id}.${extension}`)
}

/** Writes a new file; `wx` refuses to overwrite, so two messages can never share a file. */
export async function writeMailboxFile(file: string, content: string | Buffer): Promise<void> {
  await mkdir(path.dirname(file), { recursive: true })
  await writeFile(file, content, { flag: "wx" })
}
