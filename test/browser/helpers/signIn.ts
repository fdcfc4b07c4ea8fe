import { randomBytes } from 'node:crypto'
import { addOrganiser, TEST_PASSWORD } from '../../helpers/organisers'
import type { TestServer } from '../../helpers/testServer'
import type { Person } from './browser'

/**
 * Makes an organiser account (a new e-mail unless given) and signs `person`
 * in with it on the start page, as an organiser would. Returns the e-mail.
 */
export async function signInAsOrganiser(person: Person, server: TestServer, email = `organisator-${randomBytes(4).toString('hex')}@kommun.se`): Promise<string> {
  await addOrganiser(server.app, email)
  const page = person.page
  await page.goto(server.url)
  await page.getByLabel('E-post').fill(email)
  await page.getByLabel('Lösenord').fill(TEST_PASSWORD)
  await page.getByRole('button', { name: 'Logga in' }).click()
  await page.getByText(`Inloggad som ${email}`).waitFor()
  return email
}
