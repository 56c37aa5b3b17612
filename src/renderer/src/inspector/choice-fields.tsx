import { useState } from 'react'

import type { Choices } from './choices'
import { FieldRow, pathKey, testId, type FieldProps } from './fields'

function Options({ choices, except }: { choices: Choices; except?: ReadonlySet<string> }) {
  return (
    <>
      {choices.groups.map((g) => {
        const options = g.options.filter((o) => !except?.has(o))
        return options.length === 0 ? null : (
          <optgroup key={g.label} label={g.label}>
            {options.map((o) => (
              <option key={o} value={o}>
                {o}
              </option>
            ))}
          </optgroup>
        )
      })}
    </>
  )
}

/**
 * A field naming another object, as a select of the names the lab offers. A name that is not
 * among them (a deleted policy, a typo in a lab file) stays shown, marked, so nothing is hidden.
 */
export function SelectRefField(props: Omit<FieldProps, 'choices'> & { offered: Choices; optional: boolean }) {
  const { path, label, value, errors, onChange, offered: choices } = props
  const current = typeof value === 'string' ? value : ''
  const known = choices.groups.some((g) => g.options.includes(current))
  return (
    <FieldRow path={path} label={label} error={errors.get(pathKey(path))}>
      <select
        data-testid={testId(path)}
        value={current}
        onChange={(e) => onChange(path, e.target.value === '' && props.optional ? undefined : e.target.value)}
      >
        {choices.empty !== undefined || current === '' ? (
          <option value="">— {choices.empty ?? 'choose'} —</option>
        ) : null}
        {current !== '' && !known ? (
          <option value={current}>
            {current} ({choices.outside ?? 'not in the lab'})
          </option>
        ) : null}
        <Options choices={choices} />
      </select>
    </FieldRow>
  )
}

/**
 * A list of names (VM classes, content libraries, images): each with a remove button, and a
 * select that adds one of the names the lab offers. Where names are free, a box adds others.
 */
export function ChoiceListField(props: Omit<FieldProps, 'choices'> & { offered: Choices }) {
  const { path, label, value, errors, onChange, offered: choices } = props
  const list = Array.isArray(value) ? (value as unknown[]).map(String) : []
  const [text, setText] = useState('')
  const add = (name: string) => {
    const trimmed = name.trim()
    if (trimmed !== '' && !list.includes(trimmed)) onChange(path, [...list, trimmed])
  }
  return (
    <FieldRow path={path} label={label} error={errors.get(pathKey(path))}>
      <span className="choice-list" data-testid={testId(path)}>
        {list.length === 0 ? <span className="muted">none</span> : null}
        {list.map((name, i) => (
          <span className="chip" key={name}>
            {name}
            <button
              type="button"
              className="link-button"
              aria-label={`Remove ${name}`}
              data-testid={`remove-${pathKey([...path, i])}`}
              onClick={() =>
                onChange(
                  path,
                  list.filter((x) => x !== name),
                )
              }
            >
              ×
            </button>
          </span>
        ))}
        <select
          data-testid={`add-${pathKey(path)}`}
          aria-label={`Add to ${label}`}
          value=""
          onChange={(e) => add(e.target.value)}
        >
          <option value="">+ add…</option>
          <Options choices={choices} except={new Set(list)} />
        </select>
        {choices.free ? (
          <input
            data-testid={`add-text-${pathKey(path)}`}
            value={text}
            placeholder="or type a name, Enter"
            onChange={(e) => setText(e.target.value)}
            onKeyDown={(e) => {
              if (e.key !== 'Enter') return
              e.preventDefault()
              add(text)
              setText('')
            }}
          />
        ) : null}
      </span>
    </FieldRow>
  )
}
