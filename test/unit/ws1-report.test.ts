import JSZip from 'jszip'
import { test } from 'uvu'
import * as assert from 'uvu/assert'
import { reportToDocx } from '../../server/export/reportDocx'
import { buildReport, reportToMarkdown } from '../../workshops/export/report'
import { definition, ws1Board } from './helpers/programmeBoards'

const report = (lang: 'sv' | 'en' = 'sv') =>
  buildReport({ lang, title: 'Intervjuer hösten', methodId: 'ws1', definition: definition('ws1'), createdAt: Date.UTC(2027, 0, 10), records: ws1Board(), votes: {}, agendaAsRun: [] })

test('a WS1 report holds its themes with their quotes and needs, every need, and the quotes in no theme', () => {
  const r = report()
  assert.equal(r.themes, [
    { text: 'Ledarskap', quotes: ['Jag vet inte hur jag ska börja samtalet.', 'Chefen frågade aldrig hur jag mådde.'], needs: ['Stöd i svåra samtal'] },
    { text: 'Resurser', quotes: ['Jag känner frustration när det saknas vikarier.'], needs: ['Fler vikarier'] },
  ])
  assert.equal(r.needs, ['Stöd i svåra samtal', 'Fler vikarier'])
  assert.equal(r.unthemedQuotes, ['Ett citat utanför ramarna'])
  const md = reportToMarkdown(r)
  assert.match(md, /## Teman, citat och behov\n\n### Ledarskap\n\n> Jag vet inte hur jag ska börja samtalet\.\n\n> Chefen frågade aldrig hur jag mådde\.\n\n\*\*Behov:\*\*\n\n- Stöd i svåra samtal/)
  assert.match(md, /### Citat utan tema\n\n> Ett citat utanför ramarna/)
  assert.match(reportToMarkdown(report('en')), /## Themes, quotes and needs/)
})

test('the Word report has the same section', async () => {
  const docx = await reportToDocx(report(), [])
  const xml = await (await JSZip.loadAsync(docx)).file('word/document.xml')!.async('string')
  const text = xml.replace(/<[^>]+>/g, ' ').replace(/\s+/g, ' ')
  for (const expected of ['Teman, citat och behov', 'Ledarskap', 'Chefen frågade aldrig hur jag mådde.', 'Identifierade behov', 'Fler vikarier', 'Citat utan tema']) {
    assert.ok(text.includes(expected), expected)
  }
})

test.run()
