export function importGraph(root: string): Map<string, Set<string>>;
export function importCycles(graph: Map<string, Set<string>>): string[][];
export function checkCore(root?: string): string[];
