export { ThreatsPage } from './ThreatsPage';
export { ThreatPage } from './ThreatPage';
