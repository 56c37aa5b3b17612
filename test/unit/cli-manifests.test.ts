import { spawnSync } from 'node:child_process'
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join, relative, sep } from 'node:path'

import { describe, expect, it } from 'vitest'

import { loadDemoLab } from '../../src/node/demo-lab'
import { labToText } from '../../src/shared/lab-text/to-text'

const cli = (...args: string[]) =>
  spawnSync(process.execPath, ['bin/pacific-lab.js', ...args], { encoding: 'utf8' })

describe('pacific-lab export and import', () => {
  it('prints the demo lab as one YAML file on stdout, identical to the golden file', () => {
    const r = cli('export', 'demo')
    expect(r.status).toBe(0)
    expect(r.stdout).toBe(readFileSync('test/golden/manifests/demo-v1alpha3-per-cluster.yaml', 'utf8'))
    expect(r.stderr).toContain('vCenter requests')
  })

  it('writes a folder kubectl can apply with -R, and reads it back without a change', () => {
    const dir = join(mkdtempSync(join(tmpdir(), 'pacific-cli-')), 'out')
    const r = cli('export', 'demo', '--format', 'dir', '--out', dir)
    expect(r.status).toBe(0)
    expect(existsSync(join(dir, 'manifests', 'finance', '04-virtualmachine-legacy-db.yaml'))).toBe(true)
    expect(existsSync(join(dir, 'reference', 'finance', '01-namespace-finance.yaml'))).toBe(true)
    expect(readFileSync(join(dir, 'vcenter', '02-create-namespace-finance.json'), 'utf8')).toContain(
      '"namespace": "finance"',
    )
    const back = cli('import', 'demo', dir)
    expect(back.status).toBe(0)
    expect(back.stderr).toContain('nothing to change')
  })

  it('replaces an earlier export in the same folder and leaves no stale file', () => {
    const dir = join(mkdtempSync(join(tmpdir(), 'pacific-cli-')), 'out')
    expect(cli('export', 'demo', '--format', 'dir', '--out', dir).status).toBe(0)
    const stale = join(dir, 'manifests', 'finance', '04-virtualmachine-legacy-db.yaml')
    const lab = join(dir, '..', 'no-vm.lab.yaml')
    const demo = loadDemoLab()
    const nodes = demo.topology.nodes.filter((n) => n.kind !== 'vm')
    writeFileSync(lab, labToText({ ...demo, topology: { ...demo.topology, nodes } }))
    const again = cli('export', lab, '--format', 'dir', '--out', dir)
    expect(again.status).toBe(0)
    expect(again.stderr).toMatch(/removed \d+ files of the earlier export there/)
    expect(existsSync(stale)).toBe(false)
    const marker = JSON.parse(readFileSync(join(dir, '.pacific-lab-export.json'), 'utf8')) as {
      files: string[]
    }
    const onDisk = readdirSync(dir, { recursive: true, withFileTypes: true })
      .filter((e) => e.isFile() && e.name !== '.pacific-lab-export.json')
      .map((e) => relative(dir, join(e.parentPath, e.name)).split(sep).join('/'))
    expect(onDisk.sort()).toEqual([...marker.files].sort())
  })

  it('refuses to mix an export with other files unless --force, which removes them', () => {
    const dir = join(mkdtempSync(join(tmpdir(), 'pacific-cli-')), 'out')
    mkdirSync(join(dir, 'manifests', 'other-lab'), { recursive: true })
    writeFileSync(join(dir, 'manifests', 'other-lab', 'pod.yaml'), 'kind: Pod\n')
    writeFileSync(join(dir, 'notes.md'), 'mine\n')
    const refused = cli('export', 'demo', '--format', 'dir', '--out', dir)
    expect(refused.status).toBe(1)
    expect(refused.stderr).toContain(
      'holds files that are not from an earlier Pacific Lab export (manifests/other-lab/pod.yaml)',
    )
    expect(existsSync(join(dir, 'vcenter'))).toBe(false)
    const forced = cli('export', 'demo', '--format', 'dir', '--out', dir, '--force')
    expect(forced.status).toBe(0)
    expect(existsSync(join(dir, 'manifests', 'other-lab'))).toBe(false)
    expect(readFileSync(join(dir, 'notes.md'), 'utf8')).toBe('mine\n')
  })

  it('refuses a bad file, names file, line and column, and exits 1', () => {
    const file = join(mkdtempSync(join(tmpdir(), 'pacific-cli-')), 'bad.yaml')
    writeFileSync(
      file,
      'apiVersion: v1\nkind: Pod\nmetadata: {name: web, namespace: finance}\nspec:\n  containers: nginx\n',
    )
    const r = cli('import', 'demo', file)
    expect(r.status).toBe(1)
    expect(r.stderr).toContain(`${file}:5:3: Pod web: must be array [spec.containers]`)
    expect(r.stderr).toContain('the lab is unchanged')
    expect(r.stdout).toBe('')
  })

  it('names a bad option value and exits 2', () => {
    const r = cli('export', 'demo', '--vm-api', 'v1alpha9')
    expect(r.status).toBe(2)
    expect(r.stderr).toContain(
      '--vm-api must be one of v1alpha1, v1alpha2, v1alpha3, v1alpha4, v1alpha5, not "v1alpha9"',
    )
  })
})
