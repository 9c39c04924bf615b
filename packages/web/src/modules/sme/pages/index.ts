export { SmePage } from './SmePage';
