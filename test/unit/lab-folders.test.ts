import { chmodSync, mkdirSync, mkdtempSync, symlinkSync, writeFileSync } from 'node:fs'
import { homedir, tmpdir } from 'node:os'
import { join, parse } from 'node:path'

import { afterEach, describe, expect, it } from 'vitest'

import { dispatch } from '../../src/shared/contract/dispatch'
import { FOLDER_LIST_LIMIT, listFolder } from '../../src/node/lab-folders'
import { LabService } from '../../src/node/lab-service'

const fresh = () => mkdtempSync(join(tmpdir(), 'pl-folders-'))
const touch = (...parts: string[]) => writeFileSync(join(...parts), '')

/** A folder as a user keeps one: labs, other files, sub-folders, hidden things and links. */
function userFolder() {
  const dir = fresh()
  for (const name of ['lab 10.pacificlab', 'lab 9.pacificlab', 'Alpha.pacificlab']) touch(dir, name)
  for (const name of ['notes.txt', 'lab.pacificlab.bak', 'design.lab.yaml', 'photo.png']) touch(dir, name)
  for (const name of ['projects', 'Archive', '.git', '.cache']) mkdirSync(join(dir, name))
  touch(dir, '.hidden.pacificlab')
  const elsewhere = fresh()
  touch(elsewhere, 'shared.pacificlab')
  touch(elsewhere, 'secret.txt')
  symlinkSync(elsewhere, join(dir, 'linked folder'))
  symlinkSync(join(elsewhere, 'shared.pacificlab'), join(dir, 'linked.pacificlab'))
  symlinkSync(join(elsewhere, 'secret.txt'), join(dir, 'linked-secret.pacificlab.txt'))
  symlinkSync(join(dir, 'gone'), join(dir, 'broken.pacificlab'))
  return { dir, elsewhere }
}

describe('the file browser listing (listFolder)', () => {
  it('lists only folders and lab files, folders first, in the order a person sorts names', () => {
    const { dir } = userFolder()
    const listing = listFolder(dir, { dataDir: fresh(), labPath: null })
    expect(listing.entries.map((e) => [e.kind, e.name])).toEqual([
      ['folder', 'Archive'],
      ['folder', 'linked folder'],
      ['folder', 'projects'],
      ['lab', 'Alpha.pacificlab'],
      ['lab', 'lab 9.pacificlab'],
      ['lab', 'lab 10.pacificlab'],
      ['lab', 'linked.pacificlab'],
    ])
    expect(listing.truncated).toBe(false)
  })

  it('lists a link under its own path and never reads past it until the user opens it', () => {
    const { dir, elsewhere } = userFolder()
    const listing = listFolder(dir, { dataDir: fresh(), labPath: null })
    const link = listing.entries.find((e) => e.name === 'linked folder')
    expect(link?.path).toBe(join(dir, 'linked folder'))
    expect(JSON.stringify(listing)).not.toContain(elsewhere)
    expect(JSON.stringify(listing)).not.toContain('secret')
    const inside = listFolder(link!.path, { dataDir: fresh(), labPath: null })
    expect(inside.path).toBe(join(dir, 'linked folder'))
    expect(inside.parent).toBe(dir)
    expect(inside.entries.map((e) => e.name)).toEqual(['shared.pacificlab'])
  })

  it('starts in the data folder, takes a relative path from there and stops at the top', () => {
    const data = fresh()
    mkdirSync(join(data, 'labs'))
    touch(data, 'demo.pacificlab')
    expect(listFolder(undefined, { dataDir: data, labPath: null })).toMatchObject({
      path: data,
      entries: [
        { name: 'labs', kind: 'folder', path: join(data, 'labs') },
        { name: 'demo.pacificlab', kind: 'lab', path: join(data, 'demo.pacificlab') },
      ],
    })
    expect(listFolder('labs', { dataDir: data, labPath: null }).path).toBe(join(data, 'labs'))
    const top = parse(data).root
    expect(listFolder(top, { dataDir: data, labPath: null }).parent).toBeNull()
  })

  it('offers home, the data folder and the open lab folder as places, each once', () => {
    const data = fresh()
    const other = fresh()
    expect(listFolder(data, { dataDir: data, labPath: join(other, 'x.pacificlab') }).places).toEqual([
      { name: 'Home', path: homedir() },
      { name: 'Pacific Lab data', path: data },
      { name: "This lab's folder", path: other },
    ])
    expect(listFolder(data, { dataDir: data, labPath: join(data, 'demo.pacificlab') }).places).toEqual([
      { name: 'Home', path: homedir() },
      { name: 'Pacific Lab data', path: data },
    ])
  })

  it(`returns at most ${FOLDER_LIST_LIMIT} entries and says when there were more`, () => {
    const dir = fresh()
    for (let i = 0; i <= FOLDER_LIST_LIMIT; i++) touch(dir, `lab-${i}.pacificlab`)
    const listing = listFolder(dir, { dataDir: dir, labPath: null })
    expect(listing.entries).toHaveLength(FOLDER_LIST_LIMIT)
    expect(listing.truncated).toBe(true)
  })

  it('names the problem: a missing folder, a file, a path through a file, a NUL', () => {
    const dir = fresh()
    touch(dir, 'a.pacificlab')
    const context = { dataDir: dir, labPath: null }
    const refusal = (path: string) => {
      try {
        listFolder(path, context)
        return null
      } catch (e) {
        return { code: (e as { code: string }).code, message: (e as Error).message }
      }
    }
    expect(refusal(join(dir, 'missing'))).toEqual({
      code: 'not-found',
      message: `The folder ${join(dir, 'missing')} does not exist.`,
    })
    expect(refusal(join(dir, 'a.pacificlab'))).toEqual({
      code: 'bad-path',
      message: `${join(dir, 'a.pacificlab')} is a file, not a folder.`,
    })
    expect(refusal(join(dir, 'a.pacificlab', 'x'))?.code).toBe('bad-path')
    expect(refusal('a\0b')?.code).toBe('bad-path')
  })

  // Root reads every folder whatever its mode, so the refusal only shows for another user.
  it.skipIf(process.getuid?.() === 0)('says when a folder cannot be read', () => {
    const dir = fresh()
    const locked = join(dir, 'locked')
    mkdirSync(locked)
    chmodSync(locked, 0o000)
    try {
      expect(() => listFolder(locked, { dataDir: dir, labPath: null })).toThrow(
        `The folder ${locked} cannot be read: permission denied.`,
      )
    } finally {
      chmodSync(locked, 0o700)
    }
  })
})

describe('listFolder through the contract', () => {
  const services: LabService[] = []
  afterEach(() => {
    for (const s of services.splice(0)) s.close()
  })

  it('answers with the listing, and a typed error for a bad request or a missing folder', async () => {
    const data = fresh()
    const service = new LabService('serve', { dataDir: data })
    services.push(service)
    expect(await dispatch(service.handlers, 'listFolder', {})).toMatchObject({
      ok: true,
      value: { path: data, entries: [{ name: 'demo.pacificlab', kind: 'lab' }] },
    })
    expect(await dispatch(service.handlers, 'listFolder', { path: 'nope' })).toMatchObject({
      ok: false,
      error: { code: 'not-found' },
    })
    expect(await dispatch(service.handlers, 'listFolder', { path: '' })).toMatchObject({
      ok: false,
      error: { code: 'invalid-input' },
    })
    expect(await dispatch(service.handlers, 'listFolder', { path: data, deep: true })).toMatchObject({
      ok: false,
      error: { code: 'invalid-input' },
    })
  })
})
