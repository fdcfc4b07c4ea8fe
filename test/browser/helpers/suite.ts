import type { Browser } from 'playwright-core'
import type { Test } from 'uvu'
import { startTestServer, type TestServer } from '../../helpers/testServer'
import { launchBrowser, Person } from './browser'

export interface BrowserSuite {
  /** The real server this file's tests run against. */
  readonly server: TestServer
  /** A new person in their own browser context, closed after the test. */
  person(name: string): Promise<Person>
}

/** One server and one Chromium for a test file; everyone a test opens is closed after it. */
export function browserSuite(test: Test): BrowserSuite {
  let server: TestServer | undefined
  let browser: Browser | undefined
  const people: Person[] = []
  test.before(async () => {
    server = await startTestServer()
    browser = await launchBrowser()
  })
  test.after.each(async () => {
    for (const p of people.splice(0)) await p.close()
  })
  test.after(async () => {
    await browser?.close()
    await server?.close({ removeData: true })
  })
  return {
    get server() {
      if (!server) throw new Error('the suite has not started')
      return server
    },
    async person(name) {
      const p = await Person.create(browser!, name)
      people.push(p)
      return p
    },
  }
}
