import { pino, type Logger } from 'pino'

export type Log = Pick<Logger, 'info' | 'warn' | 'error' | 'debug' | 'child'>

/** JSON lines on stdout; LOG_LEVEL=silent in tests keeps them quiet. */
export function createLog(level = process.env.LOG_LEVEL ?? 'info'): Log {
  return pino({ level, base: undefined })
}
