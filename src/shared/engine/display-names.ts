import { KIND_LABELS, type Kind } from '../domain/kinds'
import type { Topology } from '../domain/topology'
import type { Effect, Fault, FaultKind, Step } from './types'

/**
 * What a person reads for an object: its name and its kind, never its id (issue 15). One
 * resolver for every surface that shows a run or a lab (the renderer's event list, lanes,
 * filters, run labels and toasts; the CLI's run output). It learns names from the lab's
 * topology and from the run itself: objects the platform creates (control-plane VMs, replicas,
 * node VMs, CRX) get their name in the step that creates them (an effect on `name`).
 */

/** An object as a person knows it. `kind` is a lab kind or an engine kind (`crx`, `tkc-node`). */
export interface NamedObject {
  name: string
  kind: string
}

/** Labels of the kinds only the engine creates; lab kinds use KIND_LABELS. */
const ENGINE_KIND_LABELS: Readonly<Record<string, string>> = {
  crx: 'CRX runtime',
  'tkc-node': 'Kubernetes node VM',
  registry: 'Image registry',
}

/** "ESXi host", "CRX runtime"; a kind nobody labelled reads as itself. */
export function kindLabel(kind: string): string {
  return (KIND_LABELS as Readonly<Record<string, string>>)[kind] ?? ENGINE_KIND_LABELS[kind] ?? kind
}

/** Components of the platform as the sequence view names them; per-host lanes add "on HOST". */
const LANE_LABELS: Readonly<Record<string, string>> = {
  user: 'user (kubectl)',
  'api-vip-lb': 'API VIP load balancer',
  'scheduler-extension': 'scheduler extension',
  vcenter: 'vCenter',
  drs: 'DRS',
  eam: 'ESX Agent Manager',
  nsx: 'NSX Manager',
  ncp: 'NCP',
  haproxy: 'HAProxy',
  avi: 'Avi',
  'image-service': 'image service',
  'vm-operator': 'VM Operator',
  capi: 'Cluster API',
  cns: 'CNS',
  'vsphere-ha': 'vSphere HA',
  crx: 'CRX',
  'nsx-agent': 'NSX agent',
}

/** Splits an engine path into segments, keeping the separators. */
const PATH = /([/:])/

/** Effect keys whose values are object ids (the state's references between records). */
const REFERENCE_KEYS: ReadonlySet<string> = new Set(['host', 'supervisor', 'ns', 'pod', 'owner'])

const FAULT_LABELS: Readonly<Record<FaultKind, string>> = {
  'host-failure': 'Host failure',
  'host-maintenance': 'Maintenance mode',
  'registry-outage': 'Registry outage',
  'quota-change': 'Quota change',
  'ip-exhaustion': 'NSX IP exhaustion',
}

export class DisplayNames {
  private readonly known = new Map<string, NamedObject>()
  /** Names of the lab's objects, for telling a fault target given by name from one given by id. */
  private readonly names = new Set<string>()

  /** Names from each topology in turn: a later one (the run's own lab) overrides an earlier one. */
  constructor(...topologies: readonly (Topology | null | undefined)[]) {
    for (const topology of topologies)
      for (const node of topology?.nodes ?? []) this.add(node.id, { name: node.name, kind: node.kind })
  }

  private add(id: string, named: NamedObject) {
    this.known.set(id, named)
    this.names.add(named.name)
  }

  /** Learns the names and kinds a run's steps give the objects they create. */
  learn(steps: Iterable<Step>): this {
    for (const step of steps) this.learnEffects(step.effects)
    return this
  }

  private learnEffects(effects: readonly Effect[]) {
    for (const e of effects) {
      if (typeof e.after !== 'string' || (e.key !== 'name' && e.key !== 'kind')) continue
      const current = this.known.get(e.id)
      if (e.key === 'name') this.add(e.id, { name: e.after, kind: current?.kind ?? tableKind(e) })
      else if (current) this.known.set(e.id, { ...current, kind: e.after })
      else this.known.set(e.id, { name: '', kind: e.after })
    }
  }

  /** The object, when the lab or the run names it. */
  find(id: string): NamedObject | null {
    const named = this.known.get(id)
    return named && named.name !== '' ? named : null
  }

  /**
   * The object's name; an id nobody named reads as the kind it looks like, said to be missing
   * (a stored run's object the lab has since lost), never as the id. A record of the engine
   * below an object (`sv-1/pool/namespaces`, `dep-1/7/crx`) reads with its owners' names.
   */
  name(id: string): string {
    const named = this.find(id)
    if (named) return named.name
    if (this.names.has(id)) return id
    const parts = id.split(PATH)
    if (parts.length > 1 && parts.some((part) => this.find(part))) return this.path(id)
    return 'an object not in this lab'
  }

  /** Every segment of an engine path (`/` and `:` separated) that is an object's id, by its name. */
  path(text: string): string {
    return text
      .split(PATH)
      .map((part) => this.find(part)?.name ?? part)
      .join('')
  }

  /** Name and kind: "esxi-02 (ESXi host)". */
  label(id: string): string {
    const named = this.find(id)
    return named ? `${named.name} (${kindLabel(named.kind)})` : this.name(id)
  }

  /** A lane as a person reads it: `hostd:host-1` -> "hostd on esxi-01", `crx:pod-1` -> "CRX of web-1". */
  lane(lane: string): string {
    const colon = lane.indexOf(':')
    const base = colon < 0 ? lane : lane.slice(0, colon)
    const label = LANE_LABELS[base] ?? base
    if (colon < 0) return label
    const of = lane.slice(colon + 1)
    return `${label} ${base === 'crx' ? 'of' : 'on'} ${this.name(of)}`
  }

  /** A state change's value: references to objects read as names. */
  value(key: string, value: Effect['after']): string {
    if (value === null) return '—'
    if (typeof value !== 'string') return String(value)
    return REFERENCE_KEYS.has(key) ? this.name(value) : this.path(value)
  }

  /** What a fault does to what, at which step: "Host failure of esxi-02 at step 30". */
  fault(fault: Fault): string {
    const target = fault.kind === 'registry-outage' ? `registry ${fault.target}` : this.name(fault.target)
    const value = fault.value ? ` (${fault.value})` : ''
    return `${FAULT_LABELS[fault.kind]} of ${target}${value} at step ${fault.atSeq}`
  }

  /**
   * A stored run's title: its own label ("Run 2 · seed 7") and its faults by name. The faults
   * are read from the run, not from the label, whose older versions wrote the targets' ids.
   */
  run(run: { label: string; faults: readonly Fault[] }): string {
    const root = run.label.split(' + ')[0] ?? run.label
    return [root, ...run.faults.map((f) => this.fault(f))].join(' + ')
  }
}

/** The kind a record's table implies when the step names an object before saying its kind. */
function tableKind(e: Effect): string {
  if (e.on === 'hosts') return 'host' satisfies Kind
  if (e.on === 'namespaces') return 'namespace' satisfies Kind
  return 'object'
}
