import { useState, type KeyboardEvent, type ReactNode } from 'react'

import type { ChoicesFor } from './choices'
import { formatQuantity, parseQuantity } from './quantity'
import type { FieldShape, Unit } from './schema-walk'

export type Path = readonly (string | number)[]

/** What every field gets: where it is in the spec, its value, and how to report a change. */
export interface FieldProps {
  path: Path
  label: string
  value: unknown
  errors: ReadonlyMap<string, string>
  onChange: (path: Path, value: unknown) => void
  /** For fields that name other objects: the names the lab offers. */
  choices?: ChoicesFor | undefined
}

export const pathKey = (path: Path) => path.join('.')
export const testId = (path: Path) => `field-${pathKey(path)}`

/** A labelled row with the reason a value was refused right under it. */
export function FieldRow({
  path,
  label,
  error,
  children,
}: {
  path: Path
  label: string
  error?: string | undefined
  children: ReactNode
}) {
  return (
    <label className={`field${error ? ' has-error' : ''}`}>
      <span className="field-label">{label}</span>
      {children}
      {error ? (
        <span className="field-error" role="alert" data-testid={`field-error-${pathKey(path)}`}>
          {error}
        </span>
      ) : null}
    </label>
  )
}

export function BoolField({ path, label, value, errors, onChange }: FieldProps) {
  return (
    <FieldRow path={path} label={label} error={errors.get(pathKey(path))}>
      <input
        type="checkbox"
        data-testid={testId(path)}
        checked={value === true}
        onChange={(e) => onChange(path, e.target.checked)}
      />
    </FieldRow>
  )
}

export function EnumField({
  path,
  label,
  value,
  errors,
  onChange,
  shape,
}: FieldProps & { shape: Extract<FieldShape, { type: 'enum' }> }) {
  const options = shape.options
  return (
    <FieldRow path={path} label={label} error={errors.get(pathKey(path))}>
      <select
        data-testid={testId(path)}
        value={typeof value === 'string' || typeof value === 'number' ? String(value) : ''}
        onChange={(e) => {
          const picked = options.find((o) => String(o) === e.target.value)
          onChange(path, picked === undefined && shape.optional ? undefined : picked)
        }}
      >
        {shape.optional || value === undefined ? <option value="">—</option> : null}
        {options.map((o) => (
          <option key={String(o)} value={String(o)}>
            {String(o)}
          </option>
        ))}
      </select>
    </FieldRow>
  )
}

/**
 * A text box that commits on Enter or when it loses focus. `read` turns the text into a value
 * or a reason; a reason stays at the field and nothing is sent.
 */
export function TextInputField({
  path,
  label,
  errors,
  onChange,
  initial,
  read,
  placeholder,
}: Omit<FieldProps, 'value'> & {
  initial: string
  read: (text: string) => { value: unknown } | { error: string }
  placeholder?: string
}) {
  const [text, setText] = useState(initial)
  const [local, setLocal] = useState<string | null>(null)
  const commit = () => {
    if (text === initial) return setLocal(null)
    const result = read(text)
    if ('error' in result) return setLocal(result.error)
    setLocal(null)
    onChange(path, result.value)
  }
  const onKey = (e: KeyboardEvent) => {
    if (e.key === 'Enter') commit()
  }
  return (
    <FieldRow path={path} label={label} error={local ?? errors.get(pathKey(path))}>
      <input
        data-testid={testId(path)}
        value={text}
        // A value longer than the box reads whole on hover.
        title={text.length > 24 ? text : undefined}
        placeholder={placeholder}
        onChange={(e) => setText(e.target.value)}
        onBlur={commit}
        onKeyDown={onKey}
        aria-invalid={Boolean(local ?? errors.get(pathKey(path)))}
      />
    </FieldRow>
  )
}

/** A number in its unit (CPU, memory) or plain; empty clears an optional value. */
export function NumberField(props: FieldProps & { unit: Unit; optional: boolean }) {
  const initial = formatQuantity(props.value, props.unit)
  const read = (text: string) =>
    text.trim() === '' && props.optional ? { value: undefined } : parseQuantity(text, props.unit)
  const placeholder =
    props.unit === 'cpu' ? 'e.g. 500m or 2' : props.unit === 'memory' ? 'e.g. 512Mi or 4Gi' : undefined
  return (
    <TextInputField
      key={initial}
      {...props}
      initial={initial}
      read={read}
      {...(placeholder ? { placeholder } : {})}
    />
  )
}

export function StringField(props: FieldProps & { optional: boolean }) {
  const initial = typeof props.value === 'string' ? props.value : ''
  const read = (text: string) => ({ value: text === '' && props.optional ? undefined : text })
  return <TextInputField key={initial} {...props} initial={initial} read={read} />
}

/** A list of names as one comma-separated box (VM classes, content libraries, images). */
export function StringListField(props: FieldProps) {
  const list = Array.isArray(props.value) ? (props.value as unknown[]).map(String) : []
  const initial = list.join(', ')
  const read = (text: string) => ({
    value: text
      .split(',')
      .map((s) => s.trim())
      .filter(Boolean),
  })
  return (
    <TextInputField key={initial} {...props} initial={initial} read={read} placeholder="comma-separated" />
  )
}

/** Labels and selectors as `key=value, key=value`. */
export function RecordField(props: FieldProps) {
  const entries = Object.entries((props.value ?? {}) as Record<string, unknown>)
  const initial = entries.map(([k, v]) => `${k}=${String(v)}`).join(', ')
  const read = (text: string): { value: unknown } | { error: string } => {
    const out: Record<string, string> = {}
    for (const part of text
      .split(',')
      .map((s) => s.trim())
      .filter(Boolean)) {
      const [k, ...v] = part.split('=')
      if (!k || v.length === 0) return { error: `"${part}" is not key=value` }
      out[k.trim()] = v.join('=').trim()
    }
    return { value: out }
  }
  return (
    <TextInputField
      key={initial}
      {...props}
      initial={initial}
      read={read}
      placeholder="app=web, tier=front"
    />
  )
}
