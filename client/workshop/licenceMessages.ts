import { defineMessages } from '../i18n/defineMessages'

/** What the page says when tldraw will not run the board on this server. */
export const licenceMessages = defineMessages(
  {
    'licence.heading': 'Tavlan kan inte visas på den här servern',
    'licence.headingExpired': 'Tavlans licens har gått ut på den här servern',
    'licence.body': 'Ritytan (tldraw) behöver en licensnyckel när Samverkstad körs på en egen webbadress, och den här servern har ingen som gäller. Översikten fungerar som vanligt: där kan du läsa, lägga till, ändra, koppla och rösta på kort, och allt du gör syns för alla.',
    'licence.forFacilitator': 'Be den som driftar servern att starta den med en licensnyckel för tldraw (TLDRAW_LICENSE_KEY, se avsnittet om licensnyckeln i README).',
    'licence.toOutline': 'Gå till översikten',
  },
  {
    'licence.heading': 'The board cannot be shown on this server',
    'licence.headingExpired': 'The board’s licence has expired on this server',
    'licence.body': 'The drawing area (tldraw) needs a licence key when Samverkstad runs at its own web address, and this server has no valid one. The outline works as usual: there you can read, add, edit, link and vote on cards, and everything you do is seen by everyone.',
    'licence.forFacilitator': 'Ask whoever runs the server to start it with a tldraw licence key (TLDRAW_LICENSE_KEY, see the licence key section of the README).',
    'licence.toOutline': 'Go to the outline',
  },
)
