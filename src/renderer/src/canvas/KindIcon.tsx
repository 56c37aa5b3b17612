import type { Kind } from '../../../shared/domain/kinds'

/** Simple line icons, one per kind, drawn in a 24×24 box in the current colour. */
const PATHS: Readonly<Record<Kind, string>> = {
  vcenter: 'M3 5h18v14H3z M3 9h18 M7 7h.01 M10 7h.01',
  cluster: 'M4 4h7v7H4z M13 4h7v7h-7z M4 13h7v7H4z M13 13h7v7h-7z',
  host: 'M3 5h18v5H3z M3 14h18v5H3z M7 7.5h.01 M7 16.5h.01 M11 7.5h6 M11 16.5h6',
  'storage-policy':
    'M4 6c0-1.7 3.6-3 8-3s8 1.3 8 3-3.6 3-8 3-8-1.3-8-3z M4 6v12c0 1.7 3.6 3 8 3s8-1.3 8-3V6 M4 12c0 1.7 3.6 3 8 3s8-1.3 8-3',
  'content-library': 'M4 4h4v16H4z M10 4h4v16h-4z M16 5l4 1-3 15-4-1z',
  network: 'M12 3v6 M12 15v6 M3 12h6 M15 12h6 M9 9h6v6H9z',
  supervisor: 'M12 2l9 5v10l-9 5-9-5V7z M12 7v10 M7.5 9.5l9 5 M16.5 9.5l-9 5',
  'supervisor-service': 'M4 8h16v12H4z M8 8V5h8v3 M4 13h16 M11 13v2h2v-2',
  namespace: 'M3 7l9-4 9 4v10l-9 4-9-4z M3 7l9 4 9-4 M12 11v10',
  pod: 'M12 3l8 4.5v9L12 21l-8-4.5v-9z M8 10h8v5H8z',
  deployment: 'M6 3h12v4H6z M4 10h16v4H4z M6 17h12v4H6z',
  vm: 'M3 4h18v12H3z M8 20h8 M12 16v4',
  tkc: 'M12 2l2.5 4.5h-5z M4 18l2.5-4.5 2.5 4.5z M15 18l2.5-4.5 2.5 4.5z M12 6.5v5 M12 11.5l-5.5 2 M12 11.5l5.5 2',
  pvc: 'M5 3h10l4 4v14H5z M15 3v4h4 M9 13h6 M9 17h6',
  service: 'M12 3a9 9 0 1 0 0 18 9 9 0 0 0 0-18z M3 12h18 M12 3c3 3 3 15 0 18 M12 3c-3 3-3 15 0 18',
  'control-plane-vm': 'M3 4h18v12H3z M8 20h8 M12 16v4 M8 8h8 M8 11h5',
  spherelet: 'M12 3a9 9 0 1 0 0 18 9 9 0 0 0 0-18z M12 8v8 M8 12h8',
  'vm-class': 'M4 6h16 M4 12h10 M4 18h6',
  'vm-image': 'M4 4h16v16H4z M4 16l5-5 4 4 3-3 4 4',
  'namespace-network': 'M5 12a7 7 0 0 1 14 0 M8 12a4 4 0 0 1 8 0 M12 12v8',
  opaque: 'M4 4h16v16H4z M9 9h6v6H9z',
}

export function KindIcon({ kind, size = 18 }: { kind: Kind; size?: number }) {
  return (
    <svg
      className={`kind-icon kind-icon-${kind}`}
      width={size}
      height={size}
      viewBox="0 0 24 24"
      fill="none"
      stroke="currentColor"
      strokeWidth={1.6}
      strokeLinecap="round"
      strokeLinejoin="round"
      aria-hidden="true"
    >
      <path d={PATHS[kind]} />
    </svg>
  )
}
