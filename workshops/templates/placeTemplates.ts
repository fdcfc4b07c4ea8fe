/**
 * The shapes a new workshop starts with: one titled frame per board template
 * of its definition, in a row, and below them one frame per agenda step,
 * where that step's cards go.
 *
 * Locking. tldraw's lock is inherited: a shape inside a locked frame cannot be
 * moved, edited or deleted, and a locked frame accepts no new children. So
 * only shapes with nothing participants touch inside them are locked: the
 * persona and risk-factor frames with their content, and every label, rule and
 * timeline. Frames that hold or receive participants' work (journey phases,
 * cause-and-effect areas, the Målbild page, the inspiration deck, the step
 * frames) stay unlocked; the structural ones among them carry
 * `meta.pinned: true` so the client can keep participants from moving,
 * resizing or deleting them.
 *
 * Pure: no Node or DOM API. Ids are derived from template and step ids (see
 * templateFrameId, stepFrameId), so the same definition always gives the same
 * records.
 */
import { createShapeId, type TLParentId, type TLRecord, type TLShape, type TLShapeId } from '@tldraw/tlschema'
import { BOARD_PAGE_ID } from '../doc/initialRecords'
import type { Lang } from '../lang'
import type { Persona, WorkshopDefinition } from '../method/types'
import { TEMPLATE_LABELS, type TemplateId } from '../method/templates'
import { CARD_GAP, cardGridFrameSize, PAIR_FRAME_SIZE, PAIR_GAP, STEP_FRAME_SIZE } from './grid'
import {
  arrowShape,
  cardHeight,
  cardShape,
  frameShape,
  geoShape,
  indexCounter,
  textHeight,
  textShape,
  type IndexKey,
} from './shapes'
import {
  CAUSE_EFFECT_AREA_IDS,
  CAUSE_EFFECT_AREAS,
  fill,
  INSPIRATIONS,
  JOURNEY_PHASE_IDS,
  JOURNEY_TEXTS,
  PERSONA_TEXTS,
  RISK_FACTOR_TEXTS,
  STEP_TEXTS,
  TARGET_PICTURE_TEXTS,
  WORK_AREA_TEXTS,
} from './templateTexts'

export interface PlaceTemplatesOptions {
  persona: Persona
  lang: Lang
}

/** Padding inside a frame around its content. */
const PAD = 40
/** Room above a child frame for its name, which tldraw draws above the frame. */
const HEADING = 40
/** Between top-level frames in a row (their names sit above them too). */
const FRAME_GAP = 160
/** Between the template row and the step row. */
const ROW_GAP = 240

export function templateFrameId(template: TemplateId): TLShapeId {
  return createShapeId(`tpl-${template}`)
}

/** A shape inside a template's frame, e.g. templatePartId('journey', 'phase-before'). */
export function templatePartId(template: TemplateId, part: string): TLShapeId {
  return createShapeId(`tpl-${template}-${part}`)
}

export function stepFrameId(stepId: string): TLShapeId {
  return createShapeId(`step-${stepId}`)
}

/**
 * The frame where a step's work happens: its own step frame, or the
 * template's or other step's frame its definition names (`frame`). Agenda
 * moves, votes in the step's frame, the reveal and cards added from the
 * outline all go there.
 */
export function frameOfStep(definition: Pick<WorkshopDefinition, 'steps'> | null | undefined, stepId: string): TLShapeId {
  const frame = definition?.steps.find((s) => s.id === stepId)?.frame
  if (frame && 'template' in frame) return templateFrameId(frame.template)
  if (frame && 'step' in frame) return stepFrameId(frame.step)
  return stepFrameId(stepId)
}

/** What a template builder hands back: its frame's size and lock, and the shapes inside it. */
interface TemplateContent {
  w: number
  h: number
  isLocked: boolean
  pinned: boolean
  name: string
  children: TLShape[]
}

interface BuildContext {
  lang: Lang
  persona: Persona
  frameId: TLShapeId
  part: (name: string) => TLShapeId
}

