import { describe, expect, it } from 'vitest'

import { generateLargeLab } from '../../../shared/domain/large-lab'
import { searchMatches } from './search-match'

const topology = generateLargeLab({ hosts: 64, namespaces: 50, pods: 20_000 }).topology

describe('searchMatches', () => {
  it('finds a name shared by a pod in every namespace fifty times', () => {
    expect(searchMatches(topology, 'fn-0111')).toHaveLength(50)
  })

  it('finds one PodVM of 20,000 by namespace/name, as kubectl names it', () => {
    expect(searchMatches(topology, ' Team-44/fn-0111 ').map((n) => n.id)).toEqual(['ns-44-pod-0111'])
  })

  it('finds nothing for an empty query', () => {
    expect(searchMatches(topology, '  ')).toEqual([])
  })
})
