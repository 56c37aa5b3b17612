import { expect, test } from './serve-fixture'
import { sampleLab } from '../support/samples'
import { docsScreenshot } from './docs-screenshot'

const demo = sampleLab('demo')

test('the browser shows the demo lab with every node, nested as in vSphere', async ({ page, served }) => {
  await page.goto(served.url)
  await expect(page.getByTestId('app-ready')).toBeVisible()
  await expect(page.getByTestId('canvas')).toBeVisible()
  for (const node of demo.topology.nodes) {
    const el = page.getByTestId(`node-${node.id}`)
    await expect(el).toBeVisible()
    await expect(el).toHaveAttribute('data-kind', node.kind)
    await expect(el).toContainText(node.name)
  }
  // Nesting: each host is drawn inside its cluster, each workload inside its namespace.
  const inside = async (child: string, parent: string) => {
    const c = await page.getByTestId(`node-${child}`).boundingBox()
    const p = await page.getByTestId(`node-${parent}`).boundingBox()
    expect(
      c &&
        p &&
        c.x >= p.x &&
        c.y >= p.y &&
        c.x + c.width <= p.x + p.width + 1 &&
        c.y + c.height <= p.y + p.height + 1,
    ).toBe(true)
  }
  await inside('host-1', 'cl-1')
  await inside('cl-1', 'vc-1')
  await inside('pod-1', 'ns-1')
  await inside('ns-1', 'sv-1')
  await docsScreenshot(page, 'demo-lab')
})

test('the API refuses calls without the token and from a foreign Host', async ({ request, served }) => {
  const noToken = await request.post(`${served.origin}/api/getAppInfo`, { data: {} })
  expect(noToken.status()).toBe(401)
  const foreign = await request.post(`${served.origin}/api/getAppInfo`, {
    data: {},
    headers: { authorization: `Bearer ${served.token}`, host: 'attacker.example:80' },
  })
  expect(foreign.status()).toBe(403)
  const good = await request.post(`${served.origin}/api/getAppInfo`, {
    data: {},
    headers: { authorization: `Bearer ${served.token}` },
  })
  expect(await good.json()).toMatchObject({ ok: true, value: { name: 'Pacific Lab', shell: 'serve' } })
})

test('invalid input gets a Result error naming the problem, and the server keeps serving', async ({
  request,
  served,
}) => {
  const headers = { authorization: `Bearer ${served.token}` }
  const bad = await request.post(`${served.origin}/api/getTopology`, { data: { surprise: 1 }, headers })
  expect(await bad.json()).toMatchObject({ ok: false, error: { code: 'invalid-input' } })
  const notJson = await request.post(`${served.origin}/api/getTopology`, {
    data: Buffer.from('{oops'),
    headers: { ...headers, 'content-type': 'application/json' },
  })
  expect(notJson.status()).toBe(400)
  const after = await request.post(`${served.origin}/api/getTopology`, { data: {}, headers })
  expect((await after.json()) as { ok: boolean }).toMatchObject({ ok: true })
})