export function placeTemplates(definition: WorkshopDefinition, opts: PlaceTemplatesOptions): TLRecord[] {
  const { lang, persona } = opts
  const records: TLShape[] = []
  const pageIndex = indexCounter()

  let x = 0
  let rowHeight = 0
  const seen = new Set<TemplateId>()
  for (const template of definition.templates) {
    if (seen.has(template)) continue
    seen.add(template)
    const frameId = templateFrameId(template)
    const content = BUILDERS[template]({ lang, persona, frameId, part: (name) => templatePartId(template, name) })
    records.push(
      frameShape(
        {
          id: frameId,
          parentId: BOARD_PAGE_ID,
          index: pageIndex(),
          x,
          y: 0,
          isLocked: content.isLocked,
          meta: content.pinned ? { template, pinned: true } : { template },
        },
        { w: content.w, h: content.h, name: content.name },
      ),
      ...content.children,
    )
    x += content.w + FRAME_GAP
    rowHeight = Math.max(rowHeight, content.h)
  }

  const stepsY = seen.size > 0 ? rowHeight + ROW_GAP : 0
  // A step that works in a template's or another step's frame has none of its own.
  const own = definition.steps.filter((step) => !step.frame)
  // A step that pairs with another has its frame right after that one's.
  const row = own.filter((step) => !step.pairsWith || !own.some((s) => s.id === step.pairsWith))
  for (const step of own) {
    if (!step.pairsWith) continue
    const at = row.findIndex((s) => s.id === step.pairsWith)
    if (at >= 0) row.splice(at + 1, 0, step)
  }
  const paired = new Set(own.flatMap((step) => (step.pairsWith ? [step.id, step.pairsWith] : [])))
  let stepX = 0
  row.forEach((step, at) => {
    const size = paired.has(step.id) ? PAIR_FRAME_SIZE : STEP_FRAME_SIZE
    records.push(
      frameShape(
        {
          id: stepFrameId(step.id),
          parentId: BOARD_PAGE_ID,
          index: pageIndex(),
          x: stepX,
          y: stepsY,
          isLocked: false,
          meta: { stepId: step.id },
        },
        { ...size, name: fill(STEP_TEXTS.title, lang, { n: definition.steps.indexOf(step) + 1, title: step.title[lang] }) },
      ),
    )
    const next = row[at + 1]
    stepX += size.w + (next?.pairsWith === step.id ? PAIR_GAP : FRAME_GAP)
  })

  return records
}

const BUILDERS: Record<TemplateId, (ctx: BuildContext) => TemplateContent> = {
  persona: buildPersona,
  journey: buildJourney,
  'target-picture': buildTargetPicture,
  'cause-effect': buildCauseEffect,
  'risk-factors': buildRiskFactors,
  inspiration: buildInspiration,
  'prototype-test': workArea('prototype-test', { columns: 4, rows: 6, cell: { w: 200, h: 140 } }),
  'training-plan': workArea('training-plan', { columns: 4, rows: 6, cell: { w: 240, h: 180 } }),
  storyboard: workArea('storyboard', { columns: 6, rows: 5, cell: { w: 240, h: 180 } }),
  'exercise-cards': workArea('exercise-cards', { columns: 3, rows: 2, cell: { w: 280, h: 220 } }),
  plans: workArea('plans', { columns: 4, rows: 6, cell: { w: 200, h: 140 } }),
}

/** Placement of a child of `parentId`. */
function child(
  id: TLShapeId,
  parentId: TLParentId,
  index: IndexKey,
  x: number,
  y: number,
  isLocked: boolean,
  meta: TLShape['meta'],
) {
  return { id, parentId, index, x, y, isLocked, meta }
}

// ---------------------------------------------------------------------------

function buildPersona({ lang, persona, frameId, part }: BuildContext): TemplateContent {
  const t = PERSONA_TEXTS
  const fields: Array<[keyof typeof t & keyof Persona, string]> = [
    ['age', fill(t.ageValue, lang, { age: persona.age })],
    ['family', persona.family],
    ['home', persona.home],
    ['work', persona.work],
    ['interests', persona.interests],
    ['diagnosis', persona.diagnosis],
  ]
  const colW = 320
  const fullW = 2 * colW + CARD_GAP
  const next = indexCounter()
  const children: TLShape[] = []
  const card = (field: string, text: string, x: number, y: number, w: number, h: number) =>
    cardShape(child(part(field), frameId, next(), x, y, true, { template: 'persona', field }), {
      kind: 'note',
      text,
      w,
      h,
    })

  let y = PAD
  for (let i = 0; i < fields.length; i += 2) {
    const row = fields.slice(i, i + 2).map(([field, value]) => ({ field, text: `${t[field][lang]}: ${value}` }))
    const h = Math.max(...row.map((c) => cardHeight(c.text, colW)))
    row.forEach((c, col) => children.push(card(c.field, c.text, PAD + col * (colW + CARD_GAP), y, colW, h)))
    y += h + CARD_GAP
  }
  const situation = `${t.situation[lang]}: ${persona.situation}`
  const situationH = cardHeight(situation, fullW)
  children.push(card('situation', situation, PAD, y, fullW, situationH))
  y += situationH

  return {
    w: 2 * PAD + fullW,
    h: y + PAD,
    isLocked: true,
    pinned: false,
    name: fill(t.title, lang, { name: persona.name }),
    children,
  }
}

