import { describe, expect, it } from 'vitest'

import { clusterApiFor, storageClassFor, vmApiFor } from '../defaults'
import {
  API_SINCE,
  FEATURES,
  hasFeature,
  missingFeature,
  servedApis,
  VCENTER_VERSIONS,
  VM_APIS,
} from './versions'

describe('features by vCenter version', () => {
  it('dates every row by a known version, each with a source', () => {
    for (const row of [...Object.values(FEATURES), ...Object.values(API_SINCE)]) {
      if (row.since !== null) expect(VCENTER_VERSIONS).toContain(row.since)
      expect(row.source.length).toBeGreaterThan(5)
    }
  })
  it('has a feature from its version on, says when it arrives before, and never what no version has', () => {
    expect(hasFeature('7.0U3', 'zones')).toBe(false)
    expect(hasFeature('8.0', 'zones')).toBe(true)
    expect(hasFeature('9.0', 'zones')).toBe(true)
    expect(missingFeature('7.0U3', 'zones')).toBe(
      'vCenter 7.0U3 has no three-zone Supervisors (vSphere Zones) (it arrives with 8.0)',
    )
    expect(hasFeature('9.0', 'vsphere-pods-on-vds')).toBe(false)
    expect(servedApis('8.0U2', VM_APIS)).toEqual(['v1alpha1', 'v1alpha2'])
  })
  it('picks the newest API the vCenter serves, and refuses a chosen one it does not', () => {
    expect(vmApiFor('8.0U3')).toEqual({ ok: true, value: 'v1alpha3' })
    expect(vmApiFor('8.0')).toEqual({ ok: true, value: 'v1alpha1' })
    expect(vmApiFor('8.0', 'v1alpha2').ok).toBe(false)
    expect(clusterApiFor('7.0U3', 'tkc')).toEqual({ ok: true, value: 'tkc-v1alpha2' })
    expect(clusterApiFor('7.0U3', 'capi').ok).toBe(false)
    expect(clusterApiFor('8.0', 'capi')).toEqual({ ok: true, value: 'capi-v1beta1' })
  })
})

describe('the storage class resolver', () => {
  const ns = (...policies: string[]) => ({
    name: 'team',
    spec: { storage: policies.map((policy) => ({ policy })), vmClasses: [] },
  })
  it("takes the named class, else the namespace's only policy, and asks when there are several", () => {
    expect(storageClassFor(ns('gold', 'silver'), 'silver', 'x')).toEqual({ ok: true, value: 'silver' })
    expect(storageClassFor(ns('gold'), '', 'x')).toEqual({ ok: true, value: 'gold' })
    const several = storageClassFor(ns('gold', 'silver'), '', 'VM "db"')
    expect(several.ok ? '' : several.refusal.hint).toBe('Set its storage class to one of: gold, silver')
    const none = storageClassFor(ns(), '', 'VM "db"')
    expect(none.ok ? '' : none.refusal.code).toBe('storage-class-missing')
    const unbound = storageClassFor(ns('gold'), 'bronze', 'VM "db"')
    expect(unbound.ok ? '' : unbound.refusal.code).toBe('storage-class-not-bound')
  })
})
