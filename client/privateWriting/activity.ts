import type { ClientActivity } from '../activities/activity'
import { RevealPanel } from './RevealPanel'

/**
 * Private writing. What is on the seam: the reveal. Where new cards go
 * (the private document) stays in createBoardRecords and the board island,
 * which every way of adding a card passes through.
 */
export const privateWritingActivity: ClientActivity = { id: 'private-writing', Panel: RevealPanel }
