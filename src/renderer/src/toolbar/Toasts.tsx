import { selectToasts, useNoticeStore } from '../stores/notice-store'

/** Short messages over the canvas, e.g. why a drop was refused. */
export function Toasts() {
  const toasts = useNoticeStore(selectToasts)
  return (
    <div className="toasts" aria-live="polite">
      {toasts.map((t) => (
        <div
          key={t.id}
          className={`toast tone-${t.tone}`}
          data-testid="toast"
          role={t.tone === 'error' ? 'alert' : 'status'}
        >
          {t.message}
        </div>
      ))}
    </div>
  )
}
