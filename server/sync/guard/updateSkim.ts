import * as decoding from 'lib0/decoding'

/**
 * A Yjs (v1) update read once without building anything: how many structs
 * and delete ranges it holds and which clocks it reaches. The server decides
 * from these counts, before Yjs touches the update, whether it is worth
 * applying at all; a crafted message of a million delete ranges costs this
 * read (tens of milliseconds), not seconds of Yjs work. Throws on malformed
 * input, as Yjs would.
 */
export interface UpdateShape {
  structs: number
  deleteRanges: number
  /** Highest clock + 1 the update's structs reach, per client. */
  reach: Map<number, number>
  /** Lowest clock the update's structs start at, per client. */
  starts: Map<number, number>
  /** Delete ranges per client, as [clock, len] pairs kept only for counting what lies beyond a state. */
  deletesBeyond(state: (client: number) => number): number
}

const BITS5 = 31
const BIT6 = 32
const BIT7 = 64
const BIT8 = 128

function skipContent(d: decoding.Decoder, ref: number): number {
  switch (ref) {
    case 1: // deleted
      return decoding.readVarUint(d)
    case 2: {
      // JSON
      const len = decoding.readVarUint(d)
      for (let i = 0; i < len; i++) decoding.readVarString(d)
      return len
    }
    case 3: // binary
      decoding.readVarUint8Array(d)
      return 1
    case 4: // string: its length in UTF-16 code units
      return decoding.readVarString(d).length
    case 5: // embed
      decoding.readVarString(d)
      return 1
    case 6: // format
      decoding.readVarString(d)
      decoding.readVarString(d)
      return 1
    case 7: {
      // type
      const typeRef = decoding.readVarUint(d)
      if (typeRef === 3 || typeRef === 5) decoding.readVarString(d)
      return 1
    }
    case 8: {
      // any
      const len = decoding.readVarUint(d)
      for (let i = 0; i < len; i++) decoding.readAny(d)
      return len
    }
    case 9: // subdocument
      decoding.readVarString(d)
      decoding.readAny(d)
      return 1
    default:
      throw new Error(`unknown content type ${ref}`)
  }
}

/** Past this many structs or delete ranges the skim stops reading and the message is refused. */
export interface SkimLimits {
  maxStructs: number
  /** Given the structs read so far (a delete set may cover each of them). */
  maxDeleteRanges: (structs: number) => number
}

/** Skips one varint without computing it. */
function skipVarUint(d: decoding.Decoder): void {
  const arr = d.arr
  let pos = d.pos
  for (;;) {
    if (pos >= arr.length) throw new Error('unexpected end of update')
    if (arr[pos++] < 0x80) break
  }
  d.pos = pos
}

/**
 * Reads the update's shape, stopping as soon as it holds more than the
 * limits allow: then null. A count in a header is read before what it
 * counts, so a message of a million delete ranges is refused after a few
 * bytes, and one split into many small groups after at most the allowed
 * number of ranges.
 */
export function skimUpdate(update: Uint8Array, limits: SkimLimits): UpdateShape | null {
  const d = decoding.createDecoder(update)
  let structs = 0
  const reach = new Map<number, number>()
  const starts = new Map<number, number>()
  const clients = decoding.readVarUint(d)
  for (let c = 0; c < clients; c++) {
    const count = decoding.readVarUint(d)
    if ((structs += count) > limits.maxStructs) return null
    const client = decoding.readVarUint(d)
    let clock = decoding.readVarUint(d)
    starts.set(client, Math.min(starts.get(client) ?? Infinity, clock))
    for (let i = 0; i < count; i++) {
      const info = decoding.readUint8(d)
      let length: number
      const ref = info & BITS5
      if (ref === 0 || ref === 10) {
        length = decoding.readVarUint(d) // GC or skip
      } else {
        const copiesParent = (info & (BIT7 | BIT8)) !== 0
        if (info & BIT8) (skipVarUint(d), skipVarUint(d))
        if (info & BIT7) (skipVarUint(d), skipVarUint(d))
        if (!copiesParent) {
          if (decoding.readVarUint(d) === 1) decoding.readVarString(d)
          else (skipVarUint(d), skipVarUint(d))
          if (info & BIT6) decoding.readVarString(d)
        }
        length = skipContent(d, ref)
      }
      clock += length
    }
    reach.set(client, Math.max(reach.get(client) ?? 0, clock))
  }
  // The delete set: per client, ranges of [clock, len].
  const dsStart = d.pos
  const maxRanges = limits.maxDeleteRanges(structs)
  let deleteRanges = 0
  const dsClients = decoding.readVarUint(d)
  for (let c = 0; c < dsClients; c++) {
    skipVarUint(d)
    const n = decoding.readVarUint(d)
    if ((deleteRanges += n) > maxRanges) return null
    for (let i = 0; i < 2 * n; i++) skipVarUint(d)
  }
  return {
    structs,
    deleteRanges,
    reach,
    starts,
    deletesBeyond(state) {
      const r = decoding.createDecoder(update)
      r.pos = dsStart
      let beyond = 0
      const n = decoding.readVarUint(r)
      for (let c = 0; c < n; c++) {
        const client = decoding.readVarUint(r)
        const known = state(client)
        const ranges = decoding.readVarUint(r)
        for (let i = 0; i < ranges; i++) {
          const clock = decoding.readVarUint(r)
          const len = decoding.readVarUint(r)
          if (clock + len > known) beyond++
        }
      }
      return beyond
    },
  }
}
