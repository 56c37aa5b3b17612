import { mkdtempSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'

import { afterEach, beforeEach, describe, expect, it } from 'vitest'

import { installLabClient } from '../../../src/renderer/src/api/lab-client'
import { fileRequest, openRecentLab } from '../../../src/renderer/src/files/file-actions'
import { followMenuCommands } from '../../../src/renderer/src/menu/page-commands'
import { runMenuEntry } from '../../../src/renderer/src/menu/serve-menu'
import { useDialogStore } from '../../../src/renderer/src/stores/dialog-store'
import { sendBatch } from '../../../src/renderer/src/stores/edit-actions'
import { useLabStore } from '../../../src/renderer/src/stores/lab-store'
import { startLabSession } from '../../../src/renderer/src/stores/lab-sync'
import { useNoticeStore } from '../../../src/renderer/src/stores/notice-store'
import type { LabClient, MenuCommandName, PushEvent } from '../../../src/shared/contract/contract'
import { addNodeBatch } from '../../../src/shared/domain/commands'
import { directClient } from './direct-client'

const cleanup: (() => void)[] = []
beforeEach(() => {
  useLabStore.setState(useLabStore.getInitialState(), true)
  useDialogStore.setState(useDialogStore.getInitialState(), true)
  useNoticeStore.setState(useNoticeStore.getInitialState(), true)
})
afterEach(() => cleanup.splice(0).forEach((f) => f()))

/** A client on a LabService, plus a way to push what Electron's menu pushes. */
async function start() {
  const direct = directClient()
  const menuListeners = new Set<(event: PushEvent) => void>()
  const client: LabClient = {
    ...direct.client,
    onEvent(listener) {
      menuListeners.add(listener)
      const off = direct.client.onEvent(listener)
      return () => (menuListeners.delete(listener), off())
    },
  }
  installLabClient(client)
  const off = await startLabSession()
  const offMenu = followMenuCommands(client)
  cleanup.push(off, offMenu, () => direct.service.close())
  const push = (command: MenuCommandName) => {
    for (const listener of menuListeners) listener({ name: 'menuCommand', payload: { command } })
  }
  return { push }
}
const lab = () => useLabStore.getState().snapshot!
const until = async (done: () => boolean) => {
  for (let i = 0; i < 200 && !done(); i++) await new Promise((r) => setTimeout(r, 10))
  expect(done()).toBe(true)
}

describe('menu commands', () => {
  it('answers the Electron menu: Import opens the dialog, Undo and Redo act on the lab', async () => {
    const { push } = await start()
    push('importManifests')
    expect(useDialogStore.getState().open).toBe('import')
    await sendBatch(addNodeBatch('host', 'host-4', 'cl-1', { x: 680, y: 50 }, 'host-4'))
    push('undo')
    await until(() => !lab().topology.nodes.some((n) => n.id === 'host-4'))
    push('redo')
    await until(() => lab().topology.nodes.some((n) => n.id === 'host-4'))
  })

  it('runs the shell commands of the menu bar: the file dialogs, Open Recent', async () => {
    await start()
    runMenuEntry({ type: 'command', label: 'New Lab…', command: 'newLab' })
    expect(useDialogStore.getState().open).toBe('new-lab')
    runMenuEntry({ type: 'command', label: 'Save As…', command: 'saveLabAs' })
    expect(useDialogStore.getState().open).toBe('save-lab-as')
    const gone = join(mkdtempSync(join(tmpdir(), 'pl-menu-')), 'gone.pacificlab')
    await openRecentLab(gone)
    expect(useNoticeStore.getState().error).toMatch(/^The lab did not open: .*gone\.pacificlab/)
  })

  it('creates a lab, refuses a name that is taken unless told to replace it, and opens it', async () => {
    await start()
    const folder = mkdtempSync(join(tmpdir(), 'pl-menu-'))
    const path = join(folder, 'fresh.pacificlab')
    expect((await fileRequest('new-lab', path)).ok).toBe(true)
    expect(lab().path).toBe(path)
    expect(lab().topology.nodes).toEqual([])
    const other = join(folder, 'other.pacificlab')
    writeFileSync(other, 'not a lab')
    const taken = await fileRequest('new-lab', other)
    expect(taken.ok ? null : taken.error.code).toBe('exists')
    expect(lab().path).toBe(path)
    expect((await fileRequest('new-lab', other, true)).ok).toBe(true)
    expect(lab().path).toBe(other)
    expect(lab().name).toBe('other')
  })
})
