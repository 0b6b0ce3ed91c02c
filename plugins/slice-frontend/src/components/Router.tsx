import { Route, Routes } from 'react-router-dom';
import { FleetPage } from './FleetPage/FleetPage';
import { SlicePage } from './SlicePage/SlicePage';

/** The plugin's pages: the fleet at the mount point, a slice's tabs below it. */
export function Router() {
  return (
    <Routes>
      <Route path="/" element={<FleetPage />} />
      <Route path="/:hub/:project/:name/*" element={<SlicePage />} />
    </Routes>
  );
}
