// Turns what can go wrong talking to a server into a message that says what to do about it.
import { CliError, EXIT } from './cli-error';

function causeCode(error: unknown): string | undefined {
  let current: unknown = error;
  for (let depth = 0; depth < 5 && current && typeof current === 'object'; depth += 1) {
    const code = (current as { code?: unknown }).code;
    if (typeof code === 'string') return code;
    current = (current as { cause?: unknown }).cause;
  }
  return undefined;
}

const CREDENTIALS_HINT = 'check AWS_ACCESS_KEY_ID / AWS_SECRET_ACCESS_KEY (or --access-key-id / --secret-access-key): the key may be wrong or revoked';

function hintFor(name: string, message: string): string | undefined {
  if (name === 'UnauthorizedClientException') return CREDENTIALS_HINT;
  if (name === 'ForbiddenException') {
    if (message.includes('region')) return 'sign for the region the server is configured with (NUMBERYARD_REGION): --region or AWS_REGION';
    if (message.includes('Signature expired')) return "this machine's clock is more than 15 minutes off the server's";
    return CREDENTIALS_HINT;
  }
  if (name === 'AccessDeniedException') return 'this needs an administrator access key (`numberyard keys create --org ID --admin`)';
  return undefined;
}

/** A CliError (exit code 1) for an SDK exception, a fetch failure or a numberyard error answer. */
export function apiError(error: unknown, endpoint: string): CliError {
  if (error instanceof CliError) return error;
  const code = causeCode(error);
  if (code === 'ECONNREFUSED' || code === 'ENOTFOUND' || code === 'EAI_AGAIN' || code === 'ECONNRESET') {
    return new CliError(`Cannot reach numberyard at ${endpoint} (${code}): start it with \`npm start\` (or \`numberyard serve\`), or point --endpoint / NUMBERYARD_ENDPOINT at it`);
  }
  const name = (error as { name?: string }).name ?? 'Error';
  const message = (error as { message?: string }).message ?? String(error);
  if (name === 'NotFoundException' && message.startsWith('No operation at')) {
    return new CliError(`${message}: this numberyard server does not offer that operation (is it an older version?)`);
  }
  const hint = hintFor(name, message);
  return new CliError(`${name}: ${message}${hint ? `\n  Hint: ${hint}` : ''}`, EXIT.failure);
}
