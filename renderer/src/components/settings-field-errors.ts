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

const fieldOf = (path: string) =>
  FIELD_OF_PATH.find(([prefix]) => path === prefix || path.startsWith(`${prefix}.`))?.[1];

/**
 * The core refuses a settings update with "<what>: <path>: <why>; <path>: <why>" (formatZodError of
 * core/util/zod-error.ts, after "invalid input for settings.update" from the bridge or "invalid settings"
 * from the settings store); this maps each issue to the input it is about, so the field itself says what
 * is wrong. Issues about no known field are left to the message shown with the Save button.
 */
export function fieldErrorsFrom(message: string): Record<string, string> {
  const errors: Record<string, string> = {};
  for (const issue of message.split('; ')) {
    // The path is the first "word: " (at the start or after a ": ") that names a settings field.
    for (const match of issue.matchAll(/(?:^|: )([A-Za-z][\w.]*): /g)) {
      const field = fieldOf(match[1]);
      if (!field) continue;
      errors[field] ??= issue.slice((match.index ?? 0) + match[0].length);
      break;
    }
  }
  return errors;
}

export const FieldErrorsContext = createContext<Record<string, string>>({});
export const useFieldError = (fieldId: string): string | undefined => useContext(FieldErrorsContext)[fieldId];
