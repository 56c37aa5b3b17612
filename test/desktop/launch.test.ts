import { existsSync, mkdtempSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { pathToFileURL } from 'node:url'

import { afterEach, describe, expect, it } from 'vitest'

import { loadDemoLab } from '../../src/node/demo-lab'
import { LabFile } from '../../src/node/persistence/lab-file'
import { bootMain, launchUntilQuit, ROOT, type BootedMain } from '../electron-stub/boot'
import { runPreload } from '../electron-stub/preload'
import { eventually } from '../support/eventually'

const fresh = (prefix: string) => mkdtempSync(join(tmpdir(), prefix))
function writeLab(folder: string, file: string, name: string) {
  const path = join(folder, file)
  LabFile.create(path, { ...loadDemoLab(), name }).close()
  return path
}

const running: BootedMain[] = []
async function boot(options: Parameters<typeof bootMain>[0] = {}) {
  const booted = await bootMain(options)
  running.push(booted)
  return booted
}
afterEach(async () => {
  for (const booted of running.splice(0)) await booted.close()
})

const openLab = async (booted: BootedMain) =>
  ((await booted.request('getTopology', {})) as { value: { path: string; name: string } }).value

describe('how a launch opens a lab', () => {
  it('opens a .pacificlab named on the command line, relative to where it was started', async () => {
    const folder = fresh('pl-launch-')
    const lab = writeLab(folder, 'given.pacificlab', 'Given lab')
    const booted = await boot({ args: ['--some-switch', 'given.pacificlab'], cwd: folder })
    expect(await openLab(booted)).toMatchObject({ path: lab, name: 'Given lab' })
    const snapshot = await booted.snapshot()
    expect(snapshot.windows).toHaveLength(1)
    expect(snapshot.dialogs).toEqual([])
  })

  it('names a lab on the command line that does not open, and starts on the demo lab', async () => {
    const missing = join(fresh('pl-launch-'), 'missing.pacificlab')
    const booted = await boot({ args: [missing] })
    expect((await openLab(booted)).path).toBe(join(booted.dataDir, 'demo.pacificlab'))
    const [box] = (await booted.snapshot()).dialogs
    expect(box).toMatchObject({
      kind: 'showMessageBox',
      options: {
        type: 'error',
        message: 'The lab did not open',
        detail: expect.stringContaining(missing) as string,
      },
    })
  })

  it('takes the single-instance lock for its data folder', async () => {
    const booted = await boot()
    const snapshot = await booted.snapshot()
    expect(snapshot.paths['userData']).toBe(booted.dataDir)
    expect(snapshot.singleInstanceLock).toEqual({ data: { lab: null }, granted: true })
  })

  it('as a second launch hands its lab to the first and quits without a window or a lab of its own', async () => {
    const folder = fresh('pl-launch-')
    const lab = writeLab(folder, 'second.pacificlab', 'Second')
    const dataDir = fresh('pl-launch-data-')
    const launch = await launchUntilQuit({
      args: ['second.pacificlab'],
      cwd: folder,
      dataDir,
      lockHeld: true,
    })
    expect(launch.code).toBe(0)
    expect(launch.snapshot).toMatchObject({
      singleInstanceLock: { data: { lab }, granted: false },
      windows: [],
      ipcHandlers: [],
      quit: true,
    })
    expect(existsSync(join(dataDir, 'settings.sqlite'))).toBe(false)
  })

  it('as the first, opens the lab a second launch hands over and comes to the front, restored', async () => {
    const folder = fresh('pl-launch-')
    const lab = writeLab(folder, 'handed.pacificlab', 'Handed over')
    const booted = await boot()
    await booted.minimize()
    await booted.secondInstance(['/opt/pacific-lab', '--flag'], '/', { lab })
    await eventually('the handed lab opening', async () =>
      (await openLab(booted)).path === lab ? true : undefined,
    )
    const [win] = (await booted.snapshot()).windows
    expect(win).toMatchObject({ minimized: false, shown: true })
    expect(win?.focused).toBeGreaterThan(0)
  })

  it('reads the lab from the arguments of a second launch that sent no data, from its folder', async () => {
    const folder = fresh('pl-launch-')
    const lab = writeLab(folder, 'argv.pacificlab', 'From argv')
    const booted = await boot()
    await booted.secondInstance(['/opt/pacific-lab', 'argv.pacificlab'], folder, null)
    await eventually('the lab from argv', async () =>
      (await openLab(booted)).path === lab ? true : undefined,
    )
  })

  it('only comes to the front when a second launch names no lab', async () => {
    const booted = await boot()
    const before = await openLab(booted)
    await booted.secondInstance(['/opt/pacific-lab'], '/', { lab: null })
    await eventually('the window focusing', async () =>
      ((await booted.snapshot()).windows[0]?.focused ?? 0) > 0 ? true : undefined,
    )
    expect((await openLab(booted)).path).toBe(before.path)
  })

  it("opens the lab macOS's open-file names (Finder, the Dock)", async () => {
    const lab = writeLab(fresh('pl-launch-'), 'finder.pacificlab', 'From Finder')
    const booted = await boot()
    expect(await booted.openFile(lab)).toEqual({ prevented: true })
    await eventually('the lab from open-file', async () =>
      (await openLab(booted)).path === lab ? true : undefined,
    )
  })

  it('opens a lab file dropped on the window, while the navigation stays prevented; other files are not opened', async () => {
    const lab = writeLab(fresh('pl-launch-'), 'dropped.pacificlab', 'Dropped')
    const booted = await boot()
    const before = await openLab(booted)
    expect(await booted.navigate(pathToFileURL('/etc/passwd').href)).toEqual({ prevented: true })
    expect(await booted.navigate('https://example.com/x.pacificlab')).toEqual({ prevented: true })
    expect((await openLab(booted)).path).toBe(before.path)
    expect(await booted.navigate(pathToFileURL(lab).href)).toEqual({ prevented: true })
    await eventually('the dropped lab opening', async () =>
      (await openLab(booted)).path === lab ? true : undefined,
    )
    // Another page than the app's own drops nothing into the lab.
    const other = writeLab(fresh('pl-launch-'), 'elsewhere.pacificlab', 'Elsewhere')
    expect(await booted.navigate(pathToFileURL(other).href, { target: 'other-contents' })).toEqual({
      prevented: true,
    })
    expect((await openLab(booted)).path).toBe(lab)
  })

  it('gives the page the path of a file dropped on it, through the sandboxed preload', () => {
    const preload = runPreload(join(ROOT, 'out', 'preload', 'index.cjs'), () => Promise.resolve(null))
    const lab = preload.exposed['lab'] as { pathForFile(file: object): string }
    expect(lab.pathForFile({ path: '/home/ana/labs/x.pacificlab' })).toBe('/home/ana/labs/x.pacificlab')
    expect(lab.pathForFile({ name: 'made in the page' })).toBe('')
  })
})
