import { test } from 'uvu'
import * as assert from 'uvu/assert'
import { dictionaries } from '../../client/i18n/catalog'
import { fillMessage } from '../../client/i18n/fillMessage'

const say = (lang: 'sv' | 'en', key: 'vote.left' | 'outline.votes', n: number) => fillMessage(dictionaries[lang][key], { n })

test('dots left: one "prick", otherwise "prickar"; one "dot", otherwise "dots"', () => {
  assert.is(say('sv', 'vote.left', 1), 'Du har 1 prick kvar.')
  assert.is(say('sv', 'vote.left', 0), 'Du har 0 prickar kvar.')
  assert.is(say('sv', 'vote.left', 3), 'Du har 3 prickar kvar.')
  assert.is(say('en', 'vote.left', 1), 'You have 1 dot left.')
  assert.is(say('en', 'vote.left', 2), 'You have 2 dots left.')
  assert.is(say('sv', 'outline.votes', 1), '1 röst')
  assert.is(say('en', 'outline.votes', 5), '5 votes')
})

test('placeholders: a missing parameter stays visible, a plural of a missing one too', () => {
  assert.is(fillMessage('{a} och {b}', { a: 'x' }), 'x och {b}')
  assert.is(fillMessage('{n|kort|kort} {m|en|flera}', { n: 1 }), 'kort {m|en|flera}')
  assert.is(fillMessage('{n} {n|sak|saker}', { n: '1' }), '1 sak')
  assert.is(fillMessage('inga parametrar {n|a|b}'), 'inga parametrar {n|a|b}')
})

test('no message is left with a plural of the wrong shape', () => {
  for (const lang of ['sv', 'en'] as const) {
    for (const [key, text] of Object.entries(dictionaries[lang])) {
      const braces = text.match(/\{[^}]*\}/g) ?? []
      for (const b of braces) assert.ok(/^\{\w+\}$/.test(b) || /^\{\w+\|[^|{}]*\|[^{}]*\}$/.test(b), `${lang} ${key}: ${b}`)
    }
  }
})

test.run()
