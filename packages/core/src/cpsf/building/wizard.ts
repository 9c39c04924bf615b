import type { Text } from '../../catalog/pack.ts';
import type { Edge, EdgeKind, Element, Model } from '../model.ts';
import type { BuildingProblem } from './check.ts';
import { layoutInLanes } from './layout.ts';
import { deviceIdPrefix, type BuildingProfile } from './profile.ts';
import { checkWizardInput, type BuildingWizardInput } from './wizard-input.ts';

export type WizardResult = { ok: true; model: Model } | { ok: false; problems: BuildingProblem[] };

/** Ids of the elements the wizard always (or conditionally) adds beside the devices. */
export const BUILDING_IDS = {
  owner: 'ORG-OWNER',
  management: 'ORG-MGMT',
  cloudProvider: 'ORG-CLOUD',
  operators: 'PPL-OPS',
  maintenanceStaff: 'PPL-MNT',
  operationProcedure: 'PRC-OPS',
  maintenanceProcedure: 'PRC-MNT',
  bms: 'SYS-BMS',
  cloudService: 'SYS-CLOUD',
  externalNetwork: 'EXT-NET',
  equipment: 'EQP-01',
  operationData: 'DAT-OPS',
  configurationData: 'DAT-CFG',
} as const;

const NAMES = {
  cloudProvider: { ja: 'クラウドサービス事業者', en: 'Cloud service provider' },
  operators: { ja: '運転監視員', en: 'Operators (monitoring staff)' },
  maintenanceStaff: { ja: '保守作業員', en: 'Maintenance staff' },
  operationProcedure: { ja: '運転・監視の手順', en: 'Operation and monitoring procedure' },
  maintenanceProcedure: { ja: '保守作業の手順', en: 'Maintenance procedure' },
  bms: { ja: 'ビル管理システム', en: 'building management system' },
  cloudService: { ja: 'クラウド監視サービス', en: 'Cloud monitoring service' },
  externalNetwork: {
    ja: '外部ネットワーク（インターネット・通信回線）',
    en: 'External network (internet, carrier lines)',
  },
  equipment: { ja: '空調・照明などの設備', en: 'Building equipment (air conditioning, lighting and others)' },
  operationData: { ja: '運転データ（計測値・警報・履歴）', en: 'Operation data (readings, alarms, history)' },
  configurationData: {
    ja: '設定・構成データ（設定値・スケジュール・構成図）',
    en: 'Configuration data (settings, schedules, system diagrams)',
  },
} satisfies Record<string, Text>;

const LABELS = {
  managementContract: { ja: 'ビル管理業務の委託契約', en: 'Building management contract' },
  cloudContract: { ja: 'クラウドサービスの利用契約', en: 'Cloud service agreement' },
  controls: { ja: '制御', en: 'controls' },
  senses: { ja: '計測', en: 'measures' },
  records: { ja: '収集・記録', en: 'collects and records' },
  monitors: { ja: '監視', en: 'monitoring' },
  reports: { ja: '運転報告', en: 'operation reports' },
  changes: { ja: '設定の変更', en: 'changes settings' },
  applies: { ja: '設定の反映', en: 'applies settings' },
  uploads: { ja: 'クラウドへの送信', en: 'sent to the cloud' },
} satisfies Record<string, Text>;

const EDGE_PREFIX: Record<EdgeKind, string> = {
  contract: 'con',
  network: 'net',
  data_flow: 'flow',
  physical_control: 'ctl',
};

/** Numbered id of the n-th (1-based) device of a type: "DDC-01" … "DDC-200". */
export const deviceElementId = (ref: string, n: number): string =>
  `${deviceIdPrefix(ref)}-${String(n).padStart(2, '0')}`;

/**
 * Building wizard (ビルのモデル作成ウィザード): instantiates an ordinary CPSF model of one building from the
 * profile's device templates. Layer 1 holds the owner, the management company and the cloud provider (with
 * contracts from the owner), the operators and maintenance staff, and the two procedures; layer 2 the
 * controllers, sensors and panels with a physical_control edge each to the building equipment; layer 3 the
 * building management system, the IT-side devices (each on the network of the system), the operation and
 * configuration data, and — when chosen — the external network and the cloud service. Positions follow the
 * three-swimlane layout of layout.ts. Names are in `lang`; invalid input gives problems with JSON pointers.
 */
