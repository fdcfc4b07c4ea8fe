import { defineMessages } from '../i18n/defineMessages'

/** Texts of the outline's theme moves, private cards and the quote import's column choice. */
export const outlineMessages = defineMessages(
  {
    'outline.moveToTheme': 'Flytta till tema',
    'outline.moveToThemeLabel': 'Flytta till tema: {text}',
    'outline.theme': 'Tema',
    'outline.move': 'Flytta',
    'outline.privateCard': 'Privat – syns bara för dig',
    'outline.lockedHint': 'Du kan läsa allt men inte ändra något förrän processledaren låser upp.',
    'import.chooseHeading': 'Vilken kolumn är vad?',
    'import.chooseHelp': 'Texten har flera kolumner. Välj vilken som är citatet och vilken som säger vem som sa det. Respondenter blir R1, R2 … och namnen sparas inte.',
    'import.quoteColumn': 'Citatet',
    'import.respondentColumn': 'Respondenten',
    'import.noRespondent': 'Ingen kolumn med respondenter',
    'import.headerRow': 'Första raden är rubriker',
    'import.column': 'Kolumn {n}',
    'import.cancel': 'Avbryt',
    'import.doneRespondents': '{n} citatkort skapade. Respondenterna blev {names}; namnen sparades inte.',
  },
  {
    'outline.moveToTheme': 'Move to theme',
    'outline.moveToThemeLabel': 'Move to theme: {text}',
    'outline.theme': 'Theme',
    'outline.move': 'Move',
    'outline.privateCard': 'Private – only you can see it',
    'outline.lockedHint': 'You can read everything but change nothing until the facilitator unlocks it.',
    'import.chooseHeading': 'Which column is which?',
    'import.chooseHelp': 'The text has several columns. Choose which one is the quote and which one says who said it. Respondents become R1, R2 … and their names are not kept.',
    'import.quoteColumn': 'The quote',
    'import.respondentColumn': 'The respondent',
    'import.noRespondent': 'No column of respondents',
    'import.headerRow': 'The first row is headings',
    'import.column': 'Column {n}',
    'import.cancel': 'Cancel',
    'import.doneRespondents': '{n} quote cards created. The respondents became {names}; their names were not kept.',
  },
)
