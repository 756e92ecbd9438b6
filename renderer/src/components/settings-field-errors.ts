import { createContext, useContext } from 'react';

/** The settings field (by the id of its input) that each settings path of the core's schema belongs to. */
const FIELD_OF_PATH: Array<[prefix: string, fieldId: string]> = [
  ['network', 's-network'],
  ['chainEndpoint', 's-endpoint'],
  ['netuid', 's-netuid'],
  ['wallet.name', 's-wallet'],
  ['wallet.hotkey', 's-hotkey'],
  ['wallet.path', 's-wallet-path'],
  ['axon.port', 's-axon-port'],
  ['axon.externalIp', 's-external-ip'],
  ['prover.cpuLimit', 's-cpu'],
  ['prover.nativePaths', 's-native-paths'],
  ['validator.externalApi.port', 's-api-tcp'],
  ['validator.externalApi.whitelistedPublicKeys', 's-api-keys'],
  ['validator.prometheus.host', 's-prom-host'],
  ['validator.prometheus.port', 's-prom-tcp'],
  ['validator.proofPublishing.url', 's-pub-url'],
  ['app.updateChannel', 's-channel'],
];

/**
 * The core refuses a settings update with "invalid input for settings.update: <path>: <why>; <path>: <why>"
 * (core/util/zod-error.ts); this maps each issue to the input it is about, so the field itself says what is
 * wrong. Issues about no known field are left to the message shown with the Save button.
 */
export function fieldErrorsFrom(message: string): Record<string, string> {
  const issues = message.replace(/^invalid input for settings\.update:\s*/, '').split('; ');
  const errors: Record<string, string> = {};
  for (const issue of issues) {
    const match = /^([\w.]+): (.+)$/.exec(issue);
    if (!match) continue;
    const [, path, why] = match;
    const field = FIELD_OF_PATH.find(([prefix]) => path === prefix || path.startsWith(`${prefix}.`));
    if (field && !errors[field[1]]) errors[field[1]] = why;
  }
  return errors;
}

export const FieldErrorsContext = createContext<Record<string, string>>({});
export const useFieldError = (fieldId: string): string | undefined => useContext(FieldErrorsContext)[fieldId];
