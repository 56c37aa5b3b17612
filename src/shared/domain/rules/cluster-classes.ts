import type { FeatureRow } from './versions'

/**
 * The ClusterClasses a Cluster API Cluster on a Supervisor can name, as data (rules/README.md).
 * `tanzukubernetescluster` ships with TKG 2 on vSphere 8; VKS publishes `builtin-generic-v3.x`
 * classes in the namespace `vmware-system-vks-public`, one per VKS release, each for a window of
 * Kubernetes releases. A class is a FeatureRow: `since`/`until` say which vCenters have it.
 */
export interface ClusterClassRow extends FeatureRow {
  name: string
  /** Namespace the class lives in; undefined for a class in every user namespace. */
  namespace?: string
  /** VKS release that publishes the class (builtin-generic only). */
  vks?: string
  /** Oldest and newest Kubernetes minor the class builds (`1.29`), when a source gives them. */
  kubernetes?: readonly [string, string]
  /** Variables a Cluster must set, with where that is read. */
  variables: { required: readonly string[]; source: string; unverified?: string }
}

export const VKS_CLASS_NAMESPACE = 'vmware-system-vks-public'

const TKC_VARIABLES = {
  required: ['vmClass', 'storageClass'],
  source:
    '[D8-CC] "Two variables are required to provision a Cluster using the v1beta1 API: VM class, storage class"',
} as const

const GENERIC_VARIABLES = {
  required: ['vmClass', 'storageClass'],
  source:
    '[PAPI-TF] classycluster.yaml.tmpl (a Cluster of class builtin-generic-v3.1.0 setting vmClass and storageClass)',
  unverified:
    'no public schema of the builtin-generic variables was read; the names come from a public example',
} as const

const generic = (minor: number, kubernetes?: readonly [string, string]): ClusterClassRow => ({
  name: `builtin-generic-v3.${minor}.0`,
  label: `ClusterClass builtin-generic-v3.${minor}.0 (VKS 3.${minor})`,
  since: '8.0U3',
  source:
    '[SVC-README] VKS releases 3.1.0 to 3.4.0 (VKS needs vSphere 8.0 U3); [PAPI-TF] builtin-generic-v3.1.0 in vmware-system-vks-public',
  unverified:
    'that VKS 3.N publishes builtin-generic-v3.N.0, and the class namespace, are read from public guides, not product documents',
  namespace: VKS_CLASS_NAMESPACE,
  vks: `3.${minor}.0`,
  ...(kubernetes ? { kubernetes } : {}),
  variables: GENERIC_VARIABLES,
})

export const CLUSTER_CLASSES: readonly ClusterClassRow[] = [
  {
    name: 'tanzukubernetescluster',
    label: 'ClusterClass tanzukubernetescluster',
    since: '8.0',
    until: '9.0',
    source:
      '[D8-CC] "TKG Service ships with a default ClusterClass definition named tanzukubernetescluster"; DOMAIN.md 9 (VKS Supervisors publish builtin-generic instead)',
    unverified:
      'that VCF 9.0 Supervisors no longer offer tanzukubernetescluster is read from public guides, not a release note',
    variables: TKC_VARIABLES,
  },
  generic(1),
  generic(2),
  generic(3),
  generic(4, ['1.29', '1.33']),
]

export const clusterClassNamed = (name: string) => CLUSTER_CLASSES.find((c) => c.name === name)

/** Kubernetes minor of a TKR or VKr name: 'v1.31.4---vmware.1-fips-vkr.3' gives '1.31'. */
export function kubernetesMinor(release: string): string | undefined {
  const m = /^v?(\d+)\.(\d+)/.exec(release)
  return m ? `${m[1]}.${m[2]}` : undefined
}

const minorValue = (minor: string) => {
  const [a, b] = minor.split('.').map(Number)
  return (a ?? 0) * 1000 + (b ?? 0)
}

/** Whether a class builds a release: true when the class's window is unknown or holds its minor. */
export function classBuilds(row: ClusterClassRow, release: string): boolean {
  const minor = kubernetesMinor(release)
  if (!row.kubernetes || minor === undefined) return true
  return (
    minorValue(minor) >= minorValue(row.kubernetes[0]) && minorValue(minor) <= minorValue(row.kubernetes[1])
  )
}

/** Compares dotted versions ('3.3.3' against '3.4.0'); a leading 'v' is ignored. */
export function compareDotted(a: string, b: string): number {
  const pa = a.replace(/^v/, '').split(/[.+-]/).map(Number)
  const pb = b.replace(/^v/, '').split(/[.+-]/).map(Number)
  for (let i = 0; i < 3; i++) {
    const d = (pa[i] || 0) - (pb[i] || 0)
    if (d !== 0) return d
  }
  return 0
}

/**
 * Kubernetes releases the inspector offers, each with where its name is read: TKRs before VKS,
 * VKrs with it (`---` stands for `+`, DOMAIN.md 3.5). Other names may be typed.
 */
export const KUBERNETES_RELEASES: readonly { name: string; source: string }[] = [
  { name: 'v1.23.8---vmware.3-tkg.1', source: 'DOMAIN.md 3.6 (TKC v1alpha2 example)' },
  { name: 'v1.26.5---vmware.2-fips.1-tkg.1', source: 'DOMAIN.md 3.6 (Cluster example)' },
  { name: 'v1.31.4---vmware.1-fips-vkr.3', source: '[PAPI-TF] variables.tf (VKr on builtin-generic-v3.1.0)' },
]
