import type { Page } from '@playwright/test'

import { dragFromPalette, labNodes, pointIn } from './canvas-helpers'
import { expect, test } from './serve-fixture'

const clickHeader = (page: Page, id: string) =>
  page.getByTestId(`node-${id}`).click({ position: { x: 60, y: 14 } })

async function open(page: Page, url: string) {
  await page.goto(url)
  await expect(page.getByTestId('app-ready')).toBeVisible()
  await page.getByTestId('fit-view').click()
}

test('drops where a kind cannot live are refused with the reason; near a container they snap in', async ({
  page,
  served,
}) => {
  await open(page, served.url)
  const empty = await pointIn(page, 'canvas', 60, 80)
  const from = await pointIn(page, 'palette-pod', 30, 10)
  await page.mouse.move(from.x, from.y)
  await page.mouse.down()
  await page.mouse.move(empty.x, empty.y, { steps: 8 })
  await page.mouse.up()
  await expect(page.getByTestId('toast')).toContainText('can only be placed inside a vSphere Namespace')
  expect((await labNodes(page)).filter((n) => n.kind === 'pod')).toHaveLength(2)
  // Just outside the namespace's right edge still lands inside it.
  const ns = await page.getByTestId('node-ns-1').boundingBox()
  if (!ns) throw new Error('namespace not shown')
  const pod = await dragFromPalette(page, 'pod', { x: ns.x + ns.width + 15, y: ns.y + 60 })
  expect((await labNodes(page)).find((n) => n.id === pod)?.parentId).toBe('ns-1')
})

test('delete takes the subtree in one undo step; copy, paste and search work from the keyboard', async ({
  page,
  served,
}) => {
  await open(page, served.url)
  await clickHeader(page, 'ns-1')
  await page.keyboard.press('Delete')
  await expect
    .poll(async () => (await labNodes(page)).some((n) => n.parentId === 'ns-1' || n.id === 'ns-1'))
    .toBe(false)
  await page.keyboard.press('Control+z')
  await expect.poll(async () => (await labNodes(page)).filter((n) => n.parentId === 'ns-1').length).toBe(4)

  await page.getByTestId('node-host-1').click()
  await page.keyboard.press('Control+c')
  await page.keyboard.press('Control+v')
  await expect.poll(async () => (await labNodes(page)).some((n) => n.name === 'esxi-01-copy')).toBe(true)
  const copy = (await labNodes(page)).find((n) => n.name === 'esxi-01-copy')
  expect(copy?.parentId).toBe('cl-1')

  await page.keyboard.press('Control+f')
  await page.getByTestId('search').fill('legacy')
  await page.getByTestId('search').press('Enter')
  await expect(page.getByTestId('inspector')).toContainText('legacy-db')
})

test('collapsing a namespace summarises its workloads; auto-layout is one undo step', async ({
  page,
  served,
}) => {
  await open(page, served.url)
  await page.getByTestId('collapse-ns-1').click()
  await expect(page.getByTestId('node-ns-1')).toContainText('2 pods')
  await expect(page.getByTestId('node-pod-1')).toHaveCount(0)
  // Collapsed groups are view state kept in the lab file, not in the browser.
  await expect
    .poll(async () => {
      const res = await page.request.post(`${served.origin}/api/getViewState`, {
        data: {},
        headers: { authorization: `Bearer ${served.token}` },
      })
      return ((await res.json()) as { value: { collapsed: string[] } }).value.collapsed
    })
    .toEqual(['ns-1'])
  await page.reload()
  await expect(page.getByTestId('node-ns-1')).toContainText('2 pods')
  await page.getByTestId('collapse-ns-1').click()
  await expect(page.getByTestId('node-pod-1')).toBeVisible()

  const before = await labNodes(page)
  await page.getByTestId('layout').click()
  await expect(page.getByTestId('undo')).toHaveAttribute('title', /Auto-layout/)
  await page.getByTestId('undo').click()
  await expect.poll(() => labNodes(page)).toEqual(before)
})

test('a Supervisor is bound by dragging from its handle to a cluster', async ({ page, served }) => {
  await open(page, served.url)
  await clickHeader(page, 'sv-1')
  await page.getByTestId('inspector').getByRole('button', { name: 'Unbind' }).click()
  await expect(page.locator('[data-testid="problem-row"][data-code="supervisor-cluster-count"]')).toHaveCount(
    1,
  )
  const from = await page.getByTestId('handle-out-sv-1').boundingBox()
  const to = await page.getByTestId('handle-in-cl-1').boundingBox()
  if (!from || !to) throw new Error('handles not shown')
  await page.mouse.move(from.x + from.width / 2, from.y + from.height / 2)
  await page.mouse.down()
  await page.mouse.move(to.x + to.width / 2, to.y + to.height / 2, { steps: 10 })
  await page.mouse.up()
  // Only notes (infos) remain: the demo lab has no errors or warnings once bound again.
  await expect(
    page.locator('[data-testid="problem-row"]:is([data-severity="error"], [data-severity="warning"])'),
  ).toHaveCount(0)
  await expect(page.getByTestId('node-sv-1').getByTestId('problem-badge')).toHaveCount(0)
})

test('the palette works from the keyboard: Enter adds the kind into the selected container', async ({
  page,
  served,
}) => {
  await open(page, served.url)
  await clickHeader(page, 'cl-1')
  await page.getByTestId('palette-host').focus()
  await page.keyboard.press('Enter')
  await expect.poll(async () => (await labNodes(page)).filter((n) => n.parentId === 'cl-1').length).toBe(4)
  // A pod has no place in a cluster: refused, with the reason.
  await clickHeader(page, 'cl-1')
  await page.getByTestId('palette-pod').focus()
  await page.keyboard.press('Enter')
  await expect(page.getByTestId('toast')).toContainText('vSphere Namespace')
  // Pod resources are shown in Kubernetes units and typed the same way.
  await page.getByTestId('node-pod-2').click()
  await page.getByTestId('field-containers.0.requests.cpu').fill('1.5')
  await page.getByTestId('field-containers.0.requests.cpu').press('Enter')
  await expect(page.getByTestId('field-containers.0.requests.cpu')).toHaveValue('1500m')
  await page.getByTestId('field-containers.0.limits.memory').fill('lots')
  await page.getByTestId('field-containers.0.limits.memory').press('Enter')
  await expect(page.getByTestId('field-error-containers.0.limits.memory')).toContainText('512Mi')
})
