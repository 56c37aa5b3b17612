import { isWorkloadKind, type Kind, type WorkloadKind } from '../domain/kinds'
import { resolveTopology } from '../domain/resolve'
import type { LabNode, Topology } from '../domain/topology'
import { admitWorkload } from './admission'
import { faultProblem, FaultError, handleFault } from './faults'
import { formatFault } from './fault-syntax'
import { deleteObject } from './flows/delete'
import { runDeployment } from './flows/deployment'
import { createNamespace } from './flows/namespace'
import { runPod } from './flows/pod'
import { onCapacityFreed } from './retry'
import { runPvc, runService } from './flows/small'
import { enableSupervisor } from './flows/supervisor'
import { enableService, servicesInOrder } from './flows/supervisor-service'
import { runTkc } from './flows/tkc'
import { runVm } from './flows/vm'
import { LANES } from './lanes'
import { Planner } from './planner'
import { initialState, SETTLED_OK, STATUS } from './state'
import type { DeployedState, EngineState, Fault, Run, RunSummary } from './types'

/** Order workloads start in within a namespace: volumes and services before what uses them. */
export const WORKLOAD_ORDER: readonly Kind[] = ['pvc', 'service', 'pod', 'deployment', 'vm', 'tkc']

/**
 * Plans a run: the steps that take the platform from `deployed` (nothing when omitted) to
 * `topology`. Removed objects are torn down first (workloads, namespaces and services,
 * Supervisors), then new ones are provisioned (Supervisors, their Supervisor Services, namespaces,
 * then each namespace's workloads). Faults become
 * steps at their `atSeq` and the run continues with their consequences. Pure: the same inputs
 * give a byte-identical step list. Throws FaultError when a fault names no such target.
 */
export function plan(
  topology: Topology,
  deployed: DeployedState | undefined,
  seed: number,
  faults: readonly Fault[] = [],
): Run {
  const r = resolveTopology(topology)
  for (const fault of faults) {
    const why = faultProblem(r, fault)
    if (why !== null) throw new FaultError(`fault ${formatFault(fault)}: ${why}`)
  }
  const state = initialState(topology, deployed)
  const p = new Planner(r, state, seed, faults, { onFault: handleFault, onCapacityFreed })

  if (deployed) {
    const present = new Set(topology.nodes.map((n) => n.id))
    const gone = deployed.topology.nodes.filter((n) => !present.has(n.id))
    const rank = (n: LabNode) =>
      isWorkloadKind(n.kind)
        ? 0
        : n.kind === 'namespace' || n.kind === 'supervisor-service'
          ? 1
          : n.kind === 'supervisor'
            ? 2
            : 3
    for (const node of [...gone].sort((a, b) => rank(a) - rank(b) || (a.id < b.id ? -1 : 1)))
      if (rank(node) < 3) p.queue(() => deleteObject(p, node.id))
  }
  p.queuePeriodicPass()
  const absent = (n: LabNode) => p.status(n.id) === STATUS.absent
  for (const sv of r.ofKind('supervisor'))
    if (absent(sv)) p.queue(() => enableSupervisor(p, sv as LabNode & { kind: 'supervisor' }))
  for (const svc of servicesInOrder(r)) if (absent(svc)) p.queue(() => enableService(p, svc))
  for (const ns of r.ofKind('namespace'))
    if (absent(ns)) p.queue(() => createNamespace(p, ns as LabNode & { kind: 'namespace' }))
  for (const ns of r.ofKind('namespace')) {
    const children = r.index.children.get(ns.id) ?? []
    for (const kind of WORKLOAD_ORDER)
      for (const node of children.filter((c) => c.kind === kind).sort((a, b) => (a.id < b.id ? -1 : 1)))
        if (absent(node)) p.queue(() => runWorkload(p, node))
  }
  // Workloads outside any namespace cannot be provisioned; they fail with the reason.
  for (const kind of WORKLOAD_ORDER)
    for (const node of r.ofKind(kind))
      if (r.index.byId.get(node.parentId ?? '')?.kind !== 'namespace' && absent(node))
        p.queue(() =>
          p.emit({
            sequence: 'delete',
            object: node.id,
            actor: LANES.user,
            target: 'kube-apiserver',
            action: 'pod-admit',
            text: `${node.name} is not in a vSphere Namespace, so nothing can create it.`,
            set: [
              ['objects', node.id, 'status', STATUS.failed],
              ['objects', node.id, 'reason', 'not in a vSphere Namespace'],
            ],
            failure: { code: 'not-in-namespace', reason: 'not in a vSphere Namespace' },
          }),
        )
  p.drain()
  return { steps: p.steps, summary: summarize(p.state, seed, p.steps.length, p.now, faults, p.injected) }
}

type Typed<K extends LabNode['kind']> = LabNode & { kind: K }

/** The flow that provisions each workload kind. */
const RUNNERS: Readonly<Record<WorkloadKind, (p: Planner, node: LabNode) => void>> = {
  pod: (p, node) =>
    runPod(p, {
      id: node.id,
      name: node.name,
      nsId: node.parentId ?? '',
      spec: p.r.spec(node as Typed<'pod'>),
      sequence: 'pod',
    }),
  deployment: (p, node) => runDeployment(p, node as Typed<'deployment'>),
  vm: (p, node) => runVm(p, node as Typed<'vm'>),
  tkc: (p, node) => runTkc(p, node as Typed<'tkc'>),
  pvc: (p, node) => runPvc(p, node as Typed<'pvc'>),
  service: (p, node) => runService(p, node as Typed<'service'>),
}

/** Admission first (the domain rules validate lists), then the workload's own flow. */
function runWorkload(p: Planner, node: LabNode): void {
  if (isWorkloadKind(node.kind) && admitWorkload(p, node)) RUNNERS[node.kind](p, node)
}

const TRACKED = new Set([
  'supervisor',
  'supervisor-service',
  'namespace',
  'pod',
  'deployment',
  'vm',
  'tkc',
  'pvc',
  'service',
  'control-plane-vm',
  'tkc-node',
])

function summarize(
  state: EngineState,
  seed: number,
  steps: number,
  durationMs: number,
  faults: readonly Fault[],
  injected: readonly Fault[],
): RunSummary {
  const statuses: Record<string, number> = {}
  const problems: RunSummary['problems'] = []
  for (const id of Object.keys(state.objects).sort()) {
    const o = state.objects[id]!
    if (!TRACKED.has(String(o['kind']))) continue
    const s = String(o['status'])
    statuses[s] = (statuses[s] ?? 0) + 1
    if (!SETTLED_OK.includes(s) && s !== 'PoweredOff')
      problems.push({ object: id, status: s, reason: String(o['reason'] ?? '') })
  }
  const sorted: Record<string, number> = {}
  for (const k of Object.keys(statuses).sort()) sorted[k] = statuses[k]!
  return {
    seed,
    steps,
    durationMs,
    statuses: sorted,
    problems,
    faults: faults.map((fault) => ({ fault, injected: injected.includes(fault) })),
  }
}
