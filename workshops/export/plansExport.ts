import type { CardCatalog } from '../cards/catalog'
import { cardKinds } from '../cards/kinds'
import type { PlanActivity, Plans } from '../chain/plans'
import type { Lang } from '../lang'
import { kindTexts } from './kindText'
import type { Sheet } from './workbook'

export const PLANS_LABELS: Record<Lang, Record<'plans' | 'unnamed' | 'loose' | 'none' | 'noActivities' | 'followUp' | 'what', string>> = {
  sv: {
    plans: 'Planer för fortsatt arbete',
    unnamed: 'Organisation {n}',
    loose: 'Utan organisation',
    none: 'Inga organisationer eller aktiviteter på tavlan ännu.',
    noActivities: 'Inga aktiviteter ännu.',
    followUp: 'Uppföljning',
    what: 'Vad',
  },
  en: {
    plans: 'Plans for continued work',
    unnamed: 'Organisation {n}',
    loose: 'No organisation',
    none: 'No organisations or activities on the board yet.',
    noActivities: 'No activities yet.',
    followUp: 'Follow-up',
    what: 'What',
  },
}

/** An organisation's name as a heading or sheet name: its card's text, or "Organisation n". */
export function organisationName(name: string, n: number, lang: Lang): string {
  return name || PLANS_LABELS[lang].unnamed.replace('{n}', String(n))
}

/**
 * WS8's plans as a workbook: one sheet per organisation (what, who, when,
 * and the follow-up date above them), and one for activities no
 * organisation holds. An empty board gives one sheet saying so.
 */
export function plansSheets(plans: Plans, lang: Lang, catalog: CardCatalog = cardKinds()): Sheet[] {
  const l = PLANS_LABELS[lang]
  const k = kindTexts(catalog, lang)
  const header = [l.what, k.field('activity', 'who'), k.field('activity', 'when'), k.field('organisation', 'followUp')]
  const rowOf = (a: PlanActivity, followUp: string) => [a.what, a.who, a.when, followUp]
  const widths = [60, 30, 20, 14]
  const sheets: Sheet[] = plans.organisations.map((org, i) => ({
    name: organisationName(org.name, i + 1, lang),
    table: {
      header,
      // The follow-up date on every row, so it survives sorting and filtering; alone when there are no activities yet.
      rows: org.activities.length > 0 ? org.activities.map((a) => rowOf(a, org.followUp)) : org.followUp ? [['', '', '', org.followUp]] : [],
      widths,
    },
  }))
  if (plans.loose.length > 0) sheets.push({ name: l.loose, table: { header, rows: plans.loose.map((a) => rowOf(a, '')), widths } })
  if (sheets.length === 0) sheets.push({ name: l.plans, table: { header: [l.plans], rows: [[l.none]] } })
  return sheets
}
