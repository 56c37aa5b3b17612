import { indexTopology, type Topology, type TopologyIndex } from '../../../shared/domain/topology'

const indexes = new WeakMap<Topology, TopologyIndex>()

/** The topology's index, built once per topology object however many canvas helpers ask. */
export function topologyIndex(topology: Topology): TopologyIndex {
  let index = indexes.get(topology)
  if (!index) indexes.set(topology, (index = indexTopology(topology)))
  return index
}
