// The building-systems wizard (ビルシステム): the building, the devices per location (from the sector
// profile) and its connections → an ordinary model built from the profile's templates.
import {
  Button,
  Group,
  Modal,
  NumberInput,
  Paper,
  SimpleGrid,
  Stack,
  Stepper,
  Switch,
  Text,
  TextInput,
  Title,
} from '@mantine/core';
import { useEffect, useState } from 'react';
import { suggestedDeviceCounts, type SuggestedCount } from '@shinrai/core/browser';
import { useTranslation } from 'react-i18next';
import { cpsfApi, type BuildingProfile, type ModelDetail } from '../../../api/cpsf';
import { currentLanguage } from '../../../i18n';
import { notifyError } from '../../../lib/notify';
import { ProblemTable } from '../../../components/ProblemTable';
import { flattenProblems } from './ImportExport';
import { ComponentIcon, txt } from './meta';

export function BuildingWizard({
  orgId,
  opened,
  onClose,
  onCreated,
}: {
  orgId: string;
  opened: boolean;
  onClose: () => void;
  onCreated: (model: ModelDetail) => void;
}) {
  const { t } = useTranslation('cpsf');
  const lang = currentLanguage();
  const [step, setStep] = useState(0);
  const [profile, setProfile] = useState<BuildingProfile | null>(null);
  const [buildingName, setBuildingName] = useState('');
  const [ownerName, setOwnerName] = useState('');
  const [managementCompany, setManagementCompany] = useState('');
  const [floors, setFloors] = useState<number>(3);
  const [floorArea, setFloorArea] = useState<number>(3000);
  const [counts, setCounts] = useState<Record<string, number>>({});
  // Counts the user typed are kept when the size changes; the others follow the size.
  const [touched, setTouched] = useState<ReadonlySet<string>>(new Set());
  const [suggested, setSuggested] = useState<Map<string, SuggestedCount>>(new Map());
  const [externalConnection, setExternal] = useState(true);
  const [cloud, setCloud] = useState(false);
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [problem, setProblem] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);

  useEffect(() => {
    if (!opened || profile) return;
    cpsfApi.buildingProfile(orgId).then(setProfile, (error: unknown) => notifyError(error));
  }, [opened, orgId, profile]);

  const next = () => {
    const found: Record<string, string> = {};
    if (!buildingName.trim()) found.buildingName = t('validation.required');
    if (!ownerName.trim()) found.ownerName = t('validation.required');
    setErrors(found);
    if (Object.keys(found).length > 0) return;
    const next = suggestedDeviceCounts({ floors, floorArea });
    setSuggested(next);
    setCounts((c) => {
      const out = { ...c };
      for (const [ref, s] of next) if (!touched.has(ref)) out[ref] = s.count;
      return out;
    });
    setStep(1);
  };

  const create = async () => {
    setBusy(true);
    setProblem(null);
    try {
      const { model } = await cpsfApi.createBuilding(orgId, {
        name: buildingName.trim(),
        input: {
          buildingName: buildingName.trim(),
          ownerName: ownerName.trim(),
          ...(managementCompany.trim() ? { managementCompany: managementCompany.trim() } : {}),
          devices: Object.entries(counts)
            .filter(([, n]) => n > 0)
            .map(([ref, count]) => ({ ref, count })),
          externalConnection,
          cloud,
        },
      });
      setStep(0);
      setCounts({});
      setTouched(new Set());
      onCreated(model);
    } catch (error) {
      setProblem(flattenProblems(error));
    } finally {
      setBusy(false);
    }
  };

  return (
    <Modal opened={opened} onClose={onClose} title={t('cpsf.building.title')} size="xl">
      <Stepper active={step} size="sm" onStepClick={(s) => s < step && setStep(s)}>
        <Stepper.Step label={t('cpsf.building.stepBuilding')}>
          <Stack>
            <Text size="sm" c="dimmed">
              {t('cpsf.building.intro')}
            </Text>
            <TextInput
              label={t('cpsf.building.buildingName')}
              value={buildingName}
              onChange={(e) => setBuildingName(e.currentTarget.value)}
              required
              error={errors.buildingName}
            />
            <TextInput
              label={t('cpsf.building.ownerName')}
              value={ownerName}
              onChange={(e) => setOwnerName(e.currentTarget.value)}
              required
              error={errors.ownerName}
            />
            <TextInput
              label={t('cpsf.building.managementCompany')}
              value={managementCompany}
              onChange={(e) => setManagementCompany(e.currentTarget.value)}
            />
            <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="xs">
              <NumberInput
                label={t('cpsf.building.floors')}
                value={floors}
                onChange={(v) => setFloors(typeof v === 'number' ? v : 1)}
                min={1}
                max={200}
                allowDecimal={false}
              />
              <NumberInput
                label={t('cpsf.building.floorArea')}
                value={floorArea}
                onChange={(v) => setFloorArea(typeof v === 'number' ? v : 0)}
                min={0}
                max={2_000_000}
                step={100}
                thousandSeparator=","
                allowDecimal={false}
              />
            </SimpleGrid>
            <Text size="xs" c="dimmed">
              {t('cpsf.building.sizeHint')}
            </Text>
            <Group justify="flex-end">
              <Button onClick={next}>{t('cpsf.building.stepDevices')} →</Button>
            </Group>
          </Stack>
        </Stepper.Step>
        <Stepper.Step label={t('cpsf.building.stepDevices')}>
          <Stack>
            {profile ? null : <Text size="sm">{t('common.loading')}</Text>}
            <Text size="sm" c="dimmed" data-testid="cpsf-building-defaults">
              {t('cpsf.building.defaultsHint', {
                floors,
                area: floorArea.toLocaleString(lang === 'en' ? 'en-US' : 'ja-JP'),
              })}
            </Text>
            {profile?.locations.map((location) => (
              <Paper key={location.ref} withBorder p="sm">
                <Title order={3} size="h5" mb="xs">
                  {txt(location.title, lang)}
                </Title>
                <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="xs">
                  {location.devices.map((device) => (
                    <NumberInput
                      key={device.ref}
                      label={
                        <Group gap={4} wrap="nowrap" component="span">
                          <ComponentIcon component={device.component} size={14} />
                          {txt(device.title, lang)}
                        </Group>
                      }
                      description={
                        suggested.has(device.ref)
                          ? t('cpsf.building.suggested', {
                              reason: txt(suggested.get(device.ref)!.reason, lang),
                            })
                          : undefined
                      }
                      value={counts[device.ref] ?? 0}
                      onChange={(v) => {
                        setTouched((s) => new Set(s).add(device.ref));
                        setCounts((c) => ({ ...c, [device.ref]: typeof v === 'number' ? v : 0 }));
                      }}
                      min={0}
                      max={500}
                      allowDecimal={false}
                      size="xs"
                    />
                  ))}
                </SimpleGrid>
              </Paper>
            ))}
            <Switch
              label={t('cpsf.building.externalConnection')}
              checked={externalConnection}
              onChange={(e) => setExternal(e.currentTarget.checked)}
            />
            <Switch
              label={t('cpsf.building.cloud')}
              checked={cloud}
              onChange={(e) => setCloud(e.currentTarget.checked)}
            />
            {problem ? <ProblemTable error={problem} /> : null}
            <Group justify="space-between">
              <Button variant="default" onClick={() => setStep(0)}>
                ← {t('common.back')}
              </Button>
              <Button onClick={() => void create()} loading={busy}>
                {t('cpsf.building.create')}
              </Button>
            </Group>
          </Stack>
        </Stepper.Step>
      </Stepper>
    </Modal>
  );
}
