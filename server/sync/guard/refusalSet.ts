import type { RefusalReason } from '../../../workshops/rules/refusals'

/** Record ids named in a refusal notice; the count says how many there were in all. */
const MAX_IDS = 20

/** What one review refused: a count per reason and the first few record ids. */
export class RefusalSet {
  readonly reasons = new Map<RefusalReason, number>()
  readonly ids: string[] = []
  /**
   * The guard changed the transaction beyond the sender's update (took
   * something back, or dropped an entry that lost to a concurrent write):
   * the sender must get the result too, or its copy would differ.
   */
  adjusted = false

  add(reason: RefusalReason, id?: string): void {
    this.adjusted = true
    this.reasons.set(reason, (this.reasons.get(reason) ?? 0) + 1)
    if (id !== undefined && this.ids.length < MAX_IDS && !this.ids.includes(id)) this.ids.push(id)
  }

  get size(): number {
    let n = 0
    for (const count of this.reasons.values()) n += count
    return n
  }

  toJSON() {
    return { reasons: Object.fromEntries(this.reasons), ids: this.ids, count: this.size }
  }
}
