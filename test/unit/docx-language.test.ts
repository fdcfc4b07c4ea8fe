import JSZip from 'jszip'
import { test } from 'uvu'
import * as assert from 'uvu/assert'
import { documentToDocx } from '../../server/export/documentDocx'
import { reportToDocx } from '../../server/export/reportDocx'
import { buildReport } from '../../workshops/export/report'
import { trainingPlanDocument } from '../../workshops/export/trainingPlanExport'
import type { WorkshopDefinition } from '../../workshops/method/types'

/** The language Word (and a screen reader reading the file) takes for the document's text, and whether headings keep their styles. */
async function languageOf(docx: Buffer): Promise<{ lang: string | null; headingStyles: boolean }> {
  const styles = await (await JSZip.loadAsync(docx)).file('word/styles.xml')!.async('string')
  const defaults = /<w:docDefaults>[\s\S]*?<\/w:docDefaults>/.exec(styles)?.[0] ?? ''
  return { lang: /<w:lang w:val="([^"]+)"/.exec(defaults)?.[1] ?? null, headingStyles: styles.includes('w:styleId="Heading1"') }
}

const definition = { id: 'ws2', title: { sv: 'Insikter', en: 'Insights' }, steps: [] } as unknown as WorkshopDefinition

test('the Word report says its language: Swedish for a Swedish export, English for an English one', async () => {
  for (const [lang, tag] of [['sv', 'sv-SE'], ['en', 'en-GB']] as const) {
    const report = buildReport({ lang, title: 'Rapport', methodId: 'ws2', definition, createdAt: 0, records: [], votes: {}, agendaAsRun: [] })
    assert.equal(await languageOf(await reportToDocx(report, [])), { lang: tag, headingStyles: true }, lang)
  }
})

test('the method documents (training plan, manuscript, exercise cards) say their language too', async () => {
  const doc = trainingPlanDocument({ sessions: [], unplaced: [], needsWithoutBlock: [] }, 'en', 'Training')
  assert.equal(await languageOf(await documentToDocx(doc, 'en')), { lang: 'en-GB', headingStyles: true })
})

test.run()
