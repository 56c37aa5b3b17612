import fc from 'fast-check'

import type { RequestName } from '../../src/shared/contract/contract'
import { loadDemoLab } from '../../src/node/demo-lab'

/** What the fuzz needs to write inputs that reach past validation: a stored run, the data folder. */
export interface FuzzContext {
  runId: string
  dataDir: string
}

const demo = loadDemoLab().topology
const host1 = demo.nodes.find((n) => n.id === 'host-1')!
const POD =
  'apiVersion: v1\nkind: Pod\nmetadata: {name: fuzz, namespace: finance}\nspec:\n  containers: [{name: a, image: nginx}]\n'

/** Valid inputs of every request (against the demo lab), which the fuzz uses as is and mutates. */
export function validInputs(ctx: FuzzContext): Record<RequestName, unknown[]> {
  const none = [{}]
  const fault = { kind: 'host-failure', target: 'host-1', atSeq: 5 }
  return {
    getAppInfo: none,
    openDemoLab: none,
    getTopology: none,
    undo: none,
    redo: none,
    listRecentLabs: none,
    listFolder: [{}, { path: ctx.dataDir }, { path: `${ctx.dataDir}/missing` }],
    listRuns: none,
    getViewState: none,
    applyEdits: [
      {
        batch: {
          label: 'Rename',
          edits: [{ type: 'rename', id: 'ns-1', before: 'finance', after: 'fuzzed' }],
        },
      },
      {
        batch: {
          label: 'Move',
          edits: [{ type: 'moveNodes', moves: [{ id: 'host-1', from: host1.position, to: { x: 1, y: 2 } }] }],
        },
        baseRevision: 0,
      },
      {
        batch: {
          label: 'CPU',
          edits: [
            { type: 'setSpec', id: 'host-1', before: host1.spec, after: { ...host1.spec, cpuCores: 8 } },
          ],
        },
      },
    ],
    newLab: [{ path: 'fuzz-new.pacificlab' }],
    openLab: [{ path: 'demo.pacificlab' }, { path: `${ctx.dataDir}/missing.pacificlab` }],
    saveLabAs: [{ path: 'fuzz-copy.pacificlab', overwrite: true }],
    setViewState: [{ viewport: { x: 1, y: 2, zoom: 1 }, collapsed: ['cl-1'], selection: [] }],
    exportManifests: [{}, { options: { format: 'zip', vmApi: 'v1alpha2' } }],
    importManifests: [
      { files: [{ path: 'pod.yaml', content: POD }] },
      { files: [{ path: 'bad.yaml', content: 'kind: [\n' }], defaultNamespace: 'finance' },
    ],
    startRun: [
      { seed: 1, faults: [] },
      { seed: 2, faults: [fault] },
    ],
    openRun: [{ runId: ctx.runId }],
    getRunSteps: [
      { runId: ctx.runId, from: 1, count: 50 },
      { runId: ctx.runId, from: 40, count: 10_000 },
    ],
    getStep: [{ runId: ctx.runId, seq: 1 }],
    branchRun: [{ runId: ctx.runId, fault }],
  }
}

type Path = (string | number)[]

function paths(value: unknown, at: Path = [], out: Path[] = []): Path[] {
  out.push(at)
  if (value !== null && typeof value === 'object')
    for (const [k, v] of Object.entries(value)) paths(v, [...at, Array.isArray(value) ? Number(k) : k], out)
  return out
}

/** The input with one place changed: replaced by `value`, deleted, given an extra key, or made a string. */
function mutate(input: unknown, at: number, value: unknown, op: number): unknown {
  const copy: unknown = structuredClone(input)
  const all = paths(copy)
  const path = all[at % all.length] ?? []
  if (path.length === 0)
    return op === 2 && copy && typeof copy === 'object' ? { ...copy, extra: value } : value
  let parent = copy as Record<string | number, unknown>
  for (const key of path.slice(0, -1)) parent = parent[key] as Record<string | number, unknown>
  const key = path[path.length - 1]!
  if (op === 0) parent[key] = value
  else if (op === 1) delete parent[key]
  else if (op === 2) parent[key] = { extra: value }
  else parent[key] = asText(value)
  return copy
}

function asText(value: unknown): string {
  try {
    return String(value)
  } catch {
    return '[object without a text form]'
  }
}

/** What JSON over HTTP can carry. */
export const jsonValues: fc.Arbitrary<unknown> = fc.jsonValue({ maxDepth: 3 })

/** What Electron's structured clone can carry besides JSON: Maps, Sets, Dates, typed arrays, BigInts. */
export const cloneableValues: fc.Arbitrary<unknown> = fc.anything({
  maxDepth: 3,
  withMap: true,
  withSet: true,
  withDate: true,
  withTypedArray: true,
  withBigInt: true,
  withNullPrototype: true,
  withSparseArray: true,
  withBoxedValues: true,
})

/** Inputs for one request: valid ones, mutated ones and random values, about 3:4:3. */
export function inputsFor(
  valid: unknown[],
  values: fc.Arbitrary<unknown>,
  count: number,
  seed: number,
): unknown[] {
  const fixture = fc.constantFrom(...valid)
  const arb = fc.oneof(
    { weight: 3, arbitrary: fixture },
    {
      weight: 4,
      arbitrary: fc
        .tuple(fixture, fc.nat(), values, fc.nat(3))
        .map(([input, at, value, op]) => mutate(input, at, value, op)),
    },
    { weight: 3, arbitrary: values },
  )
  return fc.sample(arb, { numRuns: count, seed })
}
