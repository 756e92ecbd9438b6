import { createContext, useContext } from 'react';
import type { InputIssue } from '../../../core/contract/bridge.js';

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
  ['mining.protocol', 's-protocol'],
  ['engine.logLevel', 's-engine-log'],
  ['prover.cpuLimit', 's-cpu'],
  ['prover.nativePaths', 's-native-paths'],
  ['mining.idleThresholdSeconds', 's-idle-threshold'],
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
 * The input each refused settings path belongs to (the core's `issues` of an "invalid-input" refusal),
 * so the field itself says what is wrong; the first reason per field wins. Issues about no known field
 * are left to the message shown with the Save button.
 */
export function fieldErrorsFrom(issues: readonly InputIssue[]): Record<string, string> {
  const errors: Record<string, string> = {};
  for (const issue of issues) {
    const field = fieldOf(issue.path);
    if (field) errors[field] ??= issue.message;
  }
  return errors;
}

export const FieldErrorsContext = createContext<Record<string, string>>({});
export const useFieldError = (fieldId: string): string | undefined => useContext(FieldErrorsContext)[fieldId];
