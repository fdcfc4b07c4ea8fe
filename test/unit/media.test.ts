import { test } from 'uvu'
import * as assert from 'uvu/assert'
import { parseByteRange } from '../../server/media/byteRange'
import { assetSrcFor, isAssetSrcOf, parseAssetSrc } from '../../workshops/media/assetSrc'
import { DEFAULT_MEDIA_LIMITS, formatBytes, sizeRefusal } from '../../workshops/media/mediaLimits'
import { looksLikeSvg, sniffMedia } from '../../workshops/media/mediaTypes'
import { boardMedia } from '../../workshops/export/boardMedia'

const W = 'AbCdEfGhIjKlMnOpQrStUv'
const A = 'x'.repeat(32)
const bytes = (...parts: Array<number[] | string>) => new Uint8Array(parts.flatMap((p) => (typeof p === 'string' ? [...Buffer.from(p, 'latin1')] : p)))

test('an asset src is a same-origin path of that workshop, nothing else', () => {
  const src = assetSrcFor(W, A)
  assert.is(src, `/api/workshops/${W}/assets/${A}`)
  assert.ok(isAssetSrcOf(W, src))
  assert.equal(parseAssetSrc(src), { workshopId: W, assetId: A })
  for (const bad of [
    `/api/workshops/${'Z'.repeat(22)}/assets/${A}`,
    `https://evil.example/api/workshops/${W}/assets/${A}`,
    `//evil.example/api/workshops/${W}/assets/${A}`,
    `/api/workshops/${W}/assets/${A}?x=1`,
    `/api/workshops/${W}/assets/${A}/../../x`,
    `/api/workshops/${W}/assets/short`,
    'data:image/png;base64,iVBORw0KGgo=',
    '',
    null,
    42,
  ]) {
    assert.not.ok(isAssetSrcOf(W, bad), String(bad))
  }
})

test('media types are told by their first bytes: PNG, JPEG, GIF, WebP, MP4, WebM; SVG, HEIF, Matroska and HTML are not accepted', () => {
  assert.is(sniffMedia(bytes([0x89], 'PNG', [0x0d, 0x0a, 0x1a, 0x0a], [0, 0, 0, 13]))?.mime, 'image/png')
  assert.is(sniffMedia(bytes([0xff, 0xd8, 0xff, 0xe0]))?.mime, 'image/jpeg')
  assert.is(sniffMedia(bytes('GIF89a', [1, 0]))?.mime, 'image/gif')
  assert.is(sniffMedia(bytes('RIFF', [0, 0, 0, 0], 'WEBPVP8 '))?.mime, 'image/webp')
  assert.is(sniffMedia(bytes([0, 0, 0, 0x18], 'ftypisom', [0, 0, 2, 0], 'isomiso2'))?.mime, 'video/mp4')
  assert.is(sniffMedia(bytes([0, 0, 0, 0x1c], 'ftypXYZ1', [0, 0, 0, 0], 'XYZ1mp42'))?.mime, 'video/mp4', 'by a compatible brand')
  assert.is(sniffMedia(bytes([0x1a, 0x45, 0xdf, 0xa3, 0x9f, 0x42, 0x86, 0x81, 0x01, 0x42, 0x82, 0x84], 'webm'))?.mime, 'video/webm')
  assert.is(sniffMedia(bytes([0, 0, 0, 0x1c], 'ftypavif', [0, 0, 0, 0], 'avifmif1')), null, 'AVIF')
  assert.is(sniffMedia(bytes([0, 0, 0, 0x14], 'ftypqt  ', [0, 0, 0, 0], 'qt  ')), null, 'QuickTime')
  assert.is(sniffMedia(bytes([0x1a, 0x45, 0xdf, 0xa3, 0x93, 0x42, 0x82, 0x88], 'matroska')), null, 'Matroska')
  assert.is(sniffMedia(bytes('<svg xmlns="http://www.w3.org/2000/svg"/>')), null)
  assert.is(sniffMedia(bytes('<!DOCTYPE html><html>')), null)
  assert.is(sniffMedia(new Uint8Array()), null)
  assert.ok(looksLikeSvg(bytes('  <?xml version="1.0"?><svg>')))
  assert.not.ok(looksLikeSvg(bytes('GIF89a')))
})

test('size limits: per kind and for the whole workshop, with readable sizes', () => {
  const l = DEFAULT_MEDIA_LIMITS
  assert.is(sizeRefusal('image', 25 * 1024 * 1024, 0, l), null)
  assert.equal(sizeRefusal('image', 25 * 1024 * 1024 + 1, 0, l), { reason: 'file-too-large', limit: l.maxImageBytes })
  assert.is(sizeRefusal('video', 2048 * 1024 * 1024, 0, l), null)
  assert.equal(sizeRefusal('video', 1024, l.maxWorkshopMediaBytes - 1000, l), { reason: 'workshop-full', limit: l.maxWorkshopMediaBytes, used: l.maxWorkshopMediaBytes - 1000 })
  assert.is(formatBytes(25 * 1024 * 1024), '25 MB')
  assert.is(formatBytes(2048 * 1024 * 1024), '2 GB')
  assert.is(formatBytes(27_400_000), '26 MB')
  assert.is(formatBytes(1536), '1.5 kB')
})

test('byte ranges: first bytes, middle, open-ended, suffix; beyond the end or malformed is unsatisfiable; several ranges get the whole file', () => {
  const size = 1000
  assert.equal(parseByteRange(undefined, size), { kind: 'whole' })
  assert.equal(parseByteRange('bytes=0-99', size), { kind: 'part', start: 0, end: 99 })
  assert.equal(parseByteRange('bytes=400-499', size), { kind: 'part', start: 400, end: 499 })
  assert.equal(parseByteRange('bytes=900-', size), { kind: 'part', start: 900, end: 999 })
  assert.equal(parseByteRange('bytes=990-5000', size), { kind: 'part', start: 990, end: 999 })
  assert.equal(parseByteRange('bytes=-100', size), { kind: 'part', start: 900, end: 999 })
  assert.equal(parseByteRange('bytes=-5000', size), { kind: 'part', start: 0, end: 999 })
  for (const bad of ['bytes=1000-', 'bytes=500-100', 'bytes=-0', 'bytes=abc', 'bytes=-', 'bytes=1e3-']) {
    assert.equal(parseByteRange(bad, size), { kind: 'unsatisfiable' }, bad)
  }
  assert.equal(parseByteRange('bytes=0-1,5-6', size), { kind: 'whole' })
  assert.equal(parseByteRange('items=0-1', size), { kind: 'whole' })
})

test('the report lists each picture and film on the board once, top to bottom', () => {
  const asset = (id: string, name: string) => ({ id, typeName: 'asset', type: 'image', props: { name, src: assetSrcFor(W, A), w: 100, h: 50 } })
  const shape = (id: string, type: string, assetId: string, y: number) => ({ id, typeName: 'shape', type, x: 0, y, props: { assetId, altText: '' } })
  const items = boardMedia([asset('asset:1', 'under.png'), asset('asset:2', 'film.webm'), shape('shape:a', 'image', 'asset:1', 500), shape('shape:b', 'video', 'asset:2', 10), shape('shape:c', 'image', 'asset:1', 900)])
  assert.equal(items.map((i) => [i.kind, i.name]), [['video', 'film.webm'], ['image', 'under.png']])
})

test.run()
