// Mirrors src/http/auth/console-session-auth.ts (server code the console must not import).
export const CSRF_HEADER = 'x-csrf-token';
