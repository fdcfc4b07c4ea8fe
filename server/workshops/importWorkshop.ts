import { Worker } from 'node:worker_threads'
import type { SrcRewrite } from '../../workshops/media/mediaSrcs'
import type { DocLimits } from '../../workshops/rules/limits'
import type { ImportedFactsStore } from '../export/importedFacts'
import { HttpError } from '../http/respond'
import type { MethodRegistry } from '../methods/loadMethods'
import type { WorkshopSettings } from '../store/workshopStore'
import type { PreparedImport } from './prepareImport'
import { TITLE_MAX, type CreatedWorkshop, type WorkshopFactory } from './workshopFactory'

/** Heap one import may use; a file past it is refused (413), the server goes on. */
const WORKER_HEAP_MB = 512
const WORKER_TIMEOUT_MS = 120_000
/** Imports run one at a time (each may use a core for a second or two); this many more may wait. */
const MAX_WAITING = 4

type WorkerAnswer = { ok: true; prepared: PreparedImport } | { ok: false; status: number; message: string }

/**
 * The worker script: importWorker.js beside the built server (dist/server),
 * or, run from source, importWorker.ts loaded through tsx.
 */
function startWorker(workerData: unknown): Worker {
  const options = { workerData, resourceLimits: { maxOldGenerationSizeMb: WORKER_HEAP_MB } }
  if (!import.meta.url.endsWith('.ts')) return new Worker(new URL('./importWorker.js', import.meta.url), options)
  const target = JSON.stringify(new URL('./importWorker.ts', import.meta.url).href)
  return new Worker(`import('tsx/esm/api').then((tsx) => tsx.tsImport(${target}, ${target}))`, { ...options, eval: true })
}

/**
 * Creates a new workshop from a workshop file, through the workshop factory
 * as every new workshop: new id, new keys, the file's board, settings, votes
 * and agenda. The file is read and its board built in a worker thread,
 * linear in its size and bounded in memory; a file over the board limits is
 * refused before anything is built. The factory stores the board in pieces
 * of about half a MB, letting the rooms run between them, and the workshop
 * row last: until then nothing can open the board, and a bad file creates
 * nothing.
 */
export class WorkshopImporter {
  private queue: Promise<unknown> = Promise.resolve()
  private waiting = 0

  constructor(
    private readonly factory: WorkshopFactory,
    private readonly methods: MethodRegistry,
    private readonly imported: ImportedFactsStore,
    private readonly limits: DocLimits,
  ) {}

  /**
   * `options.id`: the new workshop's id, when its media were stored under it
   * first; `options.media`: where the board's media srcs point now (applied
   * while the board is built, in the worker).
   */
  async import(body: Uint8Array, options: { id?: string; media?: SrcRewrite } = {}): Promise<CreatedWorkshop> {
    const prepared = await this.prepare(body, options.media)
    if (!this.methods.get(prepared.method)) {
      throw new HttpError(400, `cannot import the workshop file: its method "${prepared.method}" is not on this server (add its definition file first)`)
    }
    if (prepared.title.length > TITLE_MAX) throw new HttpError(400, `cannot import the workshop file: title longer than ${TITLE_MAX} characters`)
    const input = { method: prepared.method, title: prepared.title, settings: prepared.settings as WorkshopSettings }
    return this.factory.fromPieces(input, prepared.boardUpdates, (id) => this.imported.put(id, { votes: prepared.votes, agendaAsRun: prepared.agendaAsRun }), { id: options.id })
  }

  /** Runs prepareImport in a worker, one import at a time. */
  private prepare(body: Uint8Array, media?: SrcRewrite): Promise<PreparedImport> {
    if (this.waiting >= MAX_WAITING) throw new HttpError(503, 'other imports are running; try again in a minute', { 'retry-after': '30' })
    this.waiting++
    const run = this.queue.then(() => this.inWorker(body, media))
    this.queue = run.catch(() => undefined)
    return run.finally(() => this.waiting--)
  }

  private inWorker(body: Uint8Array, media?: SrcRewrite): Promise<PreparedImport> {
    return new Promise((ok, fail) => {
      // The worker is a process of its own as far as modules go: it gets this server's card kinds to judge cards with.
      const worker = startWorker({ body, limits: this.limits, media, cardKinds: this.methods.cardKinds() })
      let settled = false
      const settle = (fn: () => void) => {
        if (settled) return
        settled = true
        clearTimeout(timer)
        void worker.terminate()
        fn()
      }
      const timer = setTimeout(() => settle(() => fail(new HttpError(413, 'the workshop file took too long to import'))), WORKER_TIMEOUT_MS)
      worker.once('message', (answer: WorkerAnswer) =>
        settle(() => {
          if (answer.ok) return ok(answer.prepared)
          if (answer.status === 500) return fail(new Error(`import worker failed: ${answer.message}`))
          fail(new HttpError(answer.status, answer.message))
        }),
      )
      worker.once('error', (error: Error & { code?: string }) =>
        settle(() =>
          fail(
            error.code === 'ERR_WORKER_OUT_OF_MEMORY'
              ? new HttpError(413, `the workshop file needs more than ${WORKER_HEAP_MB} MB to import`)
              : error,
          ),
        ),
      )
      worker.once('exit', (code) => settle(() => fail(new Error(`import worker exited (${code}) without an answer`))))
    })
  }
}
