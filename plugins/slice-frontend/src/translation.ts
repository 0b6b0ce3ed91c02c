import { createTranslationRef } from '@backstage/frontend-plugin-api';
import { commonMessages, healthMessages } from './messages/common';
import { fleetPageMessages } from './messages/fleetPage';
import { latencyMessages } from './messages/latency';
import { sliceTabsMessages } from './messages/sliceTabs';
import { topologyMessages } from './messages/topology';
import { servicesMessages } from './messages/services';
import { entitySlicesMessages } from './messages/entitySlices';
import { fleetViewsMessages } from './messages/fleetViews';

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
    slicePage: {
      type: 'Slice',
      breadcrumbFleet: 'Slices',
      subtitle: 'project {{project}} on hub {{hub}}',
      labels: {
        health: 'Health',
        members: 'Members',
        mode: 'Mode',
        data: 'Data',
      },
      tabs: {
        overview: 'Overview',
        topology: 'Topology',
        latency: 'Latency',
        namespaces: 'Namespaces',
        services: 'Services',
        events: 'Events',
        changes: 'Changes',
        yaml: 'YAML',
      },
    },
    events: {
      title: 'Events',
      what: 'events',
      noTime: 'no time',
      filters: {
        type: 'Type',
        cluster: 'Cluster',
        search: 'Search',
        searchAria: 'search events',
        all: 'All',
        allClusters: 'All clusters',
        warning: 'Warning',
        normal: 'Normal',
      },
      empty: {
        title: 'No events match',
        none: 'The controller and workers have not recorded events for this slice recently; events expire after an hour on most clusters.',
        filtered: 'Clear the filters to see all events of the slice.',
      },
    },
    latency: latencyMessages,
    sliceTabs: sliceTabsMessages,
    topology: topologyMessages,
    services: servicesMessages,
    entitySlices: entitySlicesMessages,
    fleetViews: fleetViewsMessages,
    changes: {
      title: 'Changes',
      subheader:
        'Writes through the portal: who changed what, when, and how it ended (from the audit log)',
      what: 'change history',
      filters: {
        result: 'Outcome',
        all: 'All',
        dryRuns: 'Show dry runs',
      },
      results: {
        succeeded: 'succeeded',
        denied: 'denied',
        rejected: 'rejected',
        failed: 'failed',
      },
      actions: {
        sliceCreate: 'Created slice',
        sliceUpdate: 'Changed slice',
        sliceDelete: 'Deleted slice',
        namespaceOnboard: 'Onboarded namespace',
        namespaceOffboard: 'Offboarded namespace',
        clusterRegister: 'Registered cluster',
        clusterDeregister: 'Deregistered cluster',
        serviceExport: 'Exported service',
        qosUpsert: 'Set QoS profile',
      },
      object: {
        slice: 'slice {{name}}',
        cluster: 'cluster {{name}}',
      },
      by: 'by',
      dryRun: 'dry run',
      operation: 'operation {{id}}',
      hiddenDryRuns: 'Dry runs hidden: {{n}}',
      limited: 'Showing the latest {{n}} changes',
      outsidePortal:
        'Changes made outside the portal (kubectl, GitOps) show only as events.',
      empty: {
        title: 'No changes through the portal yet',
        none: 'Creating, changing or deleting the slice, onboarding namespaces and exporting services through the portal are recorded here. Changes made with kubectl or GitOps show on the Events tab.',
        filteredTitle: 'No changes match',
        filtered:
          'Clear the filters, or show dry runs, to see all changes of the slice.',
      },
    },
    wizard: {
      next: 'Next',
      back: 'Back',
      review: 'Review',
      cancel: 'Cancel',
      stepHasErrors: '{{n}} to fix',
      reviewTitle: 'Review',
      checking: 'Checking with preflight and a dry run on the hub…',
      yamlTitle: 'What will be written',
      yamlRefused:
        'The hub would refuse this write, so it has not produced the object yet: fix the errors above. What you asked for:',
      downloadYaml: 'Download YAML',
      apply: 'Apply',
      applying: 'Applying…',
      applyBlocked: 'Fix the errors before applying.',
      findingsTitle: 'Preflight',
      noFindings: 'Preflight found nothing to fix.',
      errorsTitle: 'Errors',
      goToStep: 'Go to {{step}}',
      generalProblem: 'About the request as a whole',
      error: 'Error',
      warning: 'Warning',
      forbidden: 'You may not do this: {{message}}',
      unavailable:
        'The backend or the hub could not be reached ({{message}}). Your input is kept; try again.',
      failed: 'The write failed: {{message}}',
      retry: 'Try again',
      conflict: {
        title: 'Someone else changed this',
        message:
          'While you were working, someone else changed it on the hub ({{message}}). Reload what is stored now and apply your input again: nothing you entered is lost.',
        reload: 'Reload and re-apply',
        cancel: 'Keep editing',
      },
      leave: {
        title: 'Leave the wizard?',
        message: 'What you entered has not been applied and will be lost.',
        stay: 'Stay',
        leave: 'Leave',
      },
      progress: {
        title: 'Progress',
        running: 'Working…',
        done: 'Done',
        failed: 'Failed: {{reason}}',
        timedOut: 'Timed out: {{reason}}',
        reconnecting:
          'Connection to the backend lost; reconnecting… (the operation goes on without the browser)',
        pending: 'pending',
        stepRunning: 'running',
        stepDone: 'done',
        stepFailed: 'failed',
      },
    },
    changeSlice: {
      title: 'Change slice {{name}}',
      subtitle: 'Members, QoS and isolation of a slice that exists',
      button: 'Change',
      notAllowed: 'You may not change this slice ({{permission}}).',
      notAllowedTitle: 'Not allowed',
      steps: {
        clusters: 'Members',
        namespaces: 'Isolation and allowed namespaces',
        qos: 'QoS',
        review: 'Review the change',
      },
      nothingChanged: 'Change something first: it is all as stored.',
      held: {
        namespaces:
          'cannot leave: namespaces {{list}} are onboarded here; offboard them first',
        exports:
          'cannot leave: it exports {{list}}; delete those exports first',
      },
      applicationNote:
        'Application namespaces are onboarded and offboarded with the onboarding wizard ({{list}}).',
      noApplication: 'none yet',
      onboardLink: 'Onboard or offboard namespaces',
      diffTitle: 'What changes (diff of the SliceConfig)',
      noDiff: 'The hub would store the slice as it is: nothing changes.',
      done: 'Slice {{name}} is changed.',
      open: 'Back to slice {{name}}',
    },
    deleteSlice: {
      button: 'Delete',
      notAllowed: 'You may not delete this slice ({{permission}}).',
      title: 'Delete slice {{name}}?',
      checking: 'Asking the hub what the delete would remove…',
      removes: 'This removes:',
      members: 'The slice from its {{n}} members: {{list}}',
      namespaces: 'Namespaces offboarded on {{cluster}}: {{list}}',
      noNamespaces: 'No namespace is onboarded: nothing to offboard.',
      allowed: 'Allowed namespaces: {{list}}',
      exports:
        'Service exports that hold the delete until they are deleted on the workers:',
      exportOn: '{{service}}.{{namespace}} on {{clusters}}',
      plan: 'Steps, in order',
      confirm: 'Type {{name}} to confirm',
      cancel: 'Cancel',
      delete: 'Delete slice',
      deleting: 'Deleting…',
      close: 'Hide (the delete goes on)',
      deleted: 'Slice {{name}} was deleted.',
      backToFleet: 'Back to the Slices page',
    },
    createSlice: {
      title: 'Create slice',
      subtitle:
        'A set of namespaces across clusters, joined by an encrypted overlay',
      button: 'Create slice',
      noProjects:
        'You may not create slices in any project. Ask a platform engineer for a project (slice.tenancy.projects).',
      loadingPermissions: 'Checking your permissions…',
      steps: {
        project: 'Project and name',
        clusters: 'Clusters',
        network: 'Network',
        namespaces: 'Namespaces and isolation',
        qos: 'QoS',
        review: 'Review',
      },
      project: {
        label: 'Project',
        notAllowed: 'you may not create slices here',
        name: 'Slice name',
        nameHelp:
          'A DNS label; keep it to 15 characters or fewer (longer names break service export).',
        nameInvalid:
          'Use lowercase letters, digits and "-", starting and ending with a letter or digit.',
        nameTaken: 'Project {{project}} already has a slice {{name}}.',
        blocker: 'Choose a project and a valid name no slice of it uses.',
        hub: 'Hub',
      },
      clusters: {
        hint: 'Pick at least two clusters of project {{project}}: in the list or on the map.',
        selected: '{{n}} selected',
        name: 'Cluster',
        health: 'Health',
        provider: 'Provider / region',
        pickable: 'Can join',
        reasons: {
          otherProject: 'in another project',
          notRegistered: 'not registered',
          noNetwork: 'no slice network (NSM) on it',
          unhealthy: 'unhealthy',
        },
        yes: 'yes',
        tooFew: 'A slice needs at least two clusters.',
        mapHint: 'Click a cluster on the map to add or remove it.',
      },
      network: {
        mode: 'Overlay network',
        modes: {
          'single-network': 'single network (one flat L3 overlay)',
          'multi-network': 'multi network (per-cluster gateways, no flat L3)',
          'no-network': 'no network (namespace sameness only, no tunnels)',
        },
        subnet: 'Slice subnet',
        subnetHelp: 'A private /16 ending in .0.0.',
        suggested:
          'Suggested {{subnet}}: it overlaps no slice of the hub and no CNI subnet of the chosen clusters.',
        useSuggested: 'Use {{subnet}}',
        noSuggestion: 'Every private /16 is in use; enter one by hand.',
        maxClusters: 'Maximum clusters',
        maxClustersHelp:
          'Fixed once the slice exists: each member gets a block of the subnet sized by it, so it cannot change later. 2 to 32.',
      },
      namespaces: {
        application: 'Application namespaces',
        allowed: 'Allowed namespaces (may reach the slice when isolated)',
        namespace: 'Namespace',
        clusters: 'On clusters',
        everyCluster: 'every member (*)',
        add: 'Add namespace',
        remove: 'Remove {{namespace}}',
        isolation: 'Isolate the application namespaces (network policies)',
        none: 'None yet: you can onboard namespaces after the slice exists.',
      },
      qos: {
        kind: 'QoS',
        profile: 'A QoS profile of the project',
        custom: 'Custom values',
        profileName: 'Profile name',
        profileHelp: 'The name of a SliceQoSConfig in project {{project}}.',
        ceiling: 'Bandwidth ceiling',
        guaranteed: 'Bandwidth guaranteed',
        kbps: 'kbit/s',
        priority: 'Priority',
        priorityHelp: '0 (highest) to 3',
        dscp: 'DSCP class',
        ceilingBelow: 'The ceiling must be at least the guaranteed bandwidth.',
      },
      done: {
        title: 'Slice {{name}} is ready',
        open: 'Open slice {{name}}',
        waiting: 'Waiting until every member is ready and every tunnel is UP…',
        openAnyway: 'Open the slice now',
      },
    },
    registerClusterWizard: {
      title: 'Register cluster',
      subtitle: 'Add a worker cluster to a project of the hub',
      button: 'Register cluster',
      notAllowed:
        'Registering clusters changes the fleet: only platform engineers may do it.',
      loadingPermissions: 'Checking your permissions…',
      steps: {
        cluster: 'Project and name',
        location: 'Location',
        network: 'Network',
        review: 'Review',
        applied: 'Install and register',
      },
      cluster: {
        project: 'Project',
        projectNotAllowed: 'you may not register clusters here',
        name: 'Cluster name',
        nameHelp:
          'A DNS-1123 subdomain (lowercase letters, digits, "-" and "."); it names the worker everywhere.',
        nameInvalid:
          'Use lowercase letters, digits, "-" and ".", starting and ending with a letter or digit.',
        nameTaken: 'Project {{project}} already has a cluster {{name}}.',
        nameRequired: 'Give the cluster a name.',
        chooseProject: 'Choose the project the cluster belongs to.',
      },
      location: {
        provider: 'Cloud provider',
        providerHelp:
          'e.g. aws, gcp, azure, or on-prem; the worker overwrites it when it detects aws, gcp, azure, linode or akamai.',
        region: 'Region',
        regionHelp: 'e.g. eu-west-1',
        latitude: 'Latitude',
        longitude: 'Longitude',
        coordinateHelp:
          'Decimal degrees; paste "52.37, 4.89" into either field to fill both.',
        both: 'Give both latitude and longitude, or neither.',
        mapHint:
          'Click the map to place the cluster there; the other clusters are shown for reference.',
        clear: 'Clear location',
        fix: 'Fix the coordinates first (or clear them).',
      },
      network: {
        nodeIPs: 'Gateway node IPs',
        nodeIPsHelp:
          'Separated by commas or spaces. Leave empty and the worker detects its gateway nodes (labelled kubeslice.io/node-type=gateway).',
        networkInterface: 'Network interface',
        networkInterfaceHelp:
          'The interface QoS shapes slice traffic on; usually eth0.',
      },
      install: {
        title: 'Install the worker',
        intro:
          'The Cluster {{name}} exists on the hub. Install the KubeSlice worker chart on that cluster with these values; the worker then registers itself.',
        secret:
          "These values hold the worker's token for the hub: keep them secret. They are shown to you only and are not stored by the portal.",
        waitingSecret: 'Waiting for the controller to issue the worker Secret…',
        valuesTitle: 'Helm values file',
        commandTitle: 'Install command',
        endpoint: 'Worker API server URL (optional)',
        endpointHelp:
          'An https URL: the chart value cluster.endpoint, used for the dashboard credentials the worker publishes.',
        updateValues: 'Update values',
      },
      wait: {
        title: 'Registration',
        waiting:
          'Waiting for the worker to report Registered (it does so once the chart is installed)…',
        status: 'The worker reports {{status}}.',
        registered: 'Cluster {{name}} is registered.',
        failed:
          'The worker reports {{status}}: see its logs (kubectl -n kubeslice-system logs deploy/kubeslice-operator).',
        deregistering: 'The cluster is being deregistered ({{status}}).',
        reconnecting:
          'The backend cannot be reached; still waiting, and checking again…',
        backToFleet: 'Back to the fleet',
      },
    },
    exportWizard: {
      title: 'Export a service',
      subtitle: 'Make a service of slice {{slice}} reachable from every member',
      button: 'Export a service',
      notAllowed:
        'You may not change slice {{slice}}, so you cannot export services on it.',
      steps: {
        service: 'Service',
        ports: 'Ports',
        aliases: 'Aliases',
        review: 'Review',
        applied: 'Follow the export',
      },
      service: {
        cluster: 'Cluster the service runs on',
        namespace: 'Namespace',
        namespaceOnboarded: 'onboarded on {{cluster}}',
        namespaceNotOnboarded:
          'Not onboarded on {{cluster}}: the export stays PENDING until it is.',
        name: 'Service name',
        nameHelp: 'The ServiceExport is named like the service.',
        nameInvalid:
          'Use lowercase letters, digits and "-", starting and ending with a letter or digit.',
        selector: 'Pod labels (selector)',
        selectorHelp: 'The labels of the pods to export: app=web, tier=front.',
        blockers: {
          cluster: 'Choose the cluster the service runs on.',
          namespaceRequired: 'Give the namespace the service runs in.',
          namespaceInvalid:
            'Fix the namespace: lowercase letters, digits and "-", at most 63 characters.',
          nameRequired: 'Give the name of the service to export.',
          nameInvalid:
            'Fix the service name: lowercase letters, digits and "-", at most 63 characters.',
          selectorInvalid: 'Fix the pod labels: {{problems}}.',
          selectorRequired:
            'Give the labels of the pods to export, e.g. app=web.',
        },
      },
      ports: {
        name: 'Name',
        containerPort: 'Container port',
        servicePort: 'Service port',
        servicePortHelp: 'Empty: same as the container port',
        protocol: 'Protocol',
        serviceProtocol: 'Service protocol',
        none: 'none',
        add: 'Add port',
        remove: 'Remove port {{n}}',
        nameWarning: 'KubeSlice expects port names to start with http or tcp.',
        blockers: {
          none: 'Add a port to export.',
          containerPortRequired:
            'Port {{n}}: give its container port (1 to 65535).',
          containerPortInvalid:
            'Port {{n}}: the container port must be a number from 1 to 65535.',
          servicePortInvalid:
            'Port {{n}}: the service port must be a number from 1 to 65535, or empty.',
          nameInvalid:
            'Port {{n}}: the name may hold lowercase letters, digits and "-", at most 15 characters.',
        },
      },
      aliases: {
        aliases: 'Aliases',
        aliasesHelp:
          'Extra DNS names for the service, separated by commas or spaces; each may be used by one export of the slice only.',
        dnsTitle: 'The service will answer on',
      },
      review: {
        manifestOnly:
          'The portal has no write access to {{cluster}}: Apply hands you the manifest to apply there.',
      },
      result: {
        manifestTitle: 'Apply this manifest on {{cluster}}',
        checklistTitle: 'Why is this export not working?',
        waiting:
          'Waiting until the import is READY on every member ({{clusters}})…',
        ready: 'The service is imported and READY on every member.',
        reconnecting:
          'The backend cannot be reached; the checklist shows the last known state and is checked again…',
        openServices: 'Open the Services tab',
      },
    },
    codeBlock: {
      copy: 'Copy',
      copied: 'Copied',
      download: 'Download {{file}}',
    },
    onboardWizard: {
      title: 'Onboard namespaces',
      offboardTitle: 'Offboard namespaces',
      subtitle:
        'Put namespaces on a slice (or take them off) on the clusters you pick',
      button: 'Onboard namespaces',
      offboardButton: 'Offboard',
      loadingPermissions: 'Checking your permissions…',
      mayNotChange: 'You may not change slice {{name}}.',
      steps: {
        slice: 'Slice',
        namespaces: 'Clusters and namespaces',
        isolation: 'Isolation',
        review: 'Review',
      },
      slice: {
        label: 'Slice',
        help: 'Only slices you may change can be picked.',
        notVisible:
          'Slice {{slice}} does not exist or you may not see it: pick another one.',
        notAllowed: 'you may not change it',
        pick: 'Pick a slice you may change.',
        members: '{{n}} member clusters',
      },
      grid: {
        hint: 'Tick a cell to put the namespace on that cluster, untick it to take it off. "*" puts it on every member, now and later.',
        namespace: 'Namespace',
        every: '*',
        everyLabel: 'every cluster (*) for {{namespace}}',
        cellLabel: '{{namespace}} on {{cluster}}',
        onboarded: 'onboarded',
        pending: 'listed, not onboarded yet',
        leaving: 'being offboarded',
        free: 'exists, on no slice',
        absent: 'will be created',
        otherSlice: 'on slice {{slice}}',
        conflict:
          '{{namespace}} is on slice {{slice}} on {{cluster}}: a namespace can be on one slice per cluster. Offboard it there first, or pick other clusters.',
        conflictSourceCluster: 'reported by the worker',
        conflictSourceSlice: 'onboarded by slice {{slice}}',
        add: 'Add namespace',
        addLabel: 'New namespace',
        addHelp: 'A DNS label: lowercase letters, digits and "-".',
        invalidName:
          '"{{namespace}}" is not a namespace name: lowercase letters, digits and "-", at most 63 characters.',
        reserved:
          '{{namespace}} is a system namespace; onboarding it would label and isolate system workloads.',
        noChange: 'Tick or untick at least one cell, or change isolation.',
        fixFirst: 'Fix the problems shown beside the namespaces first.',
        empty: 'No namespaces yet: add one below.',
        change: 'change',
      },
      isolation: {
        enabled: 'Isolate the slice namespaces (network policies)',
        help: 'When isolated, pods of the slice namespaces only accept traffic from the slice and from the allowed namespaces.',
        allowed: 'Allowed namespaces',
        allowedHelp:
          'Namespaces of every member that may reach the slice when it is isolated.',
        add: 'Allow',
        remove: 'Remove {{namespace}}',
        none: 'None',
      },
      plan: {
        title: 'What changes',
        namespace: 'Namespace',
        before: 'Now',
        after: 'After',
        none: 'not on the slice',
        every: 'every member (*)',
        isolation: 'Isolation: {{before}} → {{after}}',
        on: 'on',
        off: 'off',
        allowedAdded: 'Allowed namespaces added: {{list}}',
        allowedRemoved: 'Allowed namespaces removed: {{list}}',
        writes: 'Writes, in order ({{n}})',
        onboard: 'Onboard {{namespace}} on {{clusters}}',
        offboard: 'Offboard {{namespace}} from {{clusters}}',
        offboardAll: 'Offboard {{namespace}} from the slice',
        update: 'Change isolation and allowed namespaces',
        diff: 'Diff of the SliceConfig',
        noDiff: 'No change to the stored SliceConfig.',
        yamlNote:
          'The YAML below is the SliceConfig after all {{n}} writes, for review or GitOps.',
      },
      progress: {
        title: 'Progress per namespace and cluster',
        open: 'Open slice {{name}}',
        done: 'Every change is in place.',
      },
    },
  },
});
