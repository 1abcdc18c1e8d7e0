import { fixture } from '../paths.js';

/** The workspace protocol sessions start from: one MIM as pages, one as *.mim.yaml, with a config. */
export const PROTOCOL_SEED = fixture('lsp', 'workspace');
