import { cidrsOverlap, parseCidr } from '../cidr'
import { ALLOWED_PARENTS, KIND_LABELS, WORKLOAD_KINDS, type Kind } from '../kinds'
import { dnsLabelProblem } from '../names'
import { isKind } from '../resolve'
import { finding, type Finding, type Rule } from './rule'

const ALL_KINDS = Object.keys(ALLOWED_PARENTS) as Kind[]

/** Kinds whose names become Kubernetes or vCenter object names, hence DNS labels (DOMAIN.md 6.4). */
const DNS_NAMED: readonly Kind[] = ['supervisor', 'namespace', ...WORKLOAD_KINDS]

/** Structure, names and networks (DESIGN.md 3, DOMAIN.md 1.2, 2, 6.4). */
export const COMMON_RULES: readonly Rule[] = [
  {
    code: 'spec-invalid',
    severity: 'error',
    kinds: ALL_KINDS,
    source: 'DESIGN.md 3',
    check(node, r) {
      const why = r.specError(node.id)
      return why === undefined
        ? null
        : finding(
            `${KIND_LABELS[node.kind]} "${node.name}" has an invalid spec: ${why}`,
            'Correct the fields named',
          )
    },
  },
  {
    code: 'parent-not-allowed',
    severity: 'error',
    kinds: ALL_KINDS,
    source: 'DOMAIN.md 1.2',
    check(node, r) {
      const parent = node.parentId === null ? null : r.index.byId.get(node.parentId)
      const parentKind = parent === null ? null : (parent?.kind ?? null)
      if (ALLOWED_PARENTS[node.kind].includes(parentKind)) return null
      const allowed = ALLOWED_PARENTS[node.kind].map((k) => (k === null ? 'the canvas' : KIND_LABELS[k]))
      return finding(
        `${KIND_LABELS[node.kind]} "${node.name}" is inside ${parentKind === null ? 'the canvas' : KIND_LABELS[parentKind]}; it belongs in ${allowed.join(' or ')}`,
        `Move it into ${allowed.join(' or ')}`,
      )
    },
  },
  {
    code: 'name-not-dns-label',
    severity: 'error',
    kinds: DNS_NAMED,
    source: 'DOMAIN.md 6.4',
    check(node) {
      const why = dnsLabelProblem(node.name)
      return why === null
        ? null
        : finding(
            `${KIND_LABELS[node.kind]} name ${why}`,
            'Use lower-case letters, digits and "-", at most 63',
          )
    },
  },
  {
    code: 'namespace-name-not-unique',
    severity: 'error',
    kinds: ['vcenter'],
    source: 'DOMAIN.md 1.1, 2',
    check(vcenter, r) {
      // Namespace names are unique across the vCenter, over every Supervisor it serves.
      const seen = new Map<string, string>()
      const out: Finding[] = []
      for (const ns of r.ofKind('namespace')) {
        const sv = ns.parentId === null ? undefined : r.index.byId.get(ns.parentId)
        const cluster = sv ? r.clustersOf(sv.id)[0] : undefined
        if (!cluster || cluster.parentId !== vcenter.id) continue
        const first = seen.get(ns.name)
        if (first === undefined) seen.set(ns.name, ns.id)
        else
          out.push(
            finding(
              `Namespace name "${ns.name}" is used twice in vCenter "${vcenter.name}"`,
              'Rename one namespace: names are unique per vCenter',
              ns.id,
            ),
          )
      }
      return out
    },
  },
  {
    code: 'name-not-unique-in-namespace',
    severity: 'error',
    kinds: ['namespace'],
    source: 'Kubernetes object names',
    check(ns, r) {
      const seen = new Set<string>()
      const out: Finding[] = []
      for (const child of r.index.children.get(ns.id) ?? []) {
        const key = `${child.kind}/${child.name}`
        if (!seen.has(key)) seen.add(key)
        else
          out.push(
            finding(
              `Two ${KIND_LABELS[child.kind]} objects are named "${child.name}" in namespace "${ns.name}"`,
              'Rename one of them',
              child.id,
            ),
          )
      }
      return out
    },
  },
  {
    code: 'cidr-overlap',
    severity: 'error',
    kinds: ['supervisor'],
    source: 'DOMAIN.md 2',
    check(sv, r) {
      if (!isKind(sv, 'supervisor')) return null
      const net = r.networkOf(sv.id)
      if (!isKind(net, 'network')) return null
      const spec = r.spec(net)
      const ranges: { label: string; cidr: string; id: string }[] = [
        { label: 'service CIDR', cidr: spec.serviceCidr, id: net.id },
        { label: 'namespace CIDR', cidr: spec.namespaceCidr, id: net.id },
        { label: 'ingress CIDR', cidr: spec.ingressCidr, id: net.id },
        { label: 'egress CIDR', cidr: spec.egressCidr, id: net.id },
      ]
      for (const ns of r.index.children.get(sv.id) ?? []) {
        if (!isKind(ns, 'namespace')) continue
        const o = r.spec(ns).networkOverride
        if (o?.namespaceCidr)
          ranges.push({ label: `namespace "${ns.name}" CIDR`, cidr: o.namespaceCidr, id: ns.id })
        if (o?.ingressCidr)
          ranges.push({ label: `namespace "${ns.name}" ingress`, cidr: o.ingressCidr, id: ns.id })
        if (o?.egressCidr)
          ranges.push({ label: `namespace "${ns.name}" egress`, cidr: o.egressCidr, id: ns.id })
      }
      const out: Finding[] = []
      const parsed = ranges.map((x) => ({ ...x, range: parseCidr(x.cidr) }))
      for (let i = 0; i < parsed.length; i++)
        for (let j = i + 1; j < parsed.length; j++) {
          const a = parsed[i]!
          const b = parsed[j]!
          if (a.range && b.range && cidrsOverlap(a.range, b.range))
            out.push(
              finding(
                `The ${a.label} ${a.cidr} overlaps the ${b.label} ${b.cidr}`,
                'Choose ranges that do not overlap',
                b.id,
              ),
            )
        }
      return out
    },
  },
]
