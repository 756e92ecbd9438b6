/**
 * Chopsticks builds its pino loggers when first imported, reading LOG_LEVEL then; its default
 * ("info") floods the terminal with one line per block and RPC. Import it only through these
 * functions so that a quieter default is in place first (an explicit LOG_LEVEL still wins).
 */
function quietDefault(): void {
  process.env.LOG_LEVEL ??= 'error';
}

export async function loadChopsticksCore(): Promise<typeof import('@acala-network/chopsticks-core')> {
  quietDefault();
  return import('@acala-network/chopsticks-core');
}

export async function loadChopsticks(): Promise<typeof import('@acala-network/chopsticks')> {
  quietDefault();
  return import('@acala-network/chopsticks');
}
