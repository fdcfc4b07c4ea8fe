/**
 * Worker thread for one import (started by importWorkshop.ts): builds the
 * board from the file's bytes and posts it back, or the reason it cannot.
 */
import { parentPort, workerData } from 'node:worker_threads'
import type { CardKindDeclaration } from '../../workshops/cards/kindDeclaration'
import { installCardKinds } from '../../workshops/cards/kinds'
import type { SrcRewrite } from '../../workshops/media/mediaSrcs'
import type { DocLimits } from '../../workshops/rules/limits'
import { ImportRefused, prepareImport } from './prepareImport'

const { body, limits, media, cardKinds } = workerData as { body: Uint8Array; limits: DocLimits; media?: SrcRewrite; cardKinds: CardKindDeclaration[] }
try {
  installCardKinds(cardKinds)
  const prepared = prepareImport(body, limits, media)
  parentPort!.postMessage({ ok: true, prepared }, prepared.boardUpdates.map((u) => u.buffer as ArrayBuffer))
} catch (error) {
  if (error instanceof ImportRefused) parentPort!.postMessage({ ok: false, status: error.status, message: error.message })
  else parentPort!.postMessage({ ok: false, status: 500, message: (error as Error).stack ?? String(error) })
}
