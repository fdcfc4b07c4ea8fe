/**
 * Everything the board templates write on the board, in every language the
 * product speaks. Kept as data so wording can change without touching the
 * layout code.
 *
 * `{name}` is the persona's name and `{name's}` its possessive form
 * ("Annas" in Swedish, "Anna's" in English); `{n}` and `{title}` are filled in
 * by the step frames. The persona's own field values come from the persona
 * file and are not translated.
 */
import type { Lang, Localized } from '../lang'

export const PERSONA_TEXTS = {
  title: { sv: 'Persona: {name}', en: 'Persona: {name}' },
  age: { sv: 'Ålder', en: 'Age' },
  ageValue: { sv: '{age} år', en: '{age} years' },
  family: { sv: 'Familj', en: 'Family' },
  home: { sv: 'Boende', en: 'Home' },
  work: { sv: 'Arbete', en: 'Work' },
  interests: { sv: 'Intressen', en: 'Interests' },
  diagnosis: { sv: 'Diagnos', en: 'Diagnosis' },
  situation: { sv: 'Situation', en: 'Situation' },
} satisfies Record<string, Localized>

export const JOURNEY_PHASE_IDS = ['before', 'during', 'after'] as const
export type JourneyPhaseId = (typeof JOURNEY_PHASE_IDS)[number]

export const JOURNEY_TEXTS = {
  title: { sv: "{name's} resa", en: "{name's} journey" },
  phases: {
    before: { sv: 'FÖRE', en: 'BEFORE' },
    during: { sv: 'UNDER', en: 'DURING' },
    after: { sv: 'EFTER', en: 'AFTER' },
  } satisfies Record<JourneyPhaseId, Localized>,
  /** The chapter of the story told in each phase. */
  chapters: {
    before: { sv: '{name} på jobbet', en: '{name} at work' },
    during: { sv: "{name's} ständiga kamp och behov av stöd", en: "{name's} constant struggle and need for support" },
    after: { sv: "{name's} väg tillbaka", en: "{name's} way back" },
  } satisfies Record<JourneyPhaseId, Localized>,
  /** The durations along the journey's timeline, in order. */
  durations: [
    { sv: '1 dag', en: '1 day' },
    { sv: 'ca 1–2 mån', en: 'about 1–2 months' },
    { sv: 'ca 1–6 mån', en: 'about 1–6 months' },
    { sv: 'ca 6 mån–1 år', en: 'about 6 months–1 year' },
    { sv: 'ca 6 mån–3 år', en: 'about 6 months–3 years' },
    { sv: 'från 1 år', en: 'from 1 year' },
  ] satisfies Localized[],
}

export const TARGET_PICTURE_TEXTS = {
  paperName: { sv: 'VÄRMLANDS NYHETER', en: 'THE VÄRMLAND NEWS' },
  headline: {
    sv: 'Framgångsrikt samarbete sänker ohälsan',
    en: 'Successful cooperation brings ill-health down',
  },
  /** What managers say afterwards; participants rewrite them. */
  bubbles: [
    { sv: 'Jag kan och vågar se!', en: 'I can see it, and I dare to!' },
    { sv: 'Jag kan alltid vända mig till HR!', en: 'I can always turn to HR!' },
    { sv: 'Det började hos mig själv!', en: 'It started with me!' },
  ] satisfies Localized[],
  hint: {
    sv: 'Arbetet är klart och har lyckats. Vad säger cheferna efteråt? Skriv i pratbubblorna eller lägg lappar här.',
    en: 'The work is done and it worked. What do the managers say afterwards? Write in the speech bubbles or put notes here.',
  },
} satisfies Record<string, Localized | Localized[]>

export const CAUSE_EFFECT_AREA_IDS = [
  'organisation',
  'leadership',
  'individual',
  'structures',
  'personal-development',
  'knowledge',
  'skills',
  'behaviour',
  'mindfulness',
  'resources',
] as const
export type CauseEffectAreaId = (typeof CAUSE_EFFECT_AREA_IDS)[number]

