// Which parts of the API this build of numberyard has. The console is built from the same tree as the
// server, so a page is listed here exactly when its routes exist (src/http/routes/); pages whose API
// is not there yet are not shown at all, rather than shown broken.
export const FEATURES = {
  phoneNumbers: true,
  phoneNumberHistory: true,
  voiceConnectors: true,
  voiceConnectorGroups: true,
  sipMediaApplications: true,
  sipRules: true,
  accounts: true,
  orders: true,
} as const;
