import type { Numbering, RegistryEntry } from './project-config.js';

/** The published MIM numbers; the numbering changed in 2025 (mim-format §4). */
export const REGISTRIES: Record<Numbering, readonly RegistryEntry[]> = {
  'oasc-2022': [
    { id: 'MIM1', title: 'Context' },
    { id: 'MIM2', title: 'Data Models' },
    { id: 'MIM3', title: 'Contracts' },
    { id: 'MIM4', title: 'Trust' },
    { id: 'MIM5', title: 'Transparency' },
    { id: 'MIM6', title: 'Security' },
    { id: 'MIM7', title: 'Places' },
    { id: 'MIM8', title: 'Indicators' },
    { id: 'MIM9', title: 'Analytics' },
    { id: 'MIM10', title: 'Resources' },
  ],
  'oasc-2025': [
    { id: 'MIM0', title: 'Accessing Data' },
    { id: 'MIM1', title: 'Interlinking Data' },
    { id: 'MIM2', title: 'Representing Data' },
    { id: 'MIM3', title: 'Exchanging Data' },
    { id: 'MIM4', title: 'Personal Data' },
    { id: 'MIM5', title: 'Fair AI' },
    { id: 'MIM6', title: 'Securing Data' },
    { id: 'MIM7', title: 'Geospatial Data' },
    { id: 'MIM8', title: 'Local Digital Twins' },
  ],
};

/** The edition that is not in force, for hints about numbers and names written for it. */
export const OTHER_EDITION: Record<Numbering, Numbering> = { 'oasc-2022': 'oasc-2025', 'oasc-2025': 'oasc-2022' };

/** The registry in force for a project: its edition's numbers plus the extra entries it lists. */
export function registryFor(numbering: Numbering, extra: readonly RegistryEntry[]): Map<string, RegistryEntry> {
  const map = new Map<string, RegistryEntry>();
  for (const e of REGISTRIES[numbering]) map.set(e.id, e);
  for (const e of extra) map.set(e.id, e);
  return map;
}
