import type { z } from 'zod'
import { HttpError } from './respond'

/** A request value checked with a schema: 400 naming the first field that is wrong. */
export function parseBody<T>(schema: z.ZodType<T>, value: unknown): T {
  const parsed = schema.safeParse(value)
  if (!parsed.success) {
    const issue = parsed.error.issues[0]
    throw new HttpError(400, `${issue.path.join('.') || 'body'}: ${issue.message}`)
  }
  return parsed.data
}
