/**
 * npm run export -- <workshopId> <format> [--out <file>] [--lang sv|en]
 *
 * Writes one export of a workshop from the data directory (DATA_DIR, as the
 * server reads it) to stdout or a file. Safe to run beside the running server:
 * it only reads the board, with every edit the server has accepted.
 */
import { existsSync, writeFileSync } from 'node:fs'
import { dirname, join, resolve } from 'node:path'
import { fileURLToPath } from 'node:url'
import { isLang, type Lang } from '../../workshops/lang'
import { workshopFactsFor } from '../app'
import { configFromEnv } from '../config'
import { BoardImageStore } from '../export/boardImages'
import { MediaStore } from '../media/mediaStore'
import { EXPORT_FORMATS, isExportFormat, WorkshopExporter } from '../export/exportWorkshop'
import { ImportedFactsStore, withImportedFacts } from '../export/importedFacts'
import { installCardKinds } from '../../workshops/cards/kinds'
import { loadMethods } from '../methods/loadMethods'
import { openDatabase } from '../store/database'
import { DocStore } from '../store/docStore'
import { WorkshopStore } from '../store/workshopStore'

const USAGE = `usage: npm run export -- <workshopId> <format> [--out <file>] [--lang sv|en]
formats: ${Object.keys(EXPORT_FORMATS).join(', ')}
reads the data directory in DATA_DIR (default ./data)`

class CliError extends Error {}

interface Args {
  workshopId: string
  format: string
  out: string | null
  lang: Lang
}

function parseArgs(argv: string[]): Args {
  const positional: string[] = []
  let out: string | null = null
  let lang: Lang = 'sv'
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i]
    if (arg === '--out' || arg === '-o') {
      out = argv[++i] ?? null
      if (!out) throw new CliError('--out needs a file name')
    } else if (arg.startsWith('--out=')) out = arg.slice(6)
    else if (arg === '--lang' || arg.startsWith('--lang=')) {
      const value = arg === '--lang' ? argv[++i] : arg.slice(7)
      if (!isLang(value)) throw new CliError('--lang must be sv or en')
      lang = value
    } else if (arg === '--help' || arg === '-h') throw new CliError(USAGE)
    else if (arg.startsWith('-')) throw new CliError(`unknown option ${arg}\n${USAGE}`)
    else positional.push(arg)
  }
  if (positional.length !== 2) throw new CliError(USAGE)
  return { workshopId: positional[0], format: positional[1], out, lang }
}

async function main(argv: string[]): Promise<void> {
  const args = parseArgs(argv)
  if (!isExportFormat(args.format)) {
    throw new CliError(`unknown format "${args.format}"; formats: ${Object.keys(EXPORT_FORMATS).join(', ')}`)
  }
  const config = configFromEnv(process.env, resolve(dirname(fileURLToPath(import.meta.url)), '../..'))
  if (!existsSync(join(config.dataDir, 'samverkstad.sqlite'))) {
    throw new CliError(`no Samverkstad data in ${config.dataDir} (set DATA_DIR to the server's data directory)`)
  }
  const db = openDatabase(config.dataDir)
  try {
    const workshop = new WorkshopStore(db).get(args.workshopId)
    if (!workshop) throw new CliError(`unknown workshop "${args.workshopId}" in ${config.dataDir}`)
    const methods = loadMethods({
      builtinDir: resolve(config.rootDir, 'workshops/definitions'),
      builtinPersonaDir: resolve(config.rootDir, 'workshops/personas'),
      extraDir: config.workshopsDir ?? undefined,
    })
    installCardKinds(methods.cardKinds())
    // Reads only: a board from an older version is read as it is stored (the server upgrades it when it loads it).
    const docs = new DocStore(db)
    const exporter = new WorkshopExporter({
      docs,
      methods,
      facts: withImportedFacts(workshopFactsFor({ db, docs, methods, config }), new ImportedFactsStore(db)),
      images: new BoardImageStore(db),
      media: new MediaStore(join(config.dataDir, 'media'), { limits: config.mediaLimits }),
      timeZone: config.timeZone,
    })
    const file = await exporter.export(workshop, args.format, args.lang)
    if (args.out) {
      writeFileSync(args.out, file.body)
      process.stderr.write(`wrote ${args.out} (${file.body.length} bytes)\n`)
    } else {
      await new Promise<void>((ok, fail) => process.stdout.write(file.body, (error) => (error ? fail(error) : ok())))
    }
  } finally {
    db.close()
  }
}

main(process.argv.slice(2)).catch((error: unknown) => {
  process.stderr.write(`export: ${error instanceof CliError ? error.message : (error as Error).stack ?? String(error)}\n`)
  process.exitCode = 1
})
