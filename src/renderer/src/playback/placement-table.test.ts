import { createElement } from 'react'
import { renderToStaticMarkup } from 'react-dom/server'
import { describe, expect, it } from 'vitest'

import { smallLab } from '../../../shared/domain/small-lab'
import { withTables } from '../../../shared/engine/placement-on-demand'
import { plan } from '../../../shared/engine/plan'
import { initialState } from '../../../shared/engine/state'
import { PlacementTable } from './PlacementTable'

describe('the placement table', () => {
  it('shows each rule that keeps VMs apart as a column, with its verdict per host', () => {
    // A run keeps placement inputs; the step detail shows the table rebuilt from them.
    const lab = smallLab()
    const run = withTables(plan(lab, undefined, 1), initialState(lab))
    const placement = run.steps.filter((s) => s.action === 'cp-vm-deploy')[1]!.placement!
    const html = renderToStaticMarkup(createElement(PlacementTable, { placement }))
    expect(html).toContain('Hard: control-plane VMs of supervisor</th>')
    expect(html).toContain('title="EAM anti-affinity policy, firm [KC]"')
    expect(html.match(/data-rule="sv-1\/anti-affinity">apart</g)).toHaveLength(2)
    expect(html).toContain('supervisorcontrolplanevm-1 runs here')
  })
})
