import { mkdtempSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'

import { describe, expect, it } from 'vitest'

import { loadDemoLab } from '../../src/node/demo-lab'
import { LabService } from '../../src/node/lab-service'
import { LabFile } from '../../src/node/persistence/lab-file'
import { openSqlite } from '../../src/node/persistence/sqlite'
import { validateTopology } from '../../src/shared/domain/validation/validate'

/** A lab file whose rows were written by some other version: `sql` runs on it as is. */
function labWith(sql: string): string {
  const path = join(mkdtempSync(join(tmpdir(), 'pl-stored-')), 'lab.pacificlab')
  LabFile.create(path, loadDemoLab()).close()
  const db = openSqlite(path)
  db.transaction(() => db.exec(sql))()
  db.close()
  return path
}

describe('a lab whose stored values this version rejects still opens (issue 14)', () => {
  it('keeps a spec its kind schema rejects and shows it as a problem on that object', () => {
    const path = labWith(`UPDATE nodes SET spec = '{"cpuCores":"lots"}' WHERE id = 'host-1'`)
    const lab = LabFile.open(path)
    const host = lab.document.topology.nodes.find((n) => n.id === 'host-1')!
    expect(host.spec).toEqual({ cpuCores: 'lots' })
    const problems = validateTopology(lab.document.topology).filter((p) => p.objectId === 'host-1')
    expect(problems).toContainEqual(expect.objectContaining({ code: 'spec-invalid', severity: 'error' }))
    lab.close()
  })

  it('lets the user correct such a spec: the edit says what was stored', () => {
    const path = labWith(`UPDATE nodes SET spec = '{"cpuCores":"lots"}' WHERE id = 'host-1'`)
    const service = new LabService('cli', { dataDir: mkdtempSync(join(tmpdir(), 'pl-stored-')), lab: path })
    service.handlers.applyEdits({
      batch: {
        label: 'Fix CPU',
        edits: [{ type: 'setSpec', id: 'host-1', before: { cpuCores: 'lots' }, after: { cpuCores: 16 } }],
      },
    })
    service.close()
    const lab = LabFile.open(path, { readOnly: true })
    expect(lab.document.topology.nodes.find((n) => n.id === 'host-1')?.spec).toMatchObject({ cpuCores: 16 })
    lab.close()
  })

  it('breaks a stored parent cycle instead of refusing the file, and validation says where the node belongs', () => {
    const path = labWith(
      `UPDATE nodes SET parent_id = 'pod-1' WHERE id = 'ns-1'; UPDATE nodes SET parent_id = 'ns-1' WHERE id = 'pod-1'`,
    )
    const lab = LabFile.open(path, { readOnly: true })
    const byId = new Map(lab.document.topology.nodes.map((n) => [n.id, n]))
    expect(byId.get('ns-1')?.parentId).toBeNull()
    expect(byId.get('pod-1')?.parentId).toBe('ns-1')
    expect(validateTopology(lab.document.topology)).toContainEqual(
      expect.objectContaining({ code: 'parent-not-allowed', objectId: 'ns-1' }),
    )
    lab.close()
  })
})