export const CAUSE_EFFECT_AREAS: Record<CauseEffectAreaId, Localized> = {
  organisation: { sv: 'Organisation', en: 'Organisation' },
  leadership: { sv: 'Ledarskap', en: 'Leadership' },
  individual: { sv: 'Individ', en: 'Individual' },
  structures: { sv: 'Strukturer', en: 'Structures' },
  'personal-development': { sv: 'Personlig utveckling', en: 'Personal development' },
  knowledge: { sv: 'Kunskaper', en: 'Knowledge' },
  skills: { sv: 'Färdigheter', en: 'Skills' },
  behaviour: { sv: 'Beteende', en: 'Behaviour' },
  mindfulness: { sv: 'Mindfulness', en: 'Mindfulness' },
  resources: { sv: 'Resurser', en: 'Resources' },
}

export const RISK_FACTOR_TEXTS = {
  intro: {
    sv: 'Det här i arbetsmiljön hänger enligt forskningen ihop med depression och utmattningssyndrom:',
    en: 'In the work environment, research links these to depression and exhaustion disorder:',
  },
  factors: [
    { sv: 'Höga krav och låg kontroll', en: 'High demands and low control' },
    { sv: 'Mobbning och konflikter', en: 'Bullying and conflicts' },
    { sv: 'Bristande stöd', en: 'Lack of support' },
    { sv: 'Liten belöning i förhållande till insats', en: 'Little reward for the effort put in' },
    { sv: 'Osäkerhet i anställning', en: 'Insecure employment' },
    { sv: 'Balans mellan förmåga och krav', en: 'Balance between ability and demands' },
  ] satisfies Localized[],
}

export interface Inspiration {
  /** Kebab-case; part of the card's shape id, so it never changes. */
  id: string
  title: Localized
  description: Localized
}

/** Ideas from related programmes, for ideation (METHOD.md, "Inspirationskort"). */
export const INSPIRATIONS: Inspiration[] = [
  {
    id: 'preventive-sickness-benefit',
    title: { sv: 'Förebyggande sjukpenning (”Torsbymodellen”)', en: 'Preventive sickness benefit (“the Torsby model”)' },
    description: {
      sv: 'Arbetsgivaren och Försäkringskassan sätter tillsammans in förebyggande insatser, med förebyggande sjukpenning, innan medarbetaren blir sjukskriven.',
      en: 'The employer and the social insurance agency put preventive measures in place together, paid through preventive sickness benefit, before the employee goes on sick leave.',
    },
  },
  {
    id: 'kraftkartan',
    title: { sv: 'Kraftkartan för arbetsgrupper och chefer', en: 'Kraftkartan for teams and managers' },
    description: {
      sv: 'En metod där arbetsgruppen – eller chefsgruppen – arbetar systematiskt och tillsammans med sin egen arbetsmiljö.',
      en: 'A method in which a team – or a group of managers – works on its own work environment together and systematically.',
    },
  },
  {
    id: 'mindfulness',
    title: { sv: 'Mindfulness', en: 'Mindfulness' },
    description: {
      sv: 'Mindfulness som återkommande, förebyggande insats för att medarbetare ska må och känna sig bättre.',
      en: 'Mindfulness practised regularly as a preventive measure, so that employees feel and do better.',
    },
  },
  {
    id: 'sick-not-on-leave',
    title: { sv: 'Sjuk men inte sjukskriven', en: 'Ill but not on sick leave' },
    description: {
      sv: 'En medarbetare som är sjuk stannar kvar på arbetsplatsen – utan sjukskrivning eller med så låg grad som möjligt.',
      en: 'An employee who is ill stays at the workplace – without sick leave, or with as little as possible.',
    },
  },
  {
    id: 'everyday-structure',
    title: { sv: 'Struktur i vardagen', en: 'Structure in everyday work' },
    description: {
      sv: 'Verktyg för chefer och administrativ personal som behöver få bättre kontroll över sin arbetssituation.',
      en: 'Tools for managers and administrative staff who need more control over their own work situation.',
    },
  },
  {
    id: 'early-follow-up-meeting',
    title: { sv: 'Tidigt avstämningsmöte som chefen leder', en: 'An early follow-up meeting led by the manager' },
    description: {
      sv: 'Chefen samlar medarbetaren, vården och Försäkringskassan tidigt i sjukskrivningen. I ett projekt sjönk andelen heltidssjukskrivna från 46 % till 7 %, och 45 % kom helt tillbaka i arbete.',
      en: 'The manager brings the employee, health care and the social insurance agency together early in the sick leave. In one project, full-time sick leave fell from 46 % to 7 %, and 45 % fully returned to work.',
    },
  },
]

