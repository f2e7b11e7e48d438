// Commands end the process when their action returns (so that an idle keep-alive socket cannot keep
// a script waiting); `serve` alone keeps it running until a signal.
let longRunning = false;

export function keepProcessAlive(): void {
  longRunning = true;
}

export function isLongRunning(): boolean {
  return longRunning;
}
