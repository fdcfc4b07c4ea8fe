import { createCipheriv, createDecipheriv, randomBytes } from 'node:crypto'
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'

const SECRET_FILE = 'link-secret.key'

/**
 * Keeps participant keys so "Mina workshoppar" can show the participant link
 * again, without putting them in the database in the clear: each is sealed
 * with AES-256-GCM under a secret in DATA_DIR/link-secret.key, a file of its
 * own. A database backup alone (sqlite3 .backup) then holds no usable link.
 * Facilitator keys are never kept; organisers get keys of their own.
 */
export class LinkSeal {
  private constructor(private readonly secret: Buffer) {}

  /** The data directory's secret, made on first start (readable by the server's user only). */
  static forDataDir(dataDir: string): LinkSeal {
    mkdirSync(dataDir, { recursive: true })
    const file = join(dataDir, SECRET_FILE)
    if (!existsSync(file)) writeFileSync(file, randomBytes(32).toString('base64'), { mode: 0o600, flag: 'wx' })
    const secret = Buffer.from(readFileSync(file, 'utf8').trim(), 'base64')
    if (secret.length !== 32) throw new Error(`${file}: expected 32 bytes in base64; delete it to make a new one (kept participant links are then lost, the links themselves keep working)`)
    return new LinkSeal(secret)
  }

  /** `key` sealed for workshop `workshopId` (the id is bound in, so a sealed key cannot be moved to another workshop's row). */
  seal(workshopId: string, key: string): string {
    const iv = randomBytes(12)
    const cipher = createCipheriv('aes-256-gcm', this.secret, iv)
    cipher.setAAD(Buffer.from(workshopId, 'utf8'))
    const body = Buffer.concat([cipher.update(key, 'utf8'), cipher.final()])
    return Buffer.concat([iv, cipher.getAuthTag(), body]).toString('base64url')
  }

  /** The key, or null when it was sealed with another secret (the secret file was replaced) or is damaged. */
  unseal(workshopId: string, sealed: string): string | null {
    try {
      const raw = Buffer.from(sealed, 'base64url')
      const decipher = createDecipheriv('aes-256-gcm', this.secret, raw.subarray(0, 12))
      decipher.setAAD(Buffer.from(workshopId, 'utf8'))
      decipher.setAuthTag(raw.subarray(12, 28))
      return Buffer.concat([decipher.update(raw.subarray(28)), decipher.final()]).toString('utf8')
    } catch {
      return null
    }
  }
}
