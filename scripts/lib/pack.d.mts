export function scratchFolder(prefix: string): Promise<{ dir: string; remove: () => Promise<void> }>;
export function pack(packageDir: string, destination: string, tool?: 'pnpm' | 'npm'): Promise<string>;
export function installIntoScratchProject(dir: string, tarballs: string[]): Promise<void>;
export function unpack(tarball: string, dir: string): Promise<string>;
