// How the CLI reaches a running numberyard: the same SigV4-signed HTTP API every other client uses,
// with credentials from the standard AWS environment variables or from flags.
import { ChimeClient } from '@aws-sdk/client-chime';
import { ChimeSDKVoiceClient } from '@aws-sdk/client-chime-sdk-voice';
import { signedFetch, type SignedFetchOptions, type SignedResponse } from '../../client/signed-fetch';
import { usageError } from './cli-error';
import { apiError } from './api-errors';

export const DEFAULT_ENDPOINT = 'http://127.0.0.1:8080';

/** The options every command accepts (declared once, on the program). */
export interface GlobalOptions {
  endpoint?: string;
  region?: string;
  accessKeyId?: string;
  secretAccessKey?: string;
  json?: boolean;
}

export interface Connection {
  endpoint: string;
  region: string;
  credentials: { accessKeyId: string; secretAccessKey: string };
  voice: ChimeSDKVoiceClient;
  chime: ChimeClient;
  /** A signed request to one of numberyard's own routes; a non-2xx answer throws a CliError. */
  call<T>(method: string, pathAndQuery: string, body?: unknown): Promise<T>;
}

// The endpoint of the HTTP client this run built, if any: only that client's failures may be
// explained as "cannot reach numberyard" (an operator command's own failure, such as a database it
// cannot reach, must not be).
let endpointInUse: string | undefined;

/** The endpoint the command's HTTP client talks to; undefined when the command built none (operator commands). */
export function httpEndpointInUse(): string | undefined {
  return endpointInUse;
}

export function connect(options: GlobalOptions, env: NodeJS.ProcessEnv = process.env): Connection {
  const endpoint = options.endpoint ?? env.NUMBERYARD_ENDPOINT ?? DEFAULT_ENDPOINT;
  try {
    new URL(endpoint);
  } catch {
    throw usageError(`--endpoint ${JSON.stringify(endpoint)} is not a URL such as ${DEFAULT_ENDPOINT}`);
  }
  const region = options.region ?? env.AWS_REGION ?? env.AWS_DEFAULT_REGION ?? 'us-east-1';
  const accessKeyId = options.accessKeyId ?? env.AWS_ACCESS_KEY_ID;
  const secretAccessKey = options.secretAccessKey ?? env.AWS_SECRET_ACCESS_KEY;
  if (!accessKeyId || !secretAccessKey) {
    throw usageError(
      'No credentials: set AWS_ACCESS_KEY_ID and AWS_SECRET_ACCESS_KEY (the key `numberyard serve` printed on first start, ' +
        'or one from `numberyard keys create`), or pass --access-key-id and --secret-access-key',
    );
  }
  // The SDK warns on every run that its releases after January 2027 need Node 22; numberyard pins
  // SDK versions that support Node 20 (see DESIGN.md), so the warning only adds noise to output.
  env.AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED ??= 'true';
  const credentials = { accessKeyId, secretAccessKey };
  endpointInUse = endpoint;
  const common = { endpoint, region, credentials };
  const fetchOptions: SignedFetchOptions = { endpoint, region, credentials };
  return {
    endpoint,
    region,
    credentials,
    voice: new ChimeSDKVoiceClient(common),
    chime: new ChimeClient(common),
    async call<T>(method: string, pathAndQuery: string, body?: unknown): Promise<T> {
      let response: SignedResponse<T>;
      try {
        response = await signedFetch<T>(fetchOptions, method, pathAndQuery, body);
      } catch (error) {
        throw apiError(error, endpoint);
      }
      if (response.status >= 300) {
        const wire = response.body as { Code?: string; Message?: string } | undefined;
        throw apiError({ name: response.headers.get('x-amzn-ErrorType') ?? wire?.Code ?? `HTTP ${response.status}`, message: wire?.Message ?? '' }, endpoint);
      }
      return response.body;
    },
  };
}
