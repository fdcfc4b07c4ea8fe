import { evaluationActivity } from '../evaluation/activity'
import { privateWritingActivity } from '../privateWriting/activity'
import { VotePanel } from '../facilitation/VotePanel'
import type { ClientActivity } from './activity'
import { groupsActivity } from '../training/activity'

const voteActivity: ClientActivity = { id: 'vote', Panel: VotePanel }

/** Every facilitation activity of the page, in the sidebar's order. A new activity adds one entry. */
export const CLIENT_ACTIVITIES: readonly ClientActivity[] = [voteActivity, privateWritingActivity, evaluationActivity, groupsActivity]
