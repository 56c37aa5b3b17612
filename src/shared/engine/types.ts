import { z } from 'zod'

import { Topology } from '../domain/topology'

/**
 * The engine's data: faults, effects, placement tables, steps, runs and state, as zod schemas
 * (persistence stores them as JSON, the contract sends them) with the types derived.
 */

export const FAULT_KINDS = [
  'host-failure',
  'host-maintenance',
  'registry-outage',
  'quota-change',
  'ip-exhaustion',
] as const
export type FaultKind = (typeof FAULT_KINDS)[number]

/**
 * A fault injected at step `atSeq` (it becomes that step). `target` is an object id or name
 * (a registry host name for registry-outage). `value`: for quota-change `pods=N`, `cpu=MHz`,
 * `memory=MiB` or `storage=MiB` (default: no more pods); for registry-outage the outage length
 * in simulated ms (default: to the end of the run).
 */
export const Fault = z.object({
  kind: z.enum(FAULT_KINDS),
  target: z.string().min(1),
  atSeq: z.number().int().positive(),
  value: z.string().optional(),
})
export type Fault = z.output<typeof Fault>

export const Scalar = z.union([z.string(), z.number(), z.boolean()])
export type Scalar = z.output<typeof Scalar>

export const EFFECT_TABLES = ['objects', 'hosts', 'namespaces', 'pools'] as const
export type EffectTable = (typeof EFFECT_TABLES)[number]

/** One field change: `before`/`after` null means the field (or the whole record) is absent. */
export const Effect = z.object({
  on: z.enum(EFFECT_TABLES),
  id: z.string(),
  key: z.string(),
  before: Scalar.nullable(),
  after: Scalar.nullable(),
})
export type Effect = z.output<typeof Effect>

export const FilterVerdict = z.object({
  filter: z.string(),
  pass: z.boolean(),
  reason: z.string().optional(),
})
export type FilterVerdict = z.output<typeof FilterVerdict>

/**
 * A rule that keeps VMs apart (DOMAIN.md 5): the Supervisor control-plane VMs' anti-affinity
 * policy, or a DRS cluster module of a Kubernetes cluster. A hard rule makes a host that breaks
 * it infeasible; a soft rule is kept when some feasible host allows it and broken otherwise.
 */
export const PlacementRule = z.object({
  id: z.string(),
  name: z.string(),
  hard: z.boolean(),
  /** Where the rule and its hardness come from. */
  source: z.string(),
})
export type PlacementRule = z.output<typeof PlacementRule>

/** One host's line in an explained placement (DOMAIN.md 5). */
export const PlacementRow = z.object({
  host: z.string(),
  hostName: z.string(),
  /** kube-scheduler filter verdicts (empty for VMs, which DRS places alone). */
  filters: z.array(FilterVerdict),
  /** kube-scheduler LeastAllocated score 0-100, null when filtered out or not scored. */
  score: z.number().nullable(),
  unreservedCpuMhz: z.number(),
  unreservedMemoryMiB: z.number(),
  /** Reservation plus overhead this placement needs on the host. */
  needCpuMhz: z.number(),
  needMemoryMiB: z.number(),
  activeCpuMhz: z.number(),
  activeMemoryMiB: z.number(),
  /** DRS's verdict: null when the host never reached DRS. */
  drs: z.object({ pass: z.boolean(), reason: z.string().optional() }).nullable(),
  chosen: z.boolean(),
  /** One verdict per rule of the placement, in the order of `Placement.rules`. */
  rules: z.array(z.object({ pass: z.boolean(), reason: z.string().optional() })).optional(),
})
export type PlacementRow = z.output<typeof PlacementRow>

export const Placement = z.object({
  /** Who decided: kube-scheduler then DRS (vSphere Pods), DRS alone (VMs), or EAM. */
  by: z.enum(['kube-scheduler+drs', 'drs', 'eam', 'ha']),
  rows: z.array(PlacementRow),
  chosen: z.string().nullable(),
  /** One sentence: why this host, or why none. */
  explanation: z.string(),
  /** Rules that keep VMs apart, one column each in the table (absent when none applies). */
  rules: z.array(PlacementRule).optional(),
})
export type Placement = z.output<typeof Placement>

export const SEQUENCES = [
  'supervisor',
  'supervisor-service',
  'namespace',
  'pod',
  'deployment',
  'vm',
  'tkc',
  'pvc',
  'service',
  'delete',
  'fault',
] as const
export type Sequence = (typeof SEQUENCES)[number]

/** One step of a run. `object` is the id whose provisioning the step advances. */
export const Step = z.object({
  seq: z.number().int().positive(),
  /** Simulated start time in ms from the run's start. */
  t: z.number().int().nonnegative(),
  duration: z.number().int().nonnegative(),
  sequence: z.enum(SEQUENCES),
  object: z.string(),
  actor: z.string(),
  target: z.string(),
  action: z.string(),
  text: z.string(),
  seedStep: z.number().int().min(1).max(7).nullable(),
  effects: z.array(Effect),
  placement: Placement.optional(),
  failure: z.object({ code: z.string(), reason: z.string() }).optional(),
})
export type Step = z.output<typeof Step>

/** One record of a state table: a flat map of scalars. */
export const StateRecordSchema = z.record(z.string(), Scalar)
/** State of every object, host, namespace and IP pool: flat records of scalars. */
export const EngineState = z.object({
  objects: z.record(z.string(), StateRecordSchema),
  hosts: z.record(z.string(), StateRecordSchema),
  namespaces: z.record(z.string(), StateRecordSchema),
  pools: z.record(z.string(), StateRecordSchema),
})
export type EngineState = z.output<typeof EngineState>
export type StateRecord = Record<string, Scalar>

/** What is already on the platform: the topology last deployed and the state it ended in. */
export const DeployedState = z.object({ topology: Topology, state: EngineState })
export type DeployedState = z.output<typeof DeployedState>

export const RunSummary = z.object({
  seed: z.number().int(),
  steps: z.number().int(),
  durationMs: z.number().int(),
  /** Objects by final status. */
  statuses: z.record(z.string(), z.number().int()),
  /** Objects that did not end Running, with why. */
  problems: z.array(z.object({ object: z.string(), status: z.string(), reason: z.string() })),
  faults: z.array(z.object({ fault: Fault, injected: z.boolean() })),
})
export type RunSummary = z.output<typeof RunSummary>

export const Run = z.object({ steps: z.array(Step), summary: RunSummary })
export type Run = z.output<typeof Run>
