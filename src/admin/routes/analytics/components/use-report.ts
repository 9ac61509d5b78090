import { useEffect, useRef, useState } from "react"
import { useAdminJson } from "../../../lib/use-admin-json"

/**
 * `useAdminJson` for a report whose filters change: besides the last answer it says whether that
 * answer is for the filters asked now (`updating` while the new one is on its way), so a section
 * keeps showing the previous numbers, dimmed, instead of blanking on each change.
 */
export function useReport<T>(path: string) {
  const { data, error } = useAdminJson<T>(path)
  const asked = useRef(path)
  asked.current = path
  const [answeredPath, setAnsweredPath] = useState<string | null>(null)

  useEffect(() => {
    // useAdminJson drops answers to paths no longer asked, so what just arrived is for this one.
    if (data !== null || error !== null) setAnsweredPath(asked.current)
  }, [data, error])

  return { data, error, updating: data !== null && answeredPath !== path }
}
