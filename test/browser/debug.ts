import { startTestServer } from '../helpers/testServer'
import { launchBrowser, Person } from './helpers/browser'
const s = await startTestServer()
const b = await launchBrowser()
const w = await s.createWorkshop()
const p = await Person.create(b, 'X')
p.page.on('console', (m) => console.log('console', m.type(), m.text().slice(0, 300)))
await p.page.goto(w.participantUrl)
await p.page.getByLabel('Ditt namn').fill('X')
await p.page.getByRole('button', { name: 'Gå med' }).click()
await new Promise((r) => setTimeout(r, 6000))
console.log('errors', p.errors)
await p.page.screenshot({ path: '/tmp/debug.png' })
await b.close(); await s.close({ removeData: true })
