import { describe, expect, it } from 'vitest'

import { SPEC_SCHEMAS } from '../../../shared/domain/specs'
import { formatQuantity, parseQuantity } from './quantity'
import { blankOf, describeSchema, setIn } from './schema-walk'

describe('inspector quantities and schema reading', () => {
  it('shows and reads CPU as millicores or cores and memory as Mi/Gi', () => {
    expect(formatQuantity(500, 'cpu')).toBe('500m')
    expect(formatQuantity(2048, 'memory')).toBe('2Gi')
    expect(parseQuantity('1.5', 'cpu')).toEqual({ value: 1500 })
    expect(parseQuantity('512Mi', 'memory')).toEqual({ value: 512 })
    expect(parseQuantity('lots', 'memory')).toEqual({ error: expect.stringContaining('512Mi') as string })
  })

  it('reads every spec schema into fields, with units and enums', () => {
    const pod = describeSchema(SPEC_SCHEMAS.pod)
    expect(pod.type).toBe('object')
    const containers = pod.type === 'object' ? pod.fields.find(([k]) => k === 'containers')?.[1] : undefined
    expect(containers?.type).toBe('array')
    const tkc = describeSchema(SPEC_SCHEMAS.tkc)
    const cp = tkc.type === 'object' ? tkc.fields.find(([k]) => k === 'controlPlane')?.[1] : undefined
    const replicas = cp?.type === 'object' ? cp.fields.find(([k]) => k === 'replicas')?.[1] : undefined
    expect(replicas).toMatchObject({ type: 'enum', options: [1, 3] })
  })

  it('gives new list items a blank shape and edits nested paths immutably', () => {
    const ns = describeSchema(SPEC_SCHEMAS.namespace)
    const perms = ns.type === 'object' ? ns.fields.find(([k]) => k === 'permissions')?.[1] : undefined
    expect(perms?.type === 'array' && blankOf(perms.item)).toEqual({
      subjectType: 'USER',
      subject: '',
      domain: 'vsphere.local',
      role: 'OWNER',
    })
    const before = { a: [{ b: 1 }] }
    expect(setIn(before, ['a', 0, 'b'], 2)).toEqual({ a: [{ b: 2 }] })
    expect(before).toEqual({ a: [{ b: 1 }] })
  })
})
