import { existsSync, mkdtempSync, writeFileSync } from 'node:fs'
import { homedir, tmpdir } from 'node:os'
import { join } from 'node:path'

import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import { loadDemoLab } from '../../src/node/demo-lab'
import { LabFile } from '../../src/node/persistence/lab-file'
import { EVENT_CHANNEL } from '../../src/shared/contract/channels'
import { MENU_COMMANDS, type PushEvent } from '../../src/shared/contract/contract'
import { addNodeBatch } from '../../src/shared/domain/commands'
import { appMenu, type AppCommand, type MenuEntry, type MenuState } from '../../src/shared/menu/app-menu'
import { bootMain, type BootedMain } from '../electron-stub/boot'
import type { StubSent } from '../electron-stub/types'
import { eventually } from '../support/eventually'

/** An Electron menu item as the stand-in recorded it (click handlers left out). */
interface Item {
  label?: string
  role?: string
  type?: string
  accelerator?: string
  registerAccelerator?: boolean
  enabled?: boolean
  submenu?: Item[]
}

const labDir = () => mkdtempSync(join(tmpdir(), 'pl-menu-labs-'))
function writeLab(path: string, name: string) {
  LabFile.create(path, { ...loadDemoLab(), name }).close()
  return path
}

/** The label path of every command in the shared description, for clicking it by its labels. */
function commandPaths(entries: readonly MenuEntry[], above: string[] = []): Map<AppCommand, string[]> {
  const paths = new Map<AppCommand, string[]>()
  for (const entry of entries) {
    if (entry.type === 'submenu')
      for (const [command, path] of commandPaths(entry.items, [...above, entry.label]))
        paths.set(command, path)
    if (entry.type === 'command' && !paths.has(entry.command))
      paths.set(entry.command, [...above, entry.label])
  }
  return paths
}

const state = (more: Partial<MenuState> = {}): MenuState => ({
  platform: process.platform,
  appName: 'Pacific Lab',
  recent: [],
  undoLabel: null,
  redoLabel: null,
  devTools: true,
  home: homedir(),
  ...more,
})
const topLevel = (menus: ReturnType<typeof appMenu>) =>
  menus.map((m) => ({ type: 'submenu' as const, label: m.label, items: m.items }))

