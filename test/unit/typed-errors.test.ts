import { spawnSync } from 'node:child_process'
import { mkdtempSync, symlinkSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'

import { afterEach, describe, expect, it } from 'vitest'

import { classifyFailure } from '../../src/node/cli/exit-code'
import { LabService } from '../../src/node/lab-service'
import { LabFile } from '../../src/node/persistence/lab-file'
import { LAB_APPLICATION_ID } from '../../src/node/persistence/schema'
import { openSqlite } from '../../src/node/persistence/sqlite'
import { dispatch } from '../../src/shared/contract/dispatch'
import { LabError } from '../../src/shared/contract/result'

const tempDir = () => mkdtempSync(join(tmpdir(), 'pl-typed-'))
const services: LabService[] = []
function newService() {
  const service = new LabService('cli', { dataDir: tempDir() })
  services.push(service)
  return service
}
afterEach(() => {
  for (const s of services.splice(0)) s.close()
})

/** Runs `fn`, expecting a LabError; returns it. */
function refusal(fn: () => unknown): LabError {
  try {
    fn()
  } catch (e) {
    expect(e).toBeInstanceOf(LabError)
    return e as LabError
  }
  throw new Error('expected a refusal')
}

const cli = (...args: string[]) =>
  spawnSync(process.execPath, ['bin/pacific-lab.js', ...args], {
    encoding: 'utf8',
    env: { ...process.env, PACIFIC_LAB_DATA_DIR: tempDir() },
  })

describe('user mistakes get their own error code, naming the file or object (issue 14, defect 7)', () => {
  it('a fault on a target the lab does not have is bad-fault, not internal', async () => {
    const result = await dispatch(newService().handlers, 'startRun', {
      seed: 1,
      faults: [{ kind: 'host-failure', target: 'no-such-host', atSeq: 3 }],
    })
    expect(result).toMatchObject({ ok: false, error: { code: 'bad-fault' } })
    if (!result.ok) expect(result.error.message).toContain('no-such-host')
  })

  it('a lab path that cannot be written is unwritable, naming the path', async () => {
    const file = join(tempDir(), 'plain-file')
    writeFileSync(file, 'x')
    const path = join(file, 'lab.pacificlab')
    const result = await dispatch(newService().handlers, 'newLab', { path })
    expect(result).toMatchObject({ ok: false, error: { code: 'unwritable' } })
    if (!result.ok) expect(result.error.message).toContain(path)
  })

  it('a file whose tables exist without a format version is bad-file, naming the file', () => {
    const path = join(tempDir(), 'odd.pacificlab')
    const db = openSqlite(path)
    db.pragma(`application_id = ${LAB_APPLICATION_ID}`)
    db.exec('CREATE TABLE meta (key TEXT PRIMARY KEY, value TEXT NOT NULL)')
    db.close()
    const e = refusal(() => LabFile.open(path))
    expect(e.code).toBe('bad-file')
    expect(e.message).toContain(path)
    expect(e.message).toMatch(/table meta already exists/)
  })

  it('a symbolic link loop is named as one', () => {
    const path = join(tempDir(), 'loop.pacificlab')
    symlinkSync(path, path)
    const e = refusal(() => LabFile.open(path))
    expect(e.code).toBe('bad-path')
    expect(e.message).toContain(path)
    expect(e.message).toMatch(/link loop/)
  })

  it('classifies file system errors as bad input naming the path, and anything else as a bug', () => {
    const enoent = Object.assign(new Error('ENOENT: no such file'), { code: 'ENOENT', path: '/x/y.yaml' })
    expect(classifyFailure(enoent)).toMatchObject({ exitCode: 2, message: '/x/y.yaml does not exist' })
    expect(classifyFailure(new LabError('not-found', 'gone'))).toMatchObject({ exitCode: 2 })
    expect(classifyFailure(new TypeError('x is undefined'))).toMatchObject({ exitCode: 3 })
  })

  it('the CLI exits 2 on an unreadable lab file and on bad arguments, as the README says', () => {
    const missing = cli('validate', join(tempDir(), 'missing.pacificlab'))
    expect(missing.status).toBe(2)
    expect(missing.stderr).toMatch(/missing\.pacificlab does not exist/)
    const notALab = join(tempDir(), 'notes.pacificlab')
    writeFileSync(notALab, 'not a lab'.repeat(100))
    const bad = cli('export', notALab)
    expect(bad.status).toBe(2)
    expect(bad.stderr).toContain(notALab)
    expect(cli('validate', '--frob', 'demo').status).toBe(2)
  })
})
