export type Severity = 'error' | 'warning' | 'info';

/** A severity as users write it in mimspec.yaml, where 'off' silences a rule. */
export type SeveritySetting = Severity | 'off';

export const SEVERITY_SETTINGS: readonly SeveritySetting[] = ['error', 'warning', 'info', 'off'];
