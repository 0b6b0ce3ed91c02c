import { Route, Routes } from 'react-router-dom';
import { FleetPage } from './FleetPage/FleetPage';
import { SlicePage } from './SlicePage/SlicePage';
import { OnboardWizardPage } from './OnboardWizard/OnboardWizardPage';
import { CreateSlicePage } from './CreateSlice/CreateSlicePage';
import { ChangeSlicePage } from './ChangeSlice/ChangeSlicePage';
import { RegisterClusterPage } from './RegisterCluster/RegisterClusterPage';
import { ExportServicePage } from './ExportService/ExportServicePage';

/** The plugin's pages: the fleet at the mount point, the create-slice wizard, a slice's tabs below it. */
export function Router() {
  return (
    <Routes>
      <Route path="/" element={<FleetPage />} />
      <Route path="/create" element={<CreateSlicePage />} />
      <Route path="/register-cluster" element={<RegisterClusterPage />} />
      <Route
        path="/:hub/:project/:name/export"
        element={<ExportServicePage />}
      />
      <Route path="/onboard" element={<OnboardWizardPage />} />
      <Route
        path="/:hub/:project/:name/onboard"
        element={<OnboardWizardPage />}
      />
      <Route path="/:hub/:project/:name/edit" element={<ChangeSlicePage />} />
      <Route path="/:hub/:project/:name/*" element={<SlicePage />} />
    </Routes>
  );
}
