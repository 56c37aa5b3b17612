import type { Kind } from '../../../shared/domain/kinds'
import { isKind, type ResolvedTopology } from '../../../shared/domain/resolve'
import type { LabNode } from '../../../shared/domain/topology'
import { namespaceOf } from '../../../shared/domain/validation/namespace-rules'
import { imagesOf, storageClassesOf } from '../../../shared/domain/validation/workload-rules'
import { DEFAULT_VM_CLASSES } from '../../../shared/domain/vm-classes'
import { PLATFORM_CHOICES } from './platform-choices'

/** A field that names other objects: the valid names, grouped, offered as a select. */
export interface Choices {
  groups: readonly { label: string; options: readonly string[] }[]
  /** Label of the empty choice ('' in the spec) where empty is allowed. */
  empty?: string
  /** Whether names outside the choices may be typed too (images a library holds). */
  free?: boolean
  /** How a value outside the choices is marked; 'not in the lab' when unset. */
  outside?: string
}

/** Finds the choices of the field at a spec path, or undefined for a plain field. */
export type ChoicesFor = (path: readonly (string | number)[]) => Choices | undefined

const names = (r: ResolvedTopology, kind: Kind) => r.ofKind(kind).map((n) => n.name)
const sortedUnique = (list: Iterable<string>) => [...new Set(list)].sort()

/** Splits `all` into those the namespace offers and the rest, so the user sees what is bound. */
function split(bound: readonly string[], all: readonly string[], boundLabel: string, otherLabel: string) {
  const inNs = new Set(bound)
  return [
    { label: boundLabel, options: sortedUnique(bound) },
    { label: otherLabel, options: sortedUnique(all.filter((x) => !inNs.has(x))) },
  ].filter((g) => g.options.length > 0)
}

function vmClassNames(r: ResolvedTopology) {
  return [...DEFAULT_VM_CLASSES.map((c) => c.name), ...names(r, 'vm-class')]
}

/** VM classes for a workload: those bound to its namespace first, then the others. */
function workloadClasses(node: LabNode, r: ResolvedTopology): Choices {
  const ns = namespaceOf(node, r)
  const bound = ns ? r.spec(ns).vmClasses : []
  return { groups: split(bound, vmClassNames(r), 'Bound to the namespace', 'Not bound (bind it first)') }
}

/** Storage classes for a workload: its namespace's policies first, then the lab's others. */
function workloadStorage(node: LabNode, r: ResolvedTopology): Choices {
  const ns = namespaceOf(node, r)
  const bound = ns ? storageClassesOf(ns, r) : []
  return {
    groups: split(
      bound,
      names(r, 'storage-policy'),
      'Namespace storage policies',
      'Not assigned (assign first)',
    ),
    empty: 'namespace default',
  }
}

/** Path with list indices as `*`, the key of the table below. */
const pattern = (path: readonly (string | number)[]) =>
  path.map((p) => (typeof p === 'number' ? '*' : p)).join('.')

const TABLE: Partial<Record<Kind, Record<string, (node: LabNode, r: ResolvedTopology) => Choices>>> = {
  supervisor: {
    network: (_, r) => ({
      groups: [{ label: 'Network stacks', options: names(r, 'network') }],
      empty: 'none',
    }),
    controlPlaneStoragePolicy: (_, r) => ({
      groups: [{ label: 'Storage policies', options: names(r, 'storage-policy') }],
      empty: 'none',
    }),
  },
  namespace: {
    'storage.*.policy': (_, r) => ({
      groups: [{ label: 'Storage policies', options: names(r, 'storage-policy') }],
    }),
    vmClasses: (_, r) => ({ groups: [{ label: 'VM classes', options: vmClassNames(r) }] }),
    contentLibraries: (_, r) => ({
      groups: [{ label: 'Content libraries', options: names(r, 'content-library') }],
    }),
  },
  vm: {
    className: workloadClasses,
    storageClass: workloadStorage,
    image: (node, r) => {
      const ns = namespaceOf(node, r)
      const offered = ns ? [...imagesOf(ns, r)] : []
      const all = r
        .ofKind('content-library')
        .flatMap((l) => (isKind(l, 'content-library') ? r.spec(l).images : []))
      return {
        groups: split(offered, all, "In the namespace's libraries", 'In other libraries (add it first)'),
      }
    },
  },
  tkc: {
    'controlPlane.vmClass': workloadClasses,
    'controlPlane.storageClass': workloadStorage,
    'nodePools.*.vmClass': workloadClasses,
    'nodePools.*.storageClass': workloadStorage,
  },
  pvc: { storageClass: workloadStorage },
  'content-library': {
    // A library's images are its own to name; offer those the lab's VMs ask for.
    images: (_, r) => ({
      groups: [
        {
          label: "Images the lab's VMs use",
          options: sortedUnique(r.ofKind('vm').map((v) => (isKind(v, 'vm') ? r.spec(v).image : ''))).filter(
            Boolean,
          ),
        },
      ],
      free: true,
    }),
  },
}

/** The choices of each field of `node` that names other objects in the lab, or depends on its version. */
export function choicesOf(node: LabNode, r: ResolvedTopology): ChoicesFor {
  const table = { ...TABLE[node.kind], ...PLATFORM_CHOICES[node.kind] }
  return (path) => table[pattern(path)]?.(node, r)
}