describe('the application menu of the built main process', () => {
  let booted: BootedMain
  const sent: StubSent[] = []

  beforeAll(async () => {
    booted = await bootMain()
    booted.onSent((s) => sent.push(s))
  })
  afterAll(async () => {
    await booted?.close()
  })

  const menu = async (): Promise<Item[]> => {
    const set = (await booted.snapshot()).menu.filter((m) => m.call === 'setApplicationMenu')
    return (set.at(-1)?.template ?? []) as Item[]
  }
  const find = (items: Item[], labels: string[]): Item | undefined => {
    let item: Item | undefined
    let level: Item[] = items
    for (const label of labels) {
      item = level.find((i) => i.label === label)
      level = item?.submenu ?? []
    }
    return item
  }
  const topology = async () =>
    (
      (await booted.request('getTopology', {})) as {
        value: { path: string; name: string; undoLabel: string | null }
      }
    ).value
  const dialogs = async () => (await booted.snapshot()).dialogs
  /** The state the main process builds its menu from, asked of it as the page would. */
  const currentState = async (): Promise<MenuState> => {
    const { undoLabel } = await topology()
    const snapshot = (await booted.request('getTopology', {})) as { value: { redoLabel: string | null } }
    const recent = (await booted.request('listRecentLabs', {})) as { value: { labs: MenuState['recent'] } }
    return state({ undoLabel, redoLabel: snapshot.value.redoLabel, recent: recent.value.labs })
  }

  it('sets File, Edit, View, Run and Help (with the app and Window menus on macOS)', async () => {
    const expected = appMenu(state()).map((m) => m.label)
    expect((await menu()).map((m) => m.label)).toEqual(expected)
    if (process.platform !== 'darwin') expect(expected).toEqual(['File', 'Edit', 'View', 'Run', 'Help'])
  })

  it('gives each item the key of the shared description; keys a text field types stay with the page', async () => {
    const items = await menu()
    expect(find(items, ['File', 'Open…'])).toMatchObject({ accelerator: 'CmdOrCtrl+O' })
    expect(find(items, ['File', 'Save As…'])).toMatchObject({ accelerator: 'CmdOrCtrl+Shift+S' })
    expect(find(items, ['Edit', 'Copy'])).toMatchObject({ role: 'copy' })
    expect(find(items, ['Run', 'Play or Pause'])).toMatchObject({
      accelerator: 'Space',
      registerAccelerator: false,
    })
    expect(find(items, ['Run', 'Provision (Start a Run)'])).toMatchObject({ accelerator: 'F5' })
    expect(find(items, ['Run', 'Provision (Start a Run)'])?.registerAccelerator).toBeUndefined()
    // Every item of the description is there, with its key, in the same place.
    const walk = (entries: readonly MenuEntry[], above: string[]): void => {
      for (const entry of entries) {
        if (entry.type === 'separator') continue
        const at = [...above, entry.label]
        const item = find(items, at)
        expect({ at, found: item !== undefined }).toEqual({ at, found: true })
        if (entry.type === 'submenu') walk(entry.items, at)
        else if (entry.accelerator !== undefined) expect(item?.accelerator).toBe(entry.accelerator)
      }
    }
    walk(topLevel(appMenu(await currentState())), [])
  })

  it('sends every command the page handles to the window as menuCommand, one push per click', async () => {
    // One edit to undo and one to redo, so both items are enabled.
    const add = (name: string, y: number) =>
      booted.request('applyEdits', { batch: addNodeBatch('vcenter', name, null, { x: 900, y }, name) })
    await add('vc-a', 0)
    await add('vc-b', 500)
    await booted.request('undo', {})
    await eventually('the menu naming the redo', async () =>
      find(await menu(), ['Edit', 'Redo Add vc-b']) ? true : undefined,
    )
    const paths = commandPaths(topLevel(appMenu(await currentState())))
    for (const command of MENU_COMMANDS) {
      const path = paths.get(command)!
      const before = sent.length
      await booted.clickMenu(path)
      const pushed = await eventually(`the push of ${command}`, () => {
        const events = sent.slice(before).filter((s) => s.channel === EVENT_CHANNEL)
        const menuEvents = events.map((s) => s.args[0] as PushEvent).filter((e) => e.name === 'menuCommand')
        return Promise.resolve(menuEvents.length > 0 ? menuEvents : undefined)
      })
      expect(pushed).toEqual([{ name: 'menuCommand', payload: { command } }])
    }
  })

  it('File > Open… asks for a lab file in a dialog on the window and opens it', async () => {
    const lab = writeLab(join(labDir(), 'picked.pacificlab'), 'Picked lab')
    await booted.answerDialog('showOpenDialog', { canceled: false, filePaths: [lab] })
    await booted.clickMenu(['File', 'Open…'])
    await eventually('the picked lab opening', async () =>
      (await topology()).path === lab ? true : undefined,
    )
    const asked = (await dialogs()).filter((d) => d.kind === 'showOpenDialog').at(-1)
    expect(asked).toMatchObject({
      parent: true,
      options: {
        properties: ['openFile'],
        filters: [{ name: 'Pacific Lab labs', extensions: ['pacificlab'] }],
      },
    })
  })

  it('changes nothing when the user cancels the dialog', async () => {
    const before = await topology()
    const shown = (await dialogs()).length
    await booted.clickMenu(['File', 'Open…'])
    await eventually('the open dialog', async () => ((await dialogs()).length > shown ? true : undefined))
    expect((await topology()).path).toBe(before.path)
  })

  it('File > New Lab… creates an empty lab where the user says, with the extension a Linux dialog leaves off', async () => {
    const folder = labDir()
    await booted.answerDialog('showSaveDialog', { canceled: false, filePath: join(folder, 'fresh') })
    await booted.clickMenu(['File', 'New Lab…'])
    const created = join(folder, 'fresh.pacificlab')
    await eventually('the new lab', async () => ((await topology()).path === created ? true : undefined))
    expect(
      ((await booted.request('getTopology', {})) as { value: { topology: { nodes: unknown[] } } }).value
        .topology.nodes,
    ).toEqual([])
    expect((await dialogs()).filter((d) => d.kind === 'showSaveDialog').at(-1)?.options).toMatchObject({
      buttonLabel: 'Create',
      filters: [{ extensions: ['pacificlab'] }],
    })
  })

  it('File > Save As… copies the open lab and works on the copy', async () => {
    const original = await topology()
    const copy = join(labDir(), 'copy.pacificlab')
    await booted.answerDialog('showSaveDialog', { canceled: false, filePath: copy })
    await booted.clickMenu(['File', 'Save As…'])
    await eventually('the copy opening', async () => ((await topology()).path === copy ? true : undefined))
    expect(existsSync(original.path)).toBe(true)
  })

  it('names a lab that does not open in an error message box, and keeps the open lab', async () => {
    const before = await topology()
    const bad = join(labDir(), 'not-a-lab.pacificlab')
    writeFileSync(bad, 'this is a text file')
    await booted.answerDialog('showOpenDialog', { canceled: false, filePaths: [bad] })
    await booted.clickMenu(['File', 'Open…'])
    const box = await eventually('the error box', async () =>
      (await dialogs()).find((d) => d.kind === 'showMessageBox' && d.options['type'] === 'error'),
    )
    expect(box.options).toMatchObject({
      message: 'The lab did not open',
      detail: expect.stringContaining(bad) as string,
    })
    expect((await topology()).path).toBe(before.path)
  })

  it('lists the labs opened before under Open Recent and opens the one chosen', async () => {
    const recent = find(await menu(), ['File', 'Open Recent'])?.submenu ?? []
    const picked = recent.find((i) => i.label?.startsWith('Picked lab ('))
    expect(picked).toBeDefined()
    expect(recent.map((i) => i.label)).toHaveLength(new Set(recent.map((i) => i.label)).size)
    await booted.clickMenu(['File', 'Open Recent', picked!.label!])
    await eventually('the recent lab opening', async () =>
      (await topology()).name === 'Picked lab' ? true : undefined,
    )
  })

  it('names the edit Undo would revert, and follows the lab as it changes', async () => {
    expect(find(await menu(), ['Edit', 'Undo'])).toMatchObject({ enabled: false })
    await booted.request('applyEdits', {
      batch: addNodeBatch('vcenter', 'vc-new', null, { x: 800, y: 0 }, 'vc-n'),
    })
    await eventually('the menu naming the edit', async () =>
      find(await menu(), ['Edit', 'Undo Add vc-new'])?.enabled === true ? true : undefined,
    )
  })

  it('Help shows the keyboard shortcuts and the versions in message boxes', async () => {
    await booted.clickMenu(['Help', 'Keyboard Shortcuts'])
    const keys = await eventually('the shortcuts box', async () =>
      (await dialogs()).find((d) => d.options['title'] === 'Keyboard shortcuts'),
    )
    expect(keys.options['detail']).toContain('Open')
    expect(keys.options['detail']).toContain(process.platform === 'darwin' ? '⌘O' : 'Ctrl+O')
    if (process.platform === 'darwin') return
    await booted.clickMenu(['Help', 'About Pacific Lab'])
    const about = await eventually('the about box', async () =>
      (await dialogs()).find((d) => d.options['title'] === 'About Pacific Lab'),
    )
    expect(about.options['message']).toMatch(/^Pacific Lab \d+\.\d+\.\d+/)
    expect(about.options['detail']).toContain(`Node.js ${process.versions.node}`)
  })

  it('File > Close Window closes the window, and the app quits with it (not on macOS)', async () => {
    await booted.clickMenu(['File', 'Close Window'])
    expect(await booted.ended()).toEqual({ code: 0, signal: null })
  })
})
