import { Component, type ErrorInfo, type ReactNode } from 'react'

interface Props {
  /** What the user calls the panel: "Inspector", "Problems", "Playback". */
  name: string
  children: ReactNode
}

interface State {
  error: Error | null
}

/**
 * Keeps the lab open when one panel throws: the panel is replaced by a note naming it and the
 * error, with a way to try again, and the other panels go on working. The lab itself lives in
 * its file, so nothing is lost.
 */
export class PanelBoundary extends Component<Props, State> {
  override state: State = { error: null }

  static getDerivedStateFromError(error: Error): State {
    return { error }
  }

  override componentDidCatch(error: Error, info: ErrorInfo) {
    console.error(`The ${this.props.name} panel failed:`, error, info.componentStack)
  }

  override render() {
    const { error } = this.state
    if (!error) return this.props.children
    return (
      <div className="panel-error" role="alert" data-testid="panel-error" data-panel={this.props.name}>
        <strong>The {this.props.name} panel failed.</strong>
        <span>{error.message}</span>
        <span>The lab is safe; the other panels still work.</span>
        <button type="button" onClick={() => this.setState({ error: null })}>
          Try again
        </button>
      </div>
    )
  }
}
