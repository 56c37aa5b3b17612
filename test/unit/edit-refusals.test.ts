import { mkdtempSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'

import { afterEach, describe, expect, it } from 'vitest'

import { LabService } from '../../src/node/lab-service'
import { LabFile } from '../../src/node/persistence/lab-file'
import { dispatch } from '../../src/shared/contract/dispatch'
import type { Kind } from '../../src/shared/domain/kinds'
import { defaultSpec } from '../../src/shared/domain/specs'
import type { LabNode } from '../../src/shared/domain/topology'

const open: LabService[] = []
function newService() {
  const service = new LabService('cli', { dataDir: mkdtempSync(join(tmpdir(), 'pl-refuse-')) })
  open.push(service)
  return service
}
afterEach(() => {
  for (const service of open.splice(0)) service.close()
})

/** Applies a batch through the contract, as both transports do. */
const apply = (service: LabService, label: string, edits: unknown[]) =>
  dispatch(service.handlers, 'applyEdits', { batch: { label, edits } })

/** The lab file reopened from disk, as the next start would see it. */
function reopened(service: LabService) {
  const lab = LabFile.open(service.labFile.path, { readOnly: true })
  try {
    return { document: lab.document, journal: lab.journal() }
  } finally {
    lab.close()
  }
}

/** A node of `kind` with its default spec, named as its id. */
const newNode = (kind: Kind, id: string, parentId: string): LabNode => ({
  id,
  kind,
  name: id,
  parentId,
  position: { x: 0, y: 0 },
  spec: defaultSpec(kind),
})

const node = (service: LabService, id: string) =>
  service.handlers.getTopology().topology.nodes.find((n) => n.id === id)!

describe('the service never stores what it cannot reopen (issue 14, defects 1, 2, 8)', () => {
  it('refuses a setSpec that breaks the kind schema, naming the edit, and the lab still reopens', async () => {
    const service = newService()
    const host = node(service, 'host-1')
    const result = await apply(service, 'Set CPU', [
      { type: 'setSpec', id: 'host-1', before: host.spec, after: { ...host.spec, cpuCores: 'lots' } },
    ])
    expect(result).toMatchObject({ ok: false, error: { code: 'invalid-spec' } })
    if (result.ok) return
    expect(result.error.message).toContain('Set CPU')
    expect(result.error.message).toContain('edit 1 of 1')
    expect(result.error.message).toContain(host.name)
    expect(result.error.message).toContain('cpuCores')
    expect(service.handlers.getTopology().undoLabel).toBeNull()
    expect(reopened(service).document.topology).toEqual(service.handlers.getTopology().topology)
  })

  it('stores a valid spec as its schema reads it (defaults filled), so reopening gives the same lab', async () => {
    const service = newService()
    const host = node(service, 'host-1')
    const result = await apply(service, 'Set CPU', [
      { type: 'setSpec', id: 'host-1', before: host.spec, after: { cpuCores: 8 } },
    ])
    expect(result.ok).toBe(true)
    expect(node(service, 'host-1').spec).toEqual({ ...defaultSpec('host'), cpuCores: 8 })
    expect(reopened(service).document.topology).toEqual(service.handlers.getTopology().topology)
  })

  it('refuses a rename whose before is not the current name, and undo writes nothing invented', async () => {
    const service = newService()
    const ns = node(service, 'ns-1')
    const result = await apply(service, 'Rename', [
      { type: 'rename', id: 'ns-1', before: 'never-was', after: 'payments' },
    ])
    expect(result).toMatchObject({ ok: false, error: { code: 'stale-edit' } })
    if (!result.ok) expect(result.error.message).toMatch(/"never-was".*"finance"/)
    expect(node(service, 'ns-1').name).toBe(ns.name)
    expect(await dispatch(service.handlers, 'undo', {})).toMatchObject({
      ok: false,
      error: { code: 'nothing-to-undo' },
    })
  })

  it('refuses a moveNodes whose from is not the current position, whole, even when other moves fit', async () => {
    const service = newService()
    const a = node(service, 'host-1')
    const before = service.handlers.getTopology().topology
    const result = await apply(service, 'Move', [
      {
        type: 'moveNodes',
        moves: [
          { id: 'host-1', from: a.position, to: { x: 1, y: 1 } },
          { id: 'host-2', from: { x: -999, y: -999 }, to: { x: 2, y: 2 } },
        ],
      },
    ])
    expect(result).toMatchObject({ ok: false, error: { code: 'stale-edit' } })
    expect(service.handlers.getTopology().topology).toEqual(before)
  })

  it('refuses a removeNodes whose nodes are not as they are (undo would put back invented ones)', async () => {
    const service = newService()
    const pod = node(service, 'pod-1')
    const result = await apply(service, 'Delete', [
      { type: 'removeNodes', nodes: [{ ...pod, name: 'something-else' }], links: [] },
    ])
    expect(result).toMatchObject({ ok: false, error: { code: 'stale-edit' } })
  })

  it('refuses a two-node parent cycle', async () => {
    const service = newService()
    const result = await apply(service, 'Loop', [
      {
        type: 'addNodes',
        nodes: [newNode('namespace', 'a', 'b'), newNode('namespace', 'b', 'a')],
        links: [],
      },
    ])
    expect(result).toMatchObject({ ok: false, error: { code: 'parent-cycle' } })
  })

  it('refuses a host inside a namespace, added or moved there', async () => {
    const service = newService()
    const host = newNode('host', 'esxi-09', 'ns-1')
    const added = await apply(service, 'Add host', [{ type: 'addNodes', nodes: [host], links: [] }])
    expect(added).toMatchObject({ ok: false, error: { code: 'parent-not-allowed' } })
    if (!added.ok) expect(added.error.message).toMatch(/ESXi host esxi-09 cannot be inside vSphere Namespace/)
    const h1 = node(service, 'host-1')
    const moved = await apply(service, 'Move host', [
      {
        type: 'reparent',
        id: 'host-1',
        from: { parentId: h1.parentId, position: h1.position },
        to: { parentId: 'ns-1', position: { x: 0, y: 0 } },
      },
    ])
    expect(moved).toMatchObject({ ok: false, error: { code: 'parent-not-allowed' } })
  })

  it('refuses a Supervisor binding that does not link a Supervisor to a cluster', async () => {
    const result = await apply(newService(), 'Bind', [
      { type: 'connect', link: { id: 'l-9', kind: 'supervisor-cluster', source: 'host-1', target: 'ns-1' } },
    ])
    expect(result).toMatchObject({ ok: false, error: { code: 'parent-not-allowed' } })
  })

  it('refuses text SQLite cannot store as written (an unpaired surrogate)', async () => {
    const service = newService()
    const result = await apply(service, 'Rename', [
      { type: 'rename', id: 'ns-1', before: node(service, 'ns-1').name, after: 'bad\uD800name' },
    ])
    expect(result).toMatchObject({ ok: false, error: { code: 'invalid-spec' } })
  })
})
