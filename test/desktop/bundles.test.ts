import { spawnSync } from 'node:child_process'
import { existsSync, readdirSync, readFileSync } from 'node:fs'
import { basename, join, relative } from 'node:path'
import { Worker } from 'node:worker_threads'

import { describe, expect, it } from 'vitest'

import { loadDemoLab } from '../../src/node/demo-lab'
import type { PlanMessage } from '../../src/node/planning/plan-messages'
import { plan } from '../../src/shared/engine/plan'
import { ROOT } from '../electron-stub/boot'
import { runPreload } from '../electron-stub/preload'

const out = (dir: string) => join(ROOT, 'out', dir)

function filesUnder(dir: string): string[] {
  if (!existsSync(dir)) throw new Error(`${dir} does not exist: run "npm run build" first`)
  return readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((e) => e.isFile() && /\.(c|m)?js$/.test(e.name))
    .map((e) => join(e.parentPath, e.name))
}

describe('the built bundles', () => {
  // A bundle that does not parse stops Electron before any window exists (issue 10).
  it.each(['main', 'preload'])('every script under out/%s parses', (dir) => {
    const files = filesUnder(out(dir))
    expect(files.length).toBeGreaterThan(0)
    const broken = files
      .map((file) => ({ file, check: spawnSync(process.execPath, ['--check', file], { encoding: 'utf8' }) }))
      .filter(({ check }) => check.status !== 0)
      .map(({ file, check }) => `${relative(ROOT, file)}: ${check.stderr.trim()}`)
    expect(broken).toEqual([])
  })

  it('the plan worker is bundled apart from main and plans a run in a worker thread', async () => {
    const script = filesUnder(out('main')).find((f) => basename(f).startsWith('plan-worker'))
    expect(script, 'a plan-worker bundle under out/main').toBeDefined()
    const topology = loadDemoLab().topology
    const worker = new Worker(script!)
    try {
      const messages = await new Promise<PlanMessage[]>((resolve, reject) => {
        const got: PlanMessage[] = []
        worker.on('error', reject)
        worker.on('message', (m: PlanMessage) => {
          got.push(m)
          if (m.kind !== 'steps') resolve(got)
        })
        worker.postMessage({ topologyJson: JSON.stringify(topology), seed: 1, faults: [], batch: 100 })
      })
      const expected = plan(topology, undefined, 1)
      expect(messages.at(-1)).toMatchObject({ kind: 'done', summary: expected.summary })
      const steps = messages.flatMap((m) => (m.kind === 'steps' ? m.steps : []))
      expect(steps.map((s) => s.text)).toEqual(expected.steps.map((s) => s.text))
    } finally {
      await worker.terminate()
    }
  })

  it('the preload is one CommonJS script that requires only electron', () => {
    const files = filesUnder(out('preload')).map((f) => relative(out('preload'), f))
    expect(files).toEqual(['index.cjs'])
    const source = readFileSync(join(out('preload'), 'index.cjs'), 'utf8')
    const requires = [...source.matchAll(/\brequire\s*\(([^)]*)\)/g)].map((m) => m[1]?.trim())
    expect(new Set(requires)).toEqual(new Set(['"electron"']))
  })

  it('the preload runs sandboxed and exposes window.lab, which invokes lab:<request> and hears pushes', async () => {
    const calls: { channel: string; args: unknown[] }[] = []
    const preload = runPreload(join(out('preload'), 'index.cjs'), (channel, args) => {
      calls.push({ channel, args })
      return Promise.resolve({ ok: true, value: 'answered' })
    })
    expect(preload.required).toEqual(['electron'])
    const lab = preload.exposed['lab'] as {
      invoke(method: string, input: unknown): Promise<unknown>
      onEvent(listener: (event: unknown) => void): () => void
    }
    expect(Object.keys(preload.exposed)).toEqual(['lab'])
    expect(await lab.invoke('getTopology', {})).toEqual({ ok: true, value: 'answered' })
    expect(calls).toEqual([{ channel: 'lab:getTopology', args: [{}] }])
    const heard: unknown[] = []
    const off = lab.onEvent((event) => heard.push(event))
    preload.push('lab:event', { name: 'labChanged' })
    off()
    preload.push('lab:event', { name: 'after unsubscribing' })
    expect(heard).toEqual([{ name: 'labChanged' }])
  })
})