/**
 * The WS4–WS8 work areas: what each frame's heading line tells people, and
 * how its columns are laid out (a heading card at the top of each column,
 * its parts below).
 */
export const WORK_AREA_TEXTS = {
  'prototype-test': {
    sv: 'Lägg varje prototyp överst i en egen kolumn. Under den: frågorna vi vill ha svar på och chefernas återkoppling – Fungerar, Ändra eller Fråga – med vilken roll den kommer från, aldrig ett namn. Skriv på prototypkortet vad vi ändrar.',
    en: 'Put each prototype at the top of a column of its own. Below it: the questions we want answered and the managers\' feedback – Works, Change or Question – with the role it comes from, never a name. Write on the prototype card what we will change.',
  },
  'training-plan': {
    sv: 'Ett kort Tillfälle överst i varje kolumn, med dess längd. Blocken under sitt tillfälle i den ordning de kommer, med typ, tid, material och ansvarig. Koppla varje block till behoven och prototyperna det svarar mot. Tavlan visar när blocken tar längre tid än tillfället och vilka behov inget block svarar mot.',
    en: 'A Session card at the top of each column, with its length. The blocks below their session in the order they come, with type, time, material and who is responsible. Link each block to the needs and prototypes it answers. The board shows when the blocks take longer than the session and which needs no block answers.',
  },
  storyboard: {
    sv: 'Scenerna i ordning från vänster till höger, ett scenkort överst i varje kolumn: plats, vilka som är med och vad som händer. Under scenen: dess nyckelrepliker och det som ska spelas in.',
    en: 'The scenes in order from left to right, one scene card at the top of each column: place, who is in it and what happens. Below the scene: its key lines and what is to be recorded.',
  },
  'exercise-cards': {
    sv: 'Ett kort per övning: situationen, vad chefen, medarbetaren och observatören var för sig får veta, och frågorna att öva på – våga se, våga fråga. Korten skrivs ut ett per sida.',
    en: 'One card per exercise: the situation, what the manager, the employee and the observer are each told, and the questions to practise – daring to see, daring to ask. The cards print one per page.',
  },
  plans: {
    sv: 'Varje organisation har en kolumn: organisationskortet överst, med datum för uppföljningen om sex månader, och aktiviteterna under det – vad, vem och när.',
    en: 'Each organisation has a column: the organisation card at the top, with the date of the follow-up six months on, and its activities below it – what, who and when.',
  },
} satisfies Record<string, Localized>

export const STEP_TEXTS = {
  title: { sv: '{n}. {title}', en: '{n}. {title}' },
} satisfies Record<string, Localized>

/**
 * Fills `{key}` placeholders in a localized text. `{name's}` becomes the
 * possessive of `vars.name` in the text's language.
 */
export function fill(text: Localized, lang: Lang, vars: Record<string, string | number> = {}): string {
  return text[lang].replace(/\{([a-z]+)('s)?\}/gi, (whole, key: string, possessive: string | undefined) => {
    const value = vars[key]
    if (value === undefined) return whole
    return possessive ? possessiveOf(String(value), lang) : String(value)
  })
}

/** "Anna" → "Annas" (sv) / "Anna's" (en); Swedish adds nothing after s, x or z ("Lars", "Max"). */
export function possessiveOf(name: string, lang: Lang): string {
  if (lang === 'en') return /s$/i.test(name) ? `${name}'` : `${name}'s`
  return /[sxz]$/i.test(name) ? name : `${name}s`
}
