import { test } from 'uvu'
import * as assert from 'uvu/assert'
import { finishedText, placeholderSelection, withoutPlaceholder } from '../../workshops/cards/starters'
import { recordsForExport } from '../../workshops/export/exportRecords'
import { card, frame } from './helpers/boardRecords'

test('an untouched starter has its placeholder selected, so typing replaces it (both languages)', () => {
  const typed = (starter: string, kind: 'insight' | 'challenge', words: string) => {
    const at = placeholderSelection(starter, kind)!
    return starter.slice(0, at.start) + words + starter.slice(at.end)
  }
  assert.is(typed('Vi har funnit att …', 'insight', 'chefer ser tidiga tecken'), 'Vi har funnit att chefer ser tidiga tecken')
  assert.is(typed('Hur skulle vi kunna … ?', 'challenge', 'korta ner väntetiden'), 'Hur skulle vi kunna korta ner väntetiden?')
  assert.is(typed('We have found that …', 'insight', 'managers feel alone'), 'We have found that managers feel alone')
  assert.is(typed('How might we … ?', 'challenge', 'support them early'), 'How might we support them early?')
  // Once something is written, the caret goes where the person puts it.
  assert.is(placeholderSelection('Vi har funnit att …chefer', 'insight'), null)
  assert.is(placeholderSelection('Vi har funnit att …', 'challenge'), null)
  assert.is(placeholderSelection('', 'idea'), null)
})

test('what is left of a placeholder is removed; an ellipsis a person wrote stays', () => {
  const cases: Array<[string, string]> = [
    ['Vi har funnit att …chefer ser…', 'Vi har funnit att chefer ser…'],
    ['Vi har funnit att … chefer ser', 'Vi har funnit att chefer ser'],
    ['Hur skulle vi kunna … ?korta ner väntetiden', 'Hur skulle vi kunna korta ner väntetiden?'],
    ['Hur skulle vi kunna korta ner väntetiden … ?', 'Hur skulle vi kunna korta ner väntetiden?'],
    ['Hur skulle vi kunna …korta ner väntetiden!', 'Hur skulle vi kunna korta ner väntetiden!'],
    ['We have found that …managers', 'We have found that managers'],
    ['How might we … ?shorten the wait', 'How might we shorten the wait?'],
    ['Vi har funnit att …', ''],
    ['  Hur skulle vi kunna … ?  ', ''],
    ['Vi har funnit att chefer … inte vet vad de får fråga', 'Vi har funnit att chefer … inte vet vad de får fråga'],
    ['Vi har funnit attityder …', 'Vi har funnit attityder …'],
    ['Jag … vet inte', 'Jag … vet inte'],
    ['Hur skulle vi kunna korta väntan?', 'Hur skulle vi kunna korta väntan?'],
  ]
  for (const [text, clean] of cases) assert.is(withoutPlaceholder(text), clean, JSON.stringify(text))
  // When typing ends, an untouched starter stays on the card (it still guides); anything written loses the placeholder.
  assert.is(finishedText('Vi har funnit att …'), 'Vi har funnit att …')
  assert.is(finishedText('Vi har funnit att …chefer'), 'Vi har funnit att chefer')
})

test('the exports read card texts without placeholders; other records are untouched', () => {
  const records = [frame('f', 'Vi har funnit att … (ramen)'), card('i', 'insight', 'Vi har funnit att …chefer'), card('q', 'quote', 'Jag … vet inte')]
  const out = recordsForExport(records)
  assert.is(out[0], records[0])
  assert.is((out[1].props as { text: string }).text, 'Vi har funnit att chefer')
  assert.is(out[2], records[2])
  assert.is((records[1].props as { text: string }).text, 'Vi har funnit att …chefer', 'the input is not changed')
})

test.run()
