import { it } from 'vitest'
import { loadSample } from '../../src/node/demo-lab'
import { exportLab } from '../../src/node/manifests/manifest-handlers'
it('x', () => {
  for (const n of ['vcf9-zones', 'vcf9-services']) {
    const r = exportLab(loadSample(n), { format: 'dir' })
    console.log(n, r.problems.map((p) => `${p.severity} ${p.code}: ${p.message}`))
    console.log(r.files.map((f) => f.path).join('\n'))
    for (const f of r.files) if (/tkc|cluster|vm|services|namespace|enable|Cluster|prod|apps|install|register/.test(f.path)) console.log('=== ' + f.path + '\n' + f.content)
  }
})
