// numberyard's entry point, kept for `tsx src/main.ts`: the same as `numberyard serve` (load config ->
// migrate -> listen -> print how to get in on first start -> close gracefully on SIGTERM/SIGINT).
import { main } from './cli/index';

void main([process.argv[0]!, process.argv[1]!, 'serve']);