export function instantiateBuildingModel(
  profile: BuildingProfile,
  input: BuildingWizardInput,
  lang: 'ja' | 'en' = 'ja',
): WizardResult {
  const checked = checkWizardInput(profile, input);
  if (!checked.ok) return checked;
  const { buildingName, ownerName, managementCompany, devices, externalConnection, cloud } = checked.value;
  const t = (x: Text) => x[lang];
  const ids = BUILDING_IDS;
  const operatorOrg = managementCompany !== null ? ids.management : ids.owner;
  const locationTitle = new Map(profile.locations.map((l) => [l.ref, t(l.title)]));

  const layer1: Element[] = [{ id: ids.owner, name: ownerName, component: 'organization', layer: 1 }];
  if (managementCompany !== null)
    layer1.push({ id: ids.management, name: managementCompany, component: 'organization', layer: 1 });
  if (cloud)
    layer1.push({ id: ids.cloudProvider, name: t(NAMES.cloudProvider), component: 'organization', layer: 1 });
  for (const [id, name, component] of [
    [ids.operators, NAMES.operators, 'people'],
    [ids.maintenanceStaff, NAMES.maintenanceStaff, 'people'],
    [ids.operationProcedure, NAMES.operationProcedure, 'procedure'],
    [ids.maintenanceProcedure, NAMES.maintenanceProcedure, 'procedure'],
  ] as const)
    layer1.push({ id, name: t(name), component, layer: 1, orgRef: operatorOrg });

  const bmsName = lang === 'ja' ? `${buildingName} ${NAMES.bms.ja}` : `${buildingName} ${NAMES.bms.en}`;
  const owned = { orgRef: ids.owner, owner: ownerName };
  const layer3: Element[] = [{ id: ids.bms, name: bmsName, component: 'system', layer: 3, ...owned }];
  const layer2: Element[] = [];
  const edges: Edge[] = [];
  const edge = (kind: EdgeKind, from: string, to: string, label?: Text) =>
    edges.push({ id: `${EDGE_PREFIX[kind]}-${from}-${to}`, from, to, kind, label: label ? t(label) : null });

  if (managementCompany !== null) edge('contract', ids.owner, ids.management, LABELS.managementContract);
  if (cloud) edge('contract', ids.owner, ids.cloudProvider, LABELS.cloudContract);

  const externalGateways: string[] = [];
  for (const { template, count } of devices) {
    for (let n = 1; n <= count; n += 1) {
      const id = deviceElementId(template.ref, n);
      const el: Element = {
        id,
        name: `${t(template.title)} ${String(n).padStart(2, '0')}`,
        component: template.component,
        thingKind: template.thingKind,
        layer: template.layer,
        location: locationTitle.get(template.locationRef) ?? null,
        attributes: { template: template.ref },
        ...owned,
      };
      (template.layer === 1 ? layer1 : template.layer === 2 ? layer2 : layer3).push(el);
      edge('network', id, ids.bms);
      if (template.physicalRole !== null)
        edge(
          'physical_control',
          id,
          ids.equipment,
          template.physicalRole === 'senses' ? LABELS.senses : LABELS.controls,
        );
      if (template.externalBoundary) externalGateways.push(id);
    }
  }
  if (edges.some((e) => e.kind === 'physical_control'))
    layer2.push({
      id: ids.equipment,
      name: t(NAMES.equipment),
      component: 'thing',
      thingKind: 'hardware',
      layer: 2,
      ...owned,
    });

  layer3.push(
    {
      id: ids.operationData,
      name: t(NAMES.operationData),
      component: 'data',
      layer: 3,
      dataClass: 'internal',
      ...owned,
    },
    {
      id: ids.configurationData,
      name: t(NAMES.configurationData),
      component: 'data',
      layer: 3,
      dataClass: 'confidential',
      ...owned,
    },
  );
  edge('data_flow', ids.bms, ids.operationData, LABELS.records);
  edge('data_flow', ids.operationData, ids.operators, LABELS.monitors);
  if (managementCompany !== null) edge('data_flow', ids.operationData, ids.management, LABELS.reports);
  edge('data_flow', ids.maintenanceStaff, ids.configurationData, LABELS.changes);
  edge('data_flow', ids.configurationData, ids.bms, LABELS.applies);

  if (externalConnection) {
    layer3.push({
      id: ids.externalNetwork,
      name: t(NAMES.externalNetwork),
      component: 'system',
      layer: 3,
      owner: ownerName,
    });
    if (externalGateways.length === 0) edge('network', ids.bms, ids.externalNetwork);
    for (const gw of externalGateways) edge('network', gw, ids.externalNetwork);
  }
  if (cloud) {
    const provider = t(NAMES.cloudProvider);
    layer3.push({
      id: ids.cloudService,
      name: t(NAMES.cloudService),
      component: 'system',
      layer: 3,
      orgRef: ids.cloudProvider,
      owner: provider,
    });
    edge('network', ids.externalNetwork, ids.cloudService);
    edge('data_flow', ids.operationData, ids.cloudService, LABELS.uploads);
  }

  return { ok: true, model: { elements: layoutInLanes([...layer1, ...layer2, ...layer3]), edges } };
}
