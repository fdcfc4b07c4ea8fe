/**
 * npm run organisers -- add <email> | list | remove <email>
 *
 * Organiser accounts in the data directory (DATA_DIR, as the server reads
 * it). Safe to run beside the running server: the account is in the
 * database, and a removed organiser's sessions end at once.
 */
import { checkedEmail, OrganiserAccounts, PASSWORD_LINK_DAYS, setupLink } from '../auth/organiserAccounts'
import { configFromEnv } from '../config'
import { HttpError } from '../http/respond'
import { openDatabase } from '../store/database'
import { OrganiserStore } from '../store/organiserStore'
import { SessionStore } from '../store/sessionStore'
import { WorkshopAccessStore } from '../store/workshopAccessStore'

const USAGE = `usage: npm run organisers -- add <email>     a new organiser (or a new password for one): prints a one-time link to choose the password
       npm run organisers -- list            every organiser
       npm run organisers -- remove <email>  removes the account and signs it out
reads the data directory in DATA_DIR (default ./data); links use PUBLIC_URL or http://localhost:PORT`

class CliError extends Error {}

function email(arg: string | undefined): string {
  if (!arg) throw new CliError(USAGE)
  try {
    return checkedEmail(arg)
  } catch (error) {
    if (error instanceof HttpError) throw new CliError(`"${arg}" is not an e-mail address`)
    throw error
  }
}

const date = (ms: number | null) => (ms === null ? '–' : new Date(ms).toISOString().slice(0, 16).replace('T', ' '))

function main(argv: string[]): string {
  const [command, arg, ...rest] = argv
  if (!command || command === '--help' || command === '-h' || rest.length > 0) throw new CliError(USAGE)
  const config = configFromEnv(process.env, process.cwd())
  const db = openDatabase(config.dataDir)
  try {
    const access = new WorkshopAccessStore(db)
    const accounts = new OrganiserAccounts(new OrganiserStore(db), new SessionStore(db), access)
    const base = config.publicUrl ?? `http://localhost:${config.port}`
    switch (command) {
      case 'add': {
        const { token, created } = accounts.passwordToken(email(arg))
        const link = setupLink(base, token)
        return `${created ? 'Added' : 'A new password link for'} ${email(arg)}. Pass this link on; it lets them choose a password (once, within ${PASSWORD_LINK_DAYS} days):\n${link}`
      }
      case 'list': {
        const rows = accounts.list()
        if (rows.length === 0) return 'No organisers yet.'
        return rows
          .map((o) => {
            const workshops = access.listOf(o.email).length
            const signIn = o.passwordHash ? 'password' : 'no password (identity provider, or link not used yet)'
            return `${o.email}\tcreated ${date(o.createdAt)}\tlast signed in ${date(o.lastSignInAt)}\t${workshops} workshop(s)\t${signIn}`
          })
          .join('\n')
      }
      case 'remove': {
        const who = email(arg)
        if (!accounts.remove(who)) throw new CliError(`no organiser ${who}`)
        return `Removed ${who}: signed out, and no longer an organiser of any workshop (the workshops stay; their links still work).`
      }
      default:
        throw new CliError(`unknown command "${command}"\n${USAGE}`)
    }
  } finally {
    db.close()
  }
}

try {
  console.log(main(process.argv.slice(2)))
} catch (error) {
  console.error(error instanceof CliError ? error.message : `organisers: ${(error as Error).message}`)
  process.exit(error instanceof CliError ? 2 : 1)
}
