import { Route } from 'react-router';
import { lazyPages } from '../lazy';
import { cpsfI18n } from './i18n';

// The CPSF pages carry the graph editor (React Flow): loaded on demand, outside the main bundle.
const page = lazyPages(() => import('./pages'), [cpsfI18n]);
const CpsfModelsPage = page('CpsfModelsPage');
const CpsfModelPage = page('CpsfModelPage');

export const orgRoutes = (
  <>
    <Route path="cpsf" element={<CpsfModelsPage />} />
    <Route path="cpsf/:modelId" element={<CpsfModelPage />} />
  </>
);
