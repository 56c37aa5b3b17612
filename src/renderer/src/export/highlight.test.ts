import { describe, expect, it } from 'vitest'

import { highlight, yamlLine } from './highlight'

describe('export preview colouring', () => {
  it('tells comments, keys, strings, numbers and markers apart', () => {
    expect(yamlLine('# inferred: name')).toEqual([{ text: '# inferred: name', cls: 'comment' }])
    expect(yamlLine('---')).toEqual([{ text: '---', cls: 'marker' }])
    const line = yamlLine('    count/pods: "50"')
    expect(line.find((t) => t.cls === 'key')?.text).toBe('count/pods')
    expect(line.find((t) => t.cls === 'string')?.text).toBe('"50"')
    expect(yamlLine('  - containerPort: 443').find((t) => t.cls === 'number')?.text).toBe('443')
  })

  it('keeps every character of the file, in order', () => {
    const text =
      'apiVersion: v1\nkind: Pod # a pod\nspec:\n  containers:\n    - name: a\n      image: "b:1"\n'
    const rebuilt = highlight('x.yaml', text)
      .map((line) => line.map((t) => t.text).join(''))
      .join('\n')
    expect(rebuilt + '\n').toBe(text)
    const json = '{\n  "a": [1, true, "x"]\n}\n'
    expect(
      highlight('x.json', json)
        .map((l) => l.map((t) => t.text).join(''))
        .join('\n') + '\n',
    ).toBe(json)
  })
})
