import { mkdtempSync } from 'node:fs'
import { homedir, tmpdir } from 'node:os'
import { join } from 'node:path'

import { test, type Page } from '@playwright/test'

import { shortPath } from '../../src/shared/menu/app-menu'
import { bootMain, type BootedMain } from '../electron-stub/boot'
import { dragFromPalette, pointIn } from './canvas-helpers'
import {
  expectNoIdShown,
  expectRoomForCanvas,
  expectTidyCanvas,
  placedNodes,
  type PlacedNode,
} from './journey-checks'
import { expect } from './serve-fixture'
import { actAsWindow, serveRenderer } from './stub-window'

/**
 * A new user's first hour, through the real main process (src/main, built) under the stand-in
 * Electron: its menu, its native dialogs (answered as the user would), its IPC handlers and its
 * pushes, with the built renderer in Chromium as the window. After every step: no two sibling
 * objects overlap, every child is inside its parent, no id is shown anywhere, and with a run
 * loaded the canvas keeps half of the 1440x900 window.
 */

const deployment = (namespace: string) => `apiVersion: apps/v1
kind: Deployment
metadata:
  name: web
  namespace: ${namespace}
spec:
  replicas: 2
  selector:
    matchLabels: { app: web }
  template:
    metadata:
      labels: { app: web }
    spec:
      containers:
        - name: web
          image: nginx:1.27
          resources:
            requests: { cpu: 250m, memory: 256Mi }
`

let booted: BootedMain
let renderer: Awaited<ReturnType<typeof serveRenderer>>
test.beforeAll(async () => {
  booted = await bootMain()
  renderer = await serveRenderer()
})
test.afterAll(async () => {
  await booted?.close()
  await renderer?.close()
})

/** Every step's checks, on the whole lab (fit first: the canvas draws only what is on screen). */
const step = async (page: Page, where: string, run = false) => {
  await page.getByTestId('fit-view').click()
  await expectTidyCanvas(page, where)
  await expectNoIdShown(page, where)
  if (run) await expectRoomForCanvas(page, where)
}

const byKind = (nodes: readonly PlacedNode[], kind: string) => nodes.filter((n) => n.kind === kind)

test('a new user creates a lab from the File menu, builds, imports, provisions, plays it through and reopens it from Open Recent', async ({
  page,
}) => {
  test.setTimeout(600_000)
  await actAsWindow(page, booted)
  await page.goto(renderer.url)
  await expect(page.getByTestId('app-ready')).toBeVisible()
  // The Electron window has the native menu: the page draws none.
  await expect(page.getByRole('menubar')).toHaveCount(0)

  // File > New Lab…: the native save dialog, answered with a name.
  const folder = mkdtempSync(join(tmpdir(), 'pl-journey-'))
  const first = join(folder, 'first-lab.pacificlab')
  await booted.answerDialog('showSaveDialog', { canceled: false, filePath: first })
  await booted.clickMenu(['File', 'New Lab…'])
  await expect(page.locator('.lab-name')).toHaveText('first-lab')
  await expect.poll(async () => (await placedNodes(page)).length).toBe(0)
  await expect(page.locator('[data-testid^="node-"]')).toHaveCount(0)

  // A Supervisor on three hosts, with a namespace and two vSphere Pods, from the palette.
  const vc = await dragFromPalette(page, 'vcenter', await pointIn(page, 'canvas', 80, 60))
  const cl = await dragFromPalette(page, 'cluster', await pointIn(page, `node-${vc}`, 40, 60))
  for (let i = 0; i < 3; i++) await dragFromPalette(page, 'host', await pointIn(page, `node-${cl}`, 40, 60))
  await step(page, 'after the hosts')
  const net = await dragFromPalette(page, 'network', await pointIn(page, `node-${vc}`, 40, -12))
  await dragFromPalette(page, 'storage-policy', await pointIn(page, `node-${net}`, 20, 20))
  await step(page, 'after the network and storage')
  const below = await pointIn(page, `node-${vc}`, 20, -1)
  const sv = await dragFromPalette(page, 'supervisor', { x: below.x, y: below.y + 60 })
  await step(page, 'after the Supervisor')
  const ns = await dragFromPalette(page, 'namespace', await pointIn(page, `node-${sv}`, 40, 60))
  for (let i = 0; i < 2; i++) {
    await dragFromPalette(page, 'pod', await pointIn(page, `node-${ns}`, 40, 60))
    await page.getByTestId('fit-view').click()
  }
  await step(page, 'after the workloads')

  // File > Import Manifests…: the menu pushes the command, the page opens its dialog.
  const namespace = (await placedNodes(page)).find((n) => n.id === ns)?.name ?? ''
  await booted.clickMenu(['File', 'Import Manifests…'])
  await expect(page.getByTestId('import-dialog')).toBeVisible()
  await page.getByTestId('import-files').setInputFiles({
    name: 'web.yaml',
    mimeType: 'text/yaml',
    buffer: Buffer.from(deployment(namespace)),
  })
  await page.getByTestId('import-apply').click()
  await expect(page.getByTestId('import-done')).toBeVisible()
  await page.getByTestId('import-close').click()
  await expect.poll(async () => byKind(await placedNodes(page), 'deployment').length).toBe(1)
  await step(page, 'after the import')

  // Run > Provision: the run loads; then Play at the default speed, to the last step.
  await booted.clickMenu(['Run', 'Provision (Start a Run)'])
  const counter = page.getByTestId('current-step')
  await expect(counter).toBeVisible()
  await step(page, 'with the run loaded', true)
  await page.getByTestId('play').click()
  const position = async () => {
    const [seq, total] = ((await counter.textContent()) ?? '').match(/\d+/g)?.map(Number) ?? [0, -1]
    return seq === total ? 'at the end' : `step ${seq} of ${total}`
  }
  await expect.poll(position, { timeout: 240_000, intervals: [2000] }).toBe('at the end')
  await step(page, 'at the end of the run', true)
  const built = (await placedNodes(page)).map((n) => `${n.kind} ${n.name}`).sort()

  // Another lab, then File > Open Recent brings the first back as it was.
  await booted.answerDialog('showSaveDialog', { canceled: false, filePath: join(folder, 'second-lab') })
  await booted.clickMenu(['File', 'New Lab…'])
  await expect(page.locator('.lab-name')).toHaveText('second-lab')
  await booted.clickMenu(['File', 'Open Recent', `first-lab (${shortPath(first, homedir())})`])
  await expect(page.locator('.lab-name')).toHaveText('first-lab')
  await expect
    .poll(async () => (await placedNodes(page)).map((n) => `${n.kind} ${n.name}`).sort())
    .toEqual(built)
  await step(page, 'after reopening')
  await expect(page.getByTestId('run-picker')).toBeVisible()
})
