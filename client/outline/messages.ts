import { defineMessages } from '../i18n/defineMessages'

/** Texts of the outline's theme moves, private cards and the quote import's column choice. */
export const outlineMessages = defineMessages(
  {
    'outline.moveToTheme': 'Flytta till tema',
    'outline.moveToThemeLabel': 'Flytta till tema: {text}',
    'outline.theme': 'Tema',
    'outline.move': 'Flytta',
    'outline.privateCard': 'Privat – syns bara för dig',
  },
  {
    'outline.moveToTheme': 'Move to theme',
    'outline.moveToThemeLabel': 'Move to theme: {text}',
    'outline.theme': 'Theme',
    'outline.move': 'Move',
    'outline.privateCard': 'Private – only you can see it',
  },
)
