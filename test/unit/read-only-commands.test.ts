import { chmodSync, existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'

import { afterEach, describe, expect, it } from 'vitest'

import { COMMANDS } from '../../src/node/cli/commands/index'
import { loadDemoLab } from '../../src/node/demo-lab'
import { LabService } from '../../src/node/lab-service'
import { LabFile } from '../../src/node/persistence/lab-file'
import { LAB_APPLICATION_ID, LAB_MIGRATIONS, migrate } from '../../src/node/persistence/schema'
import { openSqlite } from '../../src/node/persistence/sqlite'
import { writeTopology } from '../../src/node/persistence/topology-rows'

const tempDir = () => mkdtempSync(join(tmpdir(), 'pl-readonly-'))

/** A demo lab written by an older Pacific Lab (format version 2), in WAL mode as the app leaves it. */
function olderLab(dir = tempDir()): string {
  const path = join(dir, 'old.pacificlab')
  const db = openSqlite(path)
  db.pragma('journal_mode = WAL')
  migrate(db, LAB_MIGRATIONS, LAB_APPLICATION_ID, 2)
  const demo = loadDemoLab()
  db.transaction(() => {
    db.prepare("INSERT INTO meta (key, value) VALUES ('name', ?)").run(demo.name)
    writeTopology(db, demo.topology)
  })()
  db.close()
  return path
}

function currentLab(dir = tempDir()): string {
  const path = join(dir, 'now.pacificlab')
  LabFile.create(path, loadDemoLab()).close()
  return path
}

/** What must not change when a lab is only read: its bytes, its format version, its folder. */
function state(path: string) {
  const bytes = readFileSync(path)
  return {
    bytes: bytes.toString('base64'),
    userVersion: bytes.readUInt32BE(60),
    sideFiles: [`${path}-wal`, `${path}-shm`, `${path}-journal`].filter((f) => existsSync(f)),
  }
}

async function runCommand(name: string, ...args: string[]) {
  const command = COMMANDS.find((c) => c.name === name)!
  const out: string[] = []
  const code = await command.run(args, { out: (l) => out.push(l), err: (l) => out.push(l) })
  return { code, out: out.join('\n') }
}

const services: LabService[] = []
afterEach(() => {
  for (const s of services.splice(0)) s.close()
})

describe('read means read (issue 14, defect 3)', () => {
  const reads: [string, (lab: string, dir: string) => string[]][] = [
    ['validate', (lab) => [lab]],
    ['export', (lab) => [lab]],
    ['run', (lab) => [lab, '--json']],
    ['save-text', (lab, dir) => [lab, join(dir, 'out.lab.yaml')]],
  ]

  it.each(reads)(
    '%s reads an older lab in memory: bytes, user_version and folder unchanged',
    async (name, args) => {
      const dir = tempDir()
      const lab = olderLab(dir)
      const before = state(lab)
      expect(before.userVersion).toBe(2)
      const result = await runCommand(name, ...args(lab, dir))
      expect(result.code, result.out).toBeLessThanOrEqual(1)
      expect(state(lab)).toEqual(before)
    },
  )

  it.each(reads)('%s leaves no -wal or -shm beside a current lab', async (name, args) => {
    const dir = tempDir()
    const lab = currentLab(dir)
    const before = state(lab)
    await runCommand(name, ...args(lab, dir))
    expect(state(lab)).toEqual(before)
  })

  it('a refused import into an older lab leaves it as it was', async () => {
    const dir = tempDir()
    const lab = olderLab(dir)
    const bad = join(dir, 'bad.yaml')
    writeFileSync(bad, 'apiVersion: v1\nkind: Pod\nmetadata: [not, a, map]\n')
    const before = state(lab)
    expect((await runCommand('import', lab, bad)).code).toBe(1)
    expect(state(lab)).toEqual(before)
  })

  it('serving a read-only older lab opens it with a notice and writes nothing, beside it either', () => {
    const dir = tempDir()
    const lab = olderLab(dir)
    chmodSync(lab, 0o444)
    const before = state(lab)
    const service = new LabService('serve', { dataDir: tempDir(), lab })
    services.push(service)
    const snapshot = service.handlers.getTopology()
    expect(snapshot.readOnly).toBe(true)
    expect(snapshot.notice).toMatch(/read-only and from an older Pacific Lab \(format version 2\)/)
    expect(snapshot.topology).toEqual(loadDemoLab().topology)
    expect(state(lab)).toEqual(before)
    service.close()
    expect(state(lab)).toEqual(before)
  })

  it('an older lab opened for editing is upgraded only by its first change', () => {
    const lab = olderLab()
    const before = state(lab)
    const service = new LabService('serve', { dataDir: tempDir(), lab })
    services.push(service)
    expect(service.handlers.getTopology().notice).toMatch(/upgraded to version 4 when you first change it/)
    expect(state(lab)).toEqual(before)
    const host = service.handlers.getTopology().topology.nodes.find((n) => n.id === 'host-1')!
    service.handlers.applyEdits({
      batch: {
        label: 'Rename',
        edits: [{ type: 'rename', id: 'host-1', before: host.name, after: 'esxi-a' }],
      },
    })
    service.close()
    expect(state(lab).userVersion).toBe(LAB_MIGRATIONS.length)
    const reopened = LabFile.open(lab, { readOnly: true })
    expect(reopened.document.topology.nodes.find((n) => n.id === 'host-1')?.name).toBe('esxi-a')
    reopened.close()
  })
})