function buildJourney({ lang, persona, frameId, part }: BuildContext): TemplateContent {
  const t = JOURNEY_TEXTS
  const vars = { name: persona.name }
  const phaseW = cardGridFrameSize(2, 2).w // two cards side by side
  const w = 2 * PAD + 3 * phaseW + 2 * CARD_GAP
  const next = indexCounter()
  const children: TLShape[] = []

  // The timeline across the top, with the durations spread evenly along it.
  const lineW = w - 2 * PAD
  children.push(arrowShape(child(part('timeline'), frameId, next(), PAD, PAD, true, { template: 'journey' }), lineW))
  const slotW = Math.floor(lineW / t.durations.length)
  const durationTexts = t.durations.map((d) => d[lang])
  const durationsY = PAD + 20
  durationTexts.forEach((text, i) =>
    children.push(
      textShape(
        child(part(`duration-${i + 1}`), frameId, next(), PAD + i * slotW + 5, durationsY, true, {
          template: 'journey',
        }),
        slotW - 10,
        text,
        { size: 's', align: 'middle', color: 'grey' },
      ),
    ),
  )
  const durationsH = Math.max(...durationTexts.map((text) => textHeight(text, slotW - 10, 's')))

  // Three phase columns; each starts with its chapter and leaves room for three rows of cards.
  const chapterW = phaseW - 2 * CARD_GAP
  const chapters = JOURNEY_PHASE_IDS.map((phase) => fill(t.chapters[phase], lang, vars))
  const chapterH = Math.max(...chapters.map((text) => textHeight(text, chapterW, 'm')))
  const roomH = cardGridFrameSize(6, 2).h
  const phaseH = CARD_GAP + chapterH + roomH
  const phasesY = durationsY + durationsH + HEADING
  JOURNEY_PHASE_IDS.forEach((phase, i) => {
    const phaseId = part(`phase-${phase}`)
    children.push(
      frameShape(
        child(phaseId, frameId, next(), PAD + i * (phaseW + CARD_GAP), phasesY, false, {
          template: 'journey',
          phase,
          pinned: true,
        }),
        { w: phaseW, h: phaseH, name: t.phases[phase][lang] },
      ),
      textShape(
        child(part(`chapter-${phase}`), phaseId, 'a1' as IndexKey, CARD_GAP, CARD_GAP, true, {
          template: 'journey',
          phase,
        }),
        chapterW,
        chapters[i],
        { size: 'm' },
      ),
    )
  })

  return {
    w,
    h: phasesY + phaseH + PAD,
    isLocked: false,
    pinned: true,
    name: fill(t.title, lang, vars),
    children,
  }
}

function buildTargetPicture({ lang, frameId, part }: BuildContext): TemplateContent {
  const t = TARGET_PICTURE_TEXTS
  const bubbleW = 240
  const bubbleH = 150
  const contentW = 3 * bubbleW + 2 * CARD_GAP
  const w = 2 * PAD + contentW
  const next = indexCounter()
  const meta = (name: string) => ({ template: 'target-picture', part: name })
  const children: TLShape[] = []

  let y = PAD
  const paper = t.paperName[lang]
  children.push(
    textShape(child(part('paper'), frameId, next(), PAD, y, true, meta('paper')), contentW, paper, {
      size: 'xl',
      font: 'serif',
      align: 'middle',
    }),
  )
  y += textHeight(paper, contentW, 'xl') + 8
  children.push(geoShape(child(part('rule'), frameId, next(), PAD, y, true, meta('rule')), contentW, 4, '', { fill: 'solid' }))
  y += 4 + 24

  // The headline is an example; participants may write their own.
  const headline = t.headline[lang]
  const headlineH = textHeight(headline, contentW, 'l')
  children.push(
    textShape(child(part('headline'), frameId, next(), PAD, y, false, meta('headline')), contentW, headline, {
      size: 'l',
      font: 'serif',
    }),
  )
  y += headlineH + 24

  t.bubbles.forEach((bubble, i) =>
    children.push(
      geoShape(
        child(part(`bubble-${i + 1}`), frameId, next(), PAD + i * (bubbleW + CARD_GAP), y, false, meta('bubble')),
        bubbleW,
        bubbleH,
        bubble[lang],
        { geo: 'ellipse', fill: 'solid', color: 'light-blue', size: 'm' },
      ),
    ),
  )
  y += bubbleH + 24

  const hint = t.hint[lang]
  children.push(
    textShape(child(part('hint'), frameId, next(), PAD, y, true, meta('hint')), contentW, hint, { color: 'grey' }),
  )
  y += textHeight(hint, contentW, 's')
  y += cardGridFrameSize(6, 3).h // room for two rows of notes

  return {
    w,
    h: y + PAD,
    isLocked: false,
    pinned: true,
    name: TEMPLATE_LABELS['target-picture'][lang],
    children,
  }
}

