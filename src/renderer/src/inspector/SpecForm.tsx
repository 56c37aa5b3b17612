import { useMemo, useState } from 'react'

import { setSpecBatch, renameBatch } from '../../../shared/domain/edit-builders'
import type { ExtraFields } from '../../../shared/domain/extra-fields'
import { describeIssue } from '../../../shared/domain/describe-issues'
import { dnsLabelProblem } from '../../../shared/domain/names'
import { SPEC_SCHEMAS } from '../../../shared/domain/specs'
import type { LabNode, Topology } from '../../../shared/domain/topology'
import { resolvedOf } from '../problems/validate'
import { sendBatch } from '../stores/edit-actions'
import { choicesOf } from './choices'
import { TextInputField, type Path } from './fields'
import { describeSchema, setIn, type FieldShape } from './schema-walk'
import { KeptFields } from './KeptFields'
import { ObjectFields } from './SpecFields'

/**
 * The form of one node, driven by its kind's zod schema. Every change validates the whole spec
 * first: an invalid draft stays in the form with the reasons at the fields and is never sent.
 */
export function SpecForm({ node, topology }: { node: LabNode; topology: Topology }) {
  const schema = SPEC_SCHEMAS[node.kind]
  const shape = useMemo(() => withoutKept(describeSchema(schema)), [schema])
  const [draft, setDraft] = useState<unknown>(node.spec)
  const [seen, setSeen] = useState(node.spec)
  const [errors, setErrors] = useState<ReadonlyMap<string, string>>(new Map())
  // A new spec from the service (undo, another window) replaces the draft.
  if (seen !== node.spec) {
    setSeen(node.spec)
    setDraft(node.spec)
    setErrors(new Map())
  }
  const onChange = (path: Path, value: unknown) => {
    const next = setIn(draft, path, value)
    setDraft(next)
    const parsed = schema.safeParse(next)
    if (!parsed.success) {
      setErrors(new Map(parsed.error.issues.map((i) => [i.path.join('.'), describeIssue(i)])))
      return
    }
    setErrors(new Map())
    void sendBatch(setSpecBatch(topology, node.id, parsed.data))
  }
  const choices = choicesOf(node, resolvedOf(topology))
  const renameErrors = new Map<string, string>()
  return (
    <form className="spec-form" onSubmit={(e) => e.preventDefault()}>
      <TextInputField
        key={node.name}
        path={['name']}
        label="name"
        initial={node.name}
        errors={renameErrors}
        onChange={(_, value) => void sendBatch(renameBatch(topology, node.id, String(value)))}
        read={(text) => {
          const problem = dnsLabelProblem(text)
          return problem ? { error: problem } : { value: text }
        }}
      />
      {shape.type === 'object' ? (
        <ObjectFields
          path={[]}
          label=""
          value={draft}
          errors={errors}
          onChange={onChange}
          shape={shape}
          choices={choices}
        />
      ) : null}
      <KeptFields extra={(node.spec as { extra?: ExtraFields }).extra} />
    </form>
  )
}

/** The form without `extra`: what import kept is shown read-only below it, never edited. */
function withoutKept(shape: FieldShape): FieldShape {
  return shape.type === 'object'
    ? { ...shape, fields: shape.fields.filter(([key]) => key !== 'extra') }
    : shape
}
