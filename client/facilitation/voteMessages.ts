import { defineMessages } from '../i18n/defineMessages'

/** How far a vote has come, for the facilitator. */
export const voteMessages = defineMessages(
  {
    'vote.progress': '{n} av {of} har röstat',
  },
  {
    'vote.progress': '{n} of {of} have voted',
  },
)