function buildCauseEffect({ lang, frameId, part }: BuildContext): TemplateContent {
  const columns = 5
  const zone = cardGridFrameSize(4, 2) // room for two rows of two cards
  const next = indexCounter()
  const children = CAUSE_EFFECT_AREA_IDS.map((area, i) => {
    const col = i % columns
    const row = Math.floor(i / columns)
    return frameShape(
      child(
        part(area),
        frameId,
        next(),
        PAD + col * (zone.w + CARD_GAP),
        PAD + HEADING + row * (zone.h + HEADING + CARD_GAP),
        false,
        { template: 'cause-effect', zone: area, pinned: true },
      ),
      { w: zone.w, h: zone.h, name: CAUSE_EFFECT_AREAS[area][lang] },
    )
  })
  const rows = Math.ceil(CAUSE_EFFECT_AREA_IDS.length / columns)
  return {
    w: 2 * PAD + columns * zone.w + (columns - 1) * CARD_GAP,
    h: PAD + rows * (HEADING + zone.h) + (rows - 1) * CARD_GAP + PAD,
    isLocked: false,
    pinned: true,
    name: TEMPLATE_LABELS['cause-effect'][lang],
    children,
  }
}

function buildRiskFactors({ lang, frameId, part }: BuildContext): TemplateContent {
  const t = RISK_FACTOR_TEXTS
  const cardW = 420
  const text = [t.intro[lang], ...t.factors.map((f) => `• ${f[lang]}`)].join('\n')
  const h = cardHeight(text, cardW)
  return {
    w: 2 * PAD + cardW,
    h: 2 * PAD + h,
    isLocked: true,
    pinned: false,
    name: TEMPLATE_LABELS['risk-factors'][lang],
    children: [
      cardShape(child(part('card'), frameId, 'a1' as IndexKey, PAD, PAD, true, { template: 'risk-factors' }), {
        kind: 'note',
        text,
        w: cardW,
        h,
      }),
    ],
  }
}

function buildInspiration({ lang, frameId, part }: BuildContext): TemplateContent {
  const columns = 3
  const cardW = 280
  const next = indexCounter()
  const texts = INSPIRATIONS.map((item) => ({ id: item.id, text: `${item.title[lang]}\n${item.description[lang]}` }))
  const children: TLShape[] = []
  let y = PAD
  for (let i = 0; i < texts.length; i += columns) {
    const row = texts.slice(i, i + columns)
    const h = Math.max(...row.map((c) => cardHeight(c.text, cardW)))
    row.forEach((c, col) =>
      children.push(
        cardShape(
          child(part(c.id), frameId, next(), PAD + col * (cardW + CARD_GAP), y, false, {
            template: 'inspiration',
            inspiration: c.id,
          }),
          { kind: 'note', text: c.text, w: cardW, h },
        ),
      ),
    )
    y += h + CARD_GAP
  }
  return {
    w: 2 * PAD + columns * cardW + (columns - 1) * CARD_GAP,
    h: y - CARD_GAP + PAD,
    isLocked: false,
    pinned: true,
    name: TEMPLATE_LABELS.inspiration[lang],
    children,
  }
}

/** Between the columns of a work area: wider than between cards, so each column reads as one. */
const COLUMN_GAP = 60

/**
 * A WS4–WS8 work area: a frame with what to do written across its top and
 * room for `columns` columns of `rows` cards below (a heading card such as a
 * prototype, session, scene or organisation at the top of each, its parts
 * under it). Participants' work goes straight in, so the frame is pinned and
 * unlocked; only the text is locked.
 */
function workArea(template: keyof typeof WORK_AREA_TEXTS, layout: { columns: number; rows: number; cell: { w: number; h: number } }) {
  return ({ lang, frameId, part }: BuildContext): TemplateContent => {
    const contentW = layout.columns * layout.cell.w + (layout.columns - 1) * COLUMN_GAP
    const hint = WORK_AREA_TEXTS[template][lang]
    const hintH = textHeight(hint, contentW, 's')
    const roomH = layout.rows * layout.cell.h + (layout.rows - 1) * CARD_GAP
    return {
      w: 2 * PAD + contentW,
      h: PAD + hintH + CARD_GAP + roomH + PAD,
      isLocked: false,
      pinned: true,
      name: TEMPLATE_LABELS[template][lang],
      children: [textShape(child(part('hint'), frameId, 'a1' as IndexKey, PAD, PAD, true, { template }), contentW, hint, { color: 'grey' })],
    }
  }
}
