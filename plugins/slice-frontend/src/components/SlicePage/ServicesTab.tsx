export { ServicesTab } from '../ServicesTab/ServicesTab';
