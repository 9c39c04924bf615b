export { CpsfModelPage } from './CpsfModelPage';
export { CpsfModelsPage } from './CpsfModelsPage';
