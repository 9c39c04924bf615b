import type { BuildingProblem } from './check.ts';
import {
  deviceIdPrefix,
  isUsablePrefix,
  type BuildingDeviceTemplate,
  type BuildingProfile,
} from './profile.ts';

/** What the building wizard asks (建物の名前、所有者、管理会社、機器の台数、外部接続、クラウド利用). */
export interface BuildingWizardInput {
  buildingName: string;
  ownerName: string;
  managementCompany?: string | null;
  devices: { ref: string; count: number }[];
  externalConnection: boolean;
  cloud: boolean;
}

export const MAX_DEVICES_PER_TYPE = 200;
export const MAX_NAME_LENGTH = 200;

export interface CheckedWizardInput {
  buildingName: string;
  ownerName: string;
  managementCompany: string | null;
  /** Selected device types with a count ≥ 1, in profile order. */
  devices: { template: BuildingDeviceTemplate; count: number }[];
  externalConnection: boolean;
  cloud: boolean;
}

function nameProblem(value: string, pointer: string, what: { ja: string; en: string }): BuildingProblem[] {
  const v = value.trim();
  if (v === '')
    return [{ pointer, message: { ja: `${what.ja}を入力してください。`, en: `Enter the ${what.en}.` } }];
  if (v.length > MAX_NAME_LENGTH)
    return [
      {
        pointer,
        message: {
          ja: `${what.ja}は${MAX_NAME_LENGTH}文字以内にしてください。`,
          en: `The ${what.en} must be at most ${MAX_NAME_LENGTH} characters.`,
        },
      },
    ];
  return [];
}

/** Validates wizard input against a profile; problems carry a JSON pointer into the input. */
export function checkWizardInput(
  profile: BuildingProfile,
  input: BuildingWizardInput,
): { ok: true; value: CheckedWizardInput } | { ok: false; problems: BuildingProblem[] } {
  const problems: BuildingProblem[] = [
    ...nameProblem(input.buildingName, '/buildingName', { ja: '建物の名前', en: 'building name' }),
    ...nameProblem(input.ownerName, '/ownerName', { ja: '建物の所有者の名前', en: "building owner's name" }),
  ];
  const mgmt = input.managementCompany?.trim() ?? '';
  if (mgmt !== '')
    problems.push(
      ...nameProblem(mgmt, '/managementCompany', { ja: '管理会社の名前', en: 'management company name' }),
    );

  const templates = new Map(profile.locations.flatMap((l) => l.devices).map((d) => [d.ref, d]));
  const counts = new Map<string, number>();
  const prefixes = new Map<string, string>();
  input.devices.forEach(({ ref, count }, i) => {
    const ptr = `/devices/${i}`;
    const template = templates.get(ref);
    if (template === undefined) {
      problems.push({
        pointer: `${ptr}/ref`,
        message: {
          ja: `機器の種類「${ref}」はこのプロファイルにありません。`,
          en: `Device type "${ref}" is not in this profile.`,
        },
      });
    } else if (counts.has(ref)) {
      problems.push({
        pointer: `${ptr}/ref`,
        message: {
          ja: `機器の種類「${ref}」が2回指定されています。台数は1か所にまとめてください。`,
          en: `Device type "${ref}" is listed twice. Give its count once.`,
        },
      });
    } else {
      const prefix = deviceIdPrefix(ref);
      const clash = prefixes.get(prefix);
      if (clash !== undefined || !isUsablePrefix(prefix))
        problems.push({
          pointer: `${ptr}/ref`,
          message: {
            ja: `機器の種類「${ref}」からは使える要素ID（接頭辞「${prefix}」）が作れません。プロファイルを直してください。`,
            en: `Device type "${ref}" does not give usable element ids (prefix "${prefix}"). Correct the profile.`,
          },
        });
      prefixes.set(prefix, ref);
    }
    if (!Number.isInteger(count) || count < 0 || count > MAX_DEVICES_PER_TYPE)
      problems.push({
        pointer: `${ptr}/count`,
        message: {
          ja: `台数は0から${MAX_DEVICES_PER_TYPE}までの整数にしてください。`,
          en: `The count must be a whole number from 0 to ${MAX_DEVICES_PER_TYPE}.`,
        },
      });
    else if (template !== undefined && !counts.has(ref)) counts.set(ref, count);
  });
  if (problems.every((p) => !p.pointer.startsWith('/devices/')) && [...counts.values()].every((c) => c === 0))
    problems.push({
      pointer: '/devices',
      message: {
        ja: '機器を1台以上選んでください。',
        en: 'Choose at least one device.',
      },
    });
  if (input.cloud && !input.externalConnection)
    problems.push({
      pointer: '/cloud',
      message: {
        ja: 'クラウドを使うには外部との接続が必要です。「外部接続あり」も選んでください。',
        en: 'Using a cloud service needs an external connection. Select the external connection as well.',
      },
    });
  if (problems.length > 0) return { ok: false, problems };

  const devices = profile.locations
    .flatMap((l) => l.devices)
    .flatMap((template) => {
      const count = counts.get(template.ref) ?? 0;
      return count > 0 ? [{ template, count }] : [];
    });
  return {
    ok: true,
    value: {
      buildingName: input.buildingName.trim(),
      ownerName: input.ownerName.trim(),
      managementCompany: mgmt === '' ? null : mgmt,
      devices,
      externalConnection: input.externalConnection,
      cloud: input.cloud,
    },
  };
}
