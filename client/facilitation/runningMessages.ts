import { defineMessages } from '../i18n/defineMessages'

/** Running a workshop: the step's time on the timer, a vote that covers nothing. */
export const runningMessages = defineMessages(
  {
    'timer.minutes': 'Minuter',
    'timer.startStep': 'Starta stegets tid ({n} min)',
    'timer.stepOffer': 'Nytt steg: {n} min enligt planen.',
    'vote.noCards': 'Omröstningen omfattar inga kort',
    'vote.noCardsHint': 'Det finns inga kort av den typen här. Välj en annan korttyp, eller rösta på hela tavlan.',
    'vote.covers': 'Omröstningen omfattar {n} kort.',
  },
  {
    'timer.minutes': 'Minutes',
    'timer.startStep': "Start the step's time ({n} min)",
    'timer.stepOffer': 'New step: {n} min as planned.',
    'vote.noCards': 'The vote covers no cards',
    'vote.noCardsHint': 'There are no cards of that kind here. Choose another kind, or vote on the whole board.',
    'vote.covers': 'The vote covers {n} {n|card|cards}.',
  },
)
