import { Badge, Tooltip } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { Provenance } from '../../../api/types';

/** 公式 (from the official framework) or Shinrai独自 (added by Shinrai or the organization), explained on hover. */
export function ProvenanceBadge({ provenance }: { provenance: Provenance }) {
  const { t } = useTranslation();
  const help = provenance === 'official' ? t('provenance.officialHelp') : t('provenance.ownHelp');
  return (
    <Tooltip label={help} multiline w={280} withArrow events={{ hover: true, focus: true, touch: true }}>
      <Badge
        size="sm"
        variant="light"
        tt="none"
        color={provenance === 'official' ? 'indigo' : 'grape'}
        tabIndex={0}
        aria-label={`${t(`provenance.${provenance}`)}: ${help}`}
        style={{ cursor: 'help', flexShrink: 0 }}
      >
        {t(`provenance.${provenance}`)}
      </Badge>
    </Tooltip>
  );
}
