// Runs a child to its end as if it were this process: a kill reaches it, and its exit code
// becomes ours (npm start and npm run serve hand over to the app this way).

/** Follows `child`: forwards SIGTERM and SIGHUP, leaves SIGINT to the terminal, exits with it. */
export function follow(child) {
  // Ctrl+C reaches the child from the terminal already; a second SIGINT would cut its shutdown short.
  process.on('SIGINT', () => {})
  for (const signal of ['SIGTERM', 'SIGHUP']) process.on(signal, () => child.kill(signal))
  child.on('exit', (code, signal) => process.exit(code ?? (signal ? 1 : 0)))
}
