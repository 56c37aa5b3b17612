import type { ChildProcess } from 'node:child_process'
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'

import type { Page } from '@playwright/test'

import { LabService } from '../../src/node/lab-service'
import { LabFile } from '../../src/node/persistence/lab-file'
import { generateLargeLab } from '../../src/shared/domain/large-lab'
import { docsScreenshot } from './docs-screenshot'
import { expect, startServe, test, type ServedLab } from './serve-fixture'

/**
 * A generated lab of 20,000 vSphere Pods (50 namespaces of 400) with a stored run of its
 * provisioning (240,000 steps): the canvas summarises, a search finds one PodVM among them and
 * its seven seed-deck steps play on its own tile.
 *
 * Setup: the lab file and its run are made through the LabService, as `pacific-lab generate` and
 * an earlier session's Provision would leave them (planning and storing the run takes about a
 * minute on a loaded machine; the Provision button would do the same work while the test waits).
 * 128 hosts, so every pod finds one: the generator's default 64 leave the later namespaces short.
 */
test.describe.configure({ mode: 'serial', timeout: 600_000 })

/** The 17,311th PodVM: namespace 44, pod 111 (names repeat per namespace, as in Kubernetes). */
const POD = { id: 'ns-44-pod-0111', path: 'team-44/fn-0111', name: 'fn-0111' }

let served: { lab: ServedLab; child: ChildProcess } | undefined
/** The lab file's folder: over a gigabyte with its run, removed after. */
let dir: string | undefined

test.beforeAll(async () => {
  test.setTimeout(600_000)
  dir = mkdtempSync(join(tmpdir(), 'pacific-lab-20k-'))
  const path = join(dir, 'twenty-thousand.pacificlab')
  LabFile.create(path, generateLargeLab({ hosts: 128, namespaces: 50, pods: 20_000 })).close()
  const service = new LabService('serve', { dataDir: dir, lab: path })
  try {
    // Provision answers with the first steps while the rest is planned and stored in the
    // background: the run is in the file once its progress says done (closing sooner cancels it).
    const stored = new Promise<void>((resolve, reject) =>
      service.onEvent((e) => {
        if (e.name !== 'runProgress') return
        if (e.payload.phase === 'done') resolve()
        if (e.payload.phase === 'failed' || e.payload.phase === 'cancelled')
          reject(new Error(`the 20,000-PodVM run was not stored: ${e.payload.message ?? e.payload.phase}`))
      }),
    )
    await service.handlers.startRun({ seed: 1, faults: [] })
    await stored
  } finally {
    service.close()
  }
  served = await startServe([path])
})

test.afterAll(async () => {
  const child = served?.child
  if (child && child.exitCode === null) {
    const exited = new Promise((resolve) => child.once('exit', resolve))
    child.kill('SIGTERM')
    await exited
  }
  if (dir) rmSync(dir, { recursive: true, force: true })
})

const statusOf = (page: Page) => page.getByTestId(`node-${POD.id}`).getAttribute('data-status')

test('a 20,000-PodVM lab opens summarised; search finds one PodVM and its seven steps play on it', async ({
  page,
}) => {
  test.setTimeout(600_000)
  if (!served) throw new Error('the 20,000-PodVM lab was not served')
  await page.goto(served.lab.url)
  await expect(page.getByTestId('app-ready')).toBeVisible({ timeout: 120_000 })
  await page.getByTestId('fit-view').click()
  // Every namespace is a summary card: not one of the 20,000 PodVMs has a node.
  await expect(page.getByTestId('lod-summary-ns-44')).toBeVisible()
  await expect(page.getByTestId('lod-summary-ns-44')).toContainText('Not provisioned')
  await expect(page.locator('[data-kind="pod"]')).toHaveCount(0)

  // The stored run, loaded to its last step (pages of steps arrive in the background).
  const picker = page.getByTestId('run-picker')
  await picker.selectOption({ index: 1 })
  await expect(page.getByTestId('timeline')).toHaveAttribute('data-loading', 'false', { timeout: 300_000 })

  // Ctrl+F, namespace/name, Enter: the namespace opens, the PodVM is selected and on screen.
  await page.getByTestId('canvas').click({ position: { x: 5, y: 5 } })
  await page.keyboard.press('Control+f')
  await page.getByTestId('search').fill(POD.path)
  await expect(page.locator('.search-box')).toContainText('1 match')
  await page.keyboard.press('Enter')
  const tile = page.getByTestId(`node-${POD.id}`)
  await expect(tile).toBeInViewport()
  await expect(tile).toHaveClass(/is-selected/)
  await expect(page.getByTestId('inspector')).toContainText(POD.name)
  expect(await page.locator('[data-kind="pod"]').count()).toBeLessThan(400)

  // Its steps, from the event list filtered to it, one at a time.
  await page.getByTestId('filter-object').selectOption(POD.id)
  const first = page.getByTestId('event-row').first()
  const seq = await first.getAttribute('data-seq')
  await first.click()
  await expect(page.getByTestId('current-step')).toHaveAttribute('data-seq', seq ?? '')
  await expect(tile).toHaveAttribute('data-status', 'Submitted')
  const seeds: number[] = []
  const statuses: string[] = []
  for (let i = 0; i < 20 && (await statusOf(page)) !== 'Running'; i++) {
    const seed = /Seed deck step (\d)/.exec(await page.getByTestId('step-detail').innerText())
    if (seed) seeds.push(Number(seed[1]))
    statuses.push((await statusOf(page)) ?? '')
    await page.getByTestId('step-forward').click()
  }
  statuses.push((await statusOf(page)) ?? '')
  expect([...new Set(seeds)]).toEqual([1, 2, 3, 4, 5, 6, 7])
  const seen = statuses.filter((s, i) => s !== statuses[i - 1])
  for (const want of ['Pending', 'Scheduled', 'Creating VM', 'Network ready', 'Pulling images', 'Running'])
    expect(seen).toContain(want)
  await expect(tile).toHaveAttribute('data-tone', 'ok')
  await docsScreenshot(page, 'large-lab-pod')

  // Back out to the whole lab: the namespaces before it are summarised with their counts.
  await page.getByTestId('fit-view').click()
  await expect(page.getByTestId('lod-summary-ns-43').getByTestId('lod-counts')).toContainText('400 Running')
  await expect(page.getByTestId('lod-summary-ns-43').getByTestId('lod-spark')).toBeVisible()
  await docsScreenshot(page, 'large-lab')
})
