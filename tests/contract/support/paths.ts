import path from 'node:path';
import { fileURLToPath } from 'node:url';

/** This file sits in tests/contract/support/, three levels below the repo root. */
export const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../..');

/**
 * Microsoft's reference material is not part of the repo: it lives in a `shared/` folder beside
 * the checkout (locally and in CI, where the repo is cloned elsewhere with shared/ next to it).
 */
export const graphReferenceDir = path.resolve(repoRoot, '../shared/reference/graph');
