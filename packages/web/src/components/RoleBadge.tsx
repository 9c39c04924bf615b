import { Badge } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { Role } from '../api/types';

const colors: Record<Role, string> = {
  owner: 'grape',
  admin: 'indigo',
  member: 'blue',
  viewer: 'gray',
  auditor: 'orange',
};

export function RoleBadge({ role }: { role: Role }) {
  const { t } = useTranslation();
  return (
    <Badge variant="light" color={colors[role]}>
      {t(`roles.${role}`)}
    </Badge>
  );
}
