/** VEX analysis states (CycloneDX analysis.state / OpenVEX status, in OpenVEX's words). */
export const VEX_STATUSES = ['not_affected', 'affected', 'fixed', 'under_investigation'] as const;
export type VexStatus = (typeof VEX_STATUSES)[number];

/** OpenVEX justifications for not_affected. */
export const VEX_JUSTIFICATIONS = [
  'component_not_present',
  'vulnerable_code_not_present',
  'vulnerable_code_not_in_execute_path',
  'vulnerable_code_cannot_be_controlled_by_adversary',
  'inline_mitigations_already_exist',
] as const;
export type VexJustification = (typeof VEX_JUSTIFICATIONS)[number];

/** A finding with this VEX status is off the open list (suppressed); affected and under_investigation stay. */
export function vexSuppresses(status: string | null | undefined): boolean {
  return status === 'not_affected' || status === 'fixed';
}

const CDX_STATE_TO_VEX: Readonly<Record<string, VexStatus>> = {
  not_affected: 'not_affected',
  false_positive: 'not_affected',
  exploitable: 'affected',
  resolved: 'fixed',
  resolved_with_pedigree: 'fixed',
  in_triage: 'under_investigation',
};

const VEX_TO_CDX_STATE: Readonly<Record<VexStatus, string>> = {
  not_affected: 'not_affected',
  affected: 'exploitable',
  fixed: 'resolved',
  under_investigation: 'in_triage',
};

const CDX_JUSTIFICATION_TO_VEX: Readonly<Record<string, VexJustification>> = {
  code_not_present: 'vulnerable_code_not_present',
  code_not_reachable: 'vulnerable_code_not_in_execute_path',
  requires_configuration: 'vulnerable_code_cannot_be_controlled_by_adversary',
  requires_dependency: 'component_not_present',
  requires_environment: 'vulnerable_code_cannot_be_controlled_by_adversary',
  protected_by_compiler: 'inline_mitigations_already_exist',
  protected_at_runtime: 'inline_mitigations_already_exist',
  protected_at_perimeter: 'inline_mitigations_already_exist',
  protected_by_mitigating_control: 'inline_mitigations_already_exist',
};

const VEX_TO_CDX_JUSTIFICATION: Readonly<Record<VexJustification, string>> = {
  component_not_present: 'requires_dependency',
  vulnerable_code_not_present: 'code_not_present',
  vulnerable_code_not_in_execute_path: 'code_not_reachable',
  vulnerable_code_cannot_be_controlled_by_adversary: 'requires_environment',
  inline_mitigations_already_exist: 'protected_by_mitigating_control',
};

export function vexFromCycloneDxState(state: string): VexStatus | undefined {
  return CDX_STATE_TO_VEX[state];
}
export function vexToCycloneDxState(status: VexStatus): string {
  return VEX_TO_CDX_STATE[status];
}
/** A CycloneDX justification in OpenVEX terms; an OpenVEX one passes through. */
export function vexJustificationFromCycloneDx(j: string): VexJustification | undefined {
  return (
    CDX_JUSTIFICATION_TO_VEX[j] ??
    ((VEX_JUSTIFICATIONS as readonly string[]).find((x) => x === j) as VexJustification | undefined)
  );
}
export function vexJustificationToCycloneDx(j: VexJustification): string {
  return VEX_TO_CDX_JUSTIFICATION[j];
}
