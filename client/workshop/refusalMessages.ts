import { defineMessages } from '../i18n/defineMessages'

/** What a person is told when the server took back one of their edits (reasons in workshops/rules/refusals.ts). */
export const refusalMessages = defineMessages(
  {
    'refused.heading': 'Ändringen sparades inte',
    'refused.invalid-record': 'Det du lade till går inte att spara på tavlan.',
    'refused.record-too-large': 'Det är för stort för att sparas på tavlan.',
    'refused.board-full': 'Tavlan är full. Ta bort något innan du lägger till mer.',
    'refused.board-locked': 'Tavlan är låst av processledaren.',
    'refused.locked': 'Det här är låst av processledaren.',
    'refused.lock-change': 'Bara processledaren kan låsa och låsa upp.',
    'refused.pinned': 'Mallen är fastnålad: bara processledaren kan flytta, ändra storlek på eller ta bort den.',
    'refused.structure': 'Bara processledaren kan ändra tavlans sidor.',
    'refused.private-cards-only': 'I privat skrivande går det bara att skriva kort.',
    'refused.server-only': 'Det här kan bara processledaren eller servern ändra.',
    'refused.message-too-large': 'Ändringen var för stor för servern att ta emot.',
    'refused.kept': 'Allt annat du gjort finns kvar.',
    'refused.dismiss': 'Stäng',
    'refused.tooMany': 'Servern tog emot för många ändringar den inte kunde spara och kopplade ner. Ladda om sidan för att fortsätta.',
  },
  {
    'refused.heading': 'Your change was not saved',
    'refused.invalid-record': 'What you added cannot be saved on the board.',
    'refused.record-too-large': 'It is too large to be saved on the board.',
    'refused.board-full': 'The board is full. Remove something before adding more.',
    'refused.board-locked': 'The facilitator has locked the board.',
    'refused.locked': 'This is locked by the facilitator.',
    'refused.lock-change': 'Only the facilitator can lock and unlock.',
    'refused.pinned': 'The template is pinned: only the facilitator can move, resize or delete it.',
    'refused.structure': "Only the facilitator can change the board's pages.",
    'refused.private-cards-only': 'During private writing you can only write cards.',
    'refused.server-only': 'Only the facilitator or the server can change this.',
    'refused.message-too-large': 'The change was too large for the server to take.',
    'refused.kept': 'Everything else you did is kept.',
    'refused.dismiss': 'Close',
    'refused.tooMany': 'The server received too many changes it could not save and disconnected. Reload the page to go on.',
  },
)
