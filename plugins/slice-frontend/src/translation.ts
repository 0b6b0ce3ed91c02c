import { createTranslationRef } from '@backstage/frontend-plugin-api';
import { commonMessages, healthMessages } from './messages/common';
import { fleetPageMessages } from './messages/fleetPage';
import { latencyMessages } from './messages/latency';
import { sliceTabsMessages } from './messages/sliceTabs';
import { topologyMessages } from './messages/topology';
import { servicesMessages } from './messages/services';
import { entitySlicesMessages } from './messages/entitySlices';
import { fleetViewsMessages } from './messages/fleetViews';
import {
  slicePageMessages,
  eventsMessages,
  changesMessages,
} from './messages/slicePage';
import { wizardMessages, codeBlockMessages } from './messages/wizard';
import {
  changeSliceMessages,
  deleteSliceMessages,
} from './messages/changeSlice';
import { createSliceMessages } from './messages/createSlice';
import { registerClusterMessages } from './messages/registerCluster';
import { exportServiceMessages } from './messages/exportService';
import { onboardWizardMessages } from './messages/onboardWizard';
import { scaffolderMessages } from './messages/scaffolder';

/**
 * The user-visible strings of the Slice Portal frontend, so that a portal can localise them
 * (`createTranslationMessages({ ref: sliceTranslationRef, messages: { … } })` in the app's
 * translation resources). Components read them with `useTranslationRef(sliceTranslationRef)`.
 *
 * One top-level group per page or feature; each group is owned by the code that uses it.
 * Interpolations use `{{name}}`.
 *
 * @public
 */
export const sliceTranslationRef = createTranslationRef({
  id: 'slice',
  messages: {
    common: commonMessages,
    health: healthMessages,
    fleetPage: fleetPageMessages,
    slicePage: slicePageMessages,
    events: eventsMessages,
    latency: latencyMessages,
    sliceTabs: sliceTabsMessages,
    topology: topologyMessages,
    services: servicesMessages,
    entitySlices: entitySlicesMessages,
    fleetViews: fleetViewsMessages,
    changes: changesMessages,
    wizard: wizardMessages,
    changeSlice: changeSliceMessages,
    deleteSlice: deleteSliceMessages,
    createSlice: createSliceMessages,
    registerClusterWizard: registerClusterMessages,
    exportWizard: exportServiceMessages,
    codeBlock: codeBlockMessages,
    onboardWizard: onboardWizardMessages,
    scaffolder: scaffolderMessages,
  },
});
