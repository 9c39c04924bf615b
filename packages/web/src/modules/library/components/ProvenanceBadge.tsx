import { Badge, Tooltip } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { Provenance } from '../../../api/types';

/**
 * 公式 (from the official framework), Shinrai独自 (added by Shinrai in a built-in catalog) or 自組織
 * (an item of a catalog the organization imported: it is theirs, not Shinrai's), explained on hover.
 */
export function ProvenanceBadge({
  provenance,
  imported = false,
}: {
  provenance: Provenance;
  imported?: boolean;
}) {
  const { t } = useTranslation();
  const key = provenance === 'own' && imported ? 'organization' : provenance;
  const help = t(`provenance.${key}Help`);
  return (
    <Tooltip label={help} multiline w={280} withArrow events={{ hover: true, focus: true, touch: true }}>
      <Badge
        size="sm"
        variant="light"
        tt="none"
        color={key === 'official' ? 'indigo' : key === 'organization' ? 'teal' : 'grape'}
        tabIndex={0}
        aria-label={`${t(`provenance.${key}`)}: ${help}`}
        style={{ cursor: 'help', flexShrink: 0 }}
      >
        {t(`provenance.${key}`)}
      </Badge>
    </Tooltip>
  );
}
