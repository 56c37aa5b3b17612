import { ChoiceListField, SelectRefField } from './choice-fields'
import { blankOf, type FieldShape } from './schema-walk'
import { labelOf } from '../../../shared/domain/field-labels'
import {
  BoolField,
  EnumField,
  NumberField,
  RecordField,
  StringField,
  StringListField,
  pathKey,
  type FieldProps,
} from './fields'

/** One spec field of any shape; objects and lists recurse. */
export function SpecField(props: FieldProps & { shape: FieldShape }) {
  const { shape } = props
  const choices = props.choices?.(props.path)
  // Enums whose values depend on the vCenter version are offered like names (platform-choices.ts).
  if (choices && (shape.type === 'string' || shape.type === 'enum'))
    return <SelectRefField {...props} offered={choices} optional={shape.optional} />
  if (choices && shape.type === 'array' && shape.item.type === 'string')
    return <ChoiceListField {...props} offered={choices} />
  switch (shape.type) {
    case 'boolean':
      return <BoolField {...props} />
    case 'enum':
      return <EnumField {...props} shape={shape} />
    case 'number':
      return <NumberField {...props} unit={shape.unit} optional={shape.optional} />
    case 'string':
      return <StringField {...props} optional={shape.optional} />
    case 'record':
      return <RecordField {...props} />
    case 'object':
      return (
        <fieldset className="field-group">
          <legend>{props.label}</legend>
          <ObjectFields {...props} shape={shape} />
        </fieldset>
      )
    case 'array':
      return shape.item.type === 'object' ? (
        <ListField {...props} shape={shape} />
      ) : (
        <StringListField {...props} />
      )
    case 'unknown':
      return null
  }
}

/** The fields of an object, each under its own path. */
export function ObjectFields(props: FieldProps & { shape: Extract<FieldShape, { type: 'object' }> }) {
  const value = (props.value ?? {}) as Record<string, unknown>
  return (
    <>
      {props.shape.fields.map(([key, shape]) => (
        <SpecField
          key={key}
          {...props}
          path={[...props.path, key]}
          label={labelOf(key)}
          value={value[key]}
          shape={shape}
        />
      ))}
    </>
  )
}

/** A list of objects (containers, permissions, node pools...) with add and remove. */
function ListField(props: FieldProps & { shape: Extract<FieldShape, { type: 'array' }> }) {
  const items = Array.isArray(props.value) ? (props.value as unknown[]) : []
  const item = props.shape.item
  const error = props.errors.get(pathKey(props.path))
  return (
    <fieldset className="field-group field-list" data-testid={`field-${pathKey(props.path)}`}>
      <legend>{props.label}</legend>
      {items.map((value, i) => (
        <div className="list-item" key={i}>
          {item.type === 'object' ? (
            <ObjectFields {...props} path={[...props.path, i]} value={value} shape={item} />
          ) : null}
          <button
            type="button"
            className="link-button"
            data-testid={`remove-${pathKey([...props.path, i])}`}
            onClick={() =>
              props.onChange(
                props.path,
                items.filter((_, j) => j !== i),
              )
            }
          >
            Remove
          </button>
        </div>
      ))}
      {error ? (
        <span className="field-error" role="alert">
          {error}
        </span>
      ) : null}
      <button
        type="button"
        className="link-button"
        data-testid={`add-${pathKey(props.path)}`}
        onClick={() => props.onChange(props.path, [...items, blankOf(item)])}
      >
        Add {props.label.replace(/s$/, '')}
      </button>
    </fieldset>
  )
}
