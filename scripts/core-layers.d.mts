export const CORE_LAYERS: string[][];
export const REPO_ROOT: string;
export function coreAreaOf(absPath: string): string | undefined;
export function layerOf(area: string): number | undefined;
export function layerViolation(fromFile: string, toFile: string): string | undefined;
