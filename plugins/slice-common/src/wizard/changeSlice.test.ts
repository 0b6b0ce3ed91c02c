import type { SliceDetail } from '../fleet/types';
import {
  CHANGE_SLICE_STEPS,
  applySliceUpdate,
  changeSliceForm,
  changesSomething,
  memberHold,
  sliceUpdateRequest,
} from './changeSlice';
import { stepOfField } from './steps';

const ok = { state: 'ok' as const, reasons: [] };
const member = (cluster: string, onboardedNamespaces: string[] = []) => ({
  cluster,
  onboardedNamespaces,
  health: ok,
});

const slice = (over: Partial<SliceDetail> = {}): SliceDetail => ({
  hub: 'demo',
  project: 'arcade',
  name: 'pacman',
  mode: 'single-network',
  subnet: '10.1.0.0/16',
  maxClusters: 8,
  isolationEnabled: false,
  namespaces: ['web'],
  allowedNamespaces: ['monitoring'],
  members: [member('a', ['web']), member('b'), member('c')],
  health: ok,
  qos: { profile: 'gold' },
  tunnels: [],
  namespaceStates: [],
  services: [],
  events: [],
  errors: [],
  sliceConfig: {
    spec: {
      clusters: ['a', 'b', 'c'],
      overlayNetworkDeploymentMode: 'single-network',
      sliceSubnet: '10.1.0.0/16',
      maxClusters: 8,
      standardQosProfileName: 'gold',
      namespaceIsolationProfile: {
        isolationEnabled: true,
        applicationNamespaces: [{ namespace: 'web', clusters: ['*'] }],
        allowedNamespaces: [
          { namespace: 'monitoring', clusters: ['a', 'b'] },
          { namespace: 'logging', clusters: ['*'] },
        ],
      },
    },
  },
  ...over,
});

describe('changeSliceForm', () => {
  it('opens with the slice as stored: members, namespaces ("*" as every member), isolation, QoS profile', () => {
    const form = changeSliceForm(slice());
    expect(form).toMatchObject({
      hub: 'demo',
      project: 'arcade',
      name: 'pacman',
      clusters: ['a', 'b', 'c'],
      subnet: '10.1.0.0/16',
      maxClusters: 8,
      isolationEnabled: true,
      namespaces: [{ namespace: 'web', clusters: [] }],
      allowedNamespaces: [
        { namespace: 'monitoring', clusters: ['a', 'b'] },
        { namespace: 'logging', clusters: [] },
      ],
      qos: { kind: 'profile', profile: 'gold' },
    });
  });

  it('takes inline QoS details, filling what the stored slice leaves out', () => {
    const form = changeSliceForm(
      slice({
        sliceConfig: {
          spec: {
            clusters: ['a', 'b'],
            qosProfileDetails: {
              priority: 2,
              bandwidthCeilingKbps: 5000,
              bandwidthGuaranteedKbps: 100,
              dscpClass: 'EF',
            },
          },
        },
      }),
    );
    expect(form.qos).toEqual({
      kind: 'custom',
      details: {
        queueType: 'HTB',
        tcType: 'BANDWIDTH_CONTROL',
        priority: 2,
        bandwidthCeilingKbps: 5000,
        bandwidthGuaranteedKbps: 100,
        dscpClass: 'EF',
      },
    });
    expect(form.isolationEnabled).toBe(false);
  });

  it('falls back to the summary when the SliceConfig is silent', () => {
    const form = changeSliceForm(slice({ sliceConfig: {} }));
    expect(form.clusters).toEqual(['a', 'b', 'c']);
    expect(form.qos).toEqual({ kind: 'profile', profile: 'gold' });
    expect(form.maxClusters).toBe(8);
  });
});

describe('sliceUpdateRequest', () => {
  const base = changeSliceForm(slice());

  it('is empty when nothing changed', () => {
    const body = sliceUpdateRequest(base, { ...base });
    expect(body).toEqual({});
    expect(changesSomething(body)).toBe(false);
  });

  it('adds and removes members; entries of a removed member are left to the backend', () => {
    const body = sliceUpdateRequest(base, {
      ...base,
      clusters: ['a', 'c', 'd'],
    });
    expect(body).toEqual({ addClusters: ['d'], removeClusters: ['b'] });
    expect(changesSomething(body)).toBe(true);
  });

  it('sends QoS and isolation only when they changed', () => {
    expect(
      sliceUpdateRequest(base, {
        ...base,
        qos: { kind: 'profile', profile: ' silver ' },
        isolationEnabled: false,
      }),
    ).toEqual({
      qos: { standardQosProfileName: 'silver' },
      isolationEnabled: false,
    });
    const custom = changeSliceForm(
      slice({
        sliceConfig: {
          spec: {
            clusters: ['a', 'b'],
            qosProfileDetails: {
              priority: 1,
              bandwidthCeilingKbps: 10,
              bandwidthGuaranteedKbps: 5,
              dscpClass: 'AF11',
            },
          },
        },
      }),
    );
    if (custom.qos.kind !== 'custom') throw new Error('custom expected');
    expect(
      sliceUpdateRequest(custom, {
        ...custom,
        qos: {
          kind: 'custom',
          details: { ...custom.qos.details, bandwidthCeilingKbps: 20 },
        },
      }),
    ).toEqual({
      qos: {
        qosProfileDetails: {
          ...custom.qos.details,
          bandwidthCeilingKbps: 20,
        },
      },
    });
  });

  it('allowed namespaces: new ones added, gone ones removed, changed ones removed and added again', () => {
    expect(
      sliceUpdateRequest(base, {
        ...base,
        allowedNamespaces: [
          { namespace: 'monitoring', clusters: ['a'] },
          { namespace: 'audit', clusters: [] },
          { namespace: ' ', clusters: [] },
        ],
      }),
    ).toEqual({
      removeAllowedNamespaces: ['monitoring', 'logging'],
      addAllowedNamespaces: [
        { namespace: 'monitoring', clusters: ['a'] },
        { namespace: 'audit', clusters: ['*'] },
      ],
    });
  });

  it('an allowed entry that only loses a removed member is not rewritten', () => {
    expect(
      sliceUpdateRequest(base, {
        ...base,
        clusters: ['a', 'c'],
        allowedNamespaces: [
          { namespace: 'monitoring', clusters: ['a', 'b'] },
          { namespace: 'logging', clusters: [] },
        ],
      }),
    ).toEqual({ removeClusters: ['b'] });
  });
});

describe('memberHold', () => {
  const detail = slice({
    namespaceStates: [
      {
        namespace: 'db',
        cluster: 'b',
        role: 'application',
        requested: true,
        onboarded: true,
        state: 'onboarded',
      },
      {
        namespace: 'monitoring',
        cluster: 'b',
        role: 'allowed',
        requested: true,
        onboarded: false,
        state: 'allowed',
      },
    ],
    services: [
      {
        name: 'mongo',
        namespace: 'db',
        dnsName: 'mongo.db.svc.slice.local',
        aliases: [],
        exportedFrom: ['b'],
        exports: [{ cluster: 'b', status: 'READY' }],
        imports: [],
        endpoints: [],
        health: ok,
      },
    ],
  });

  it('names the onboarded namespaces and the exports that keep a member', () => {
    expect(memberHold(detail, 'a')).toEqual({
      cluster: 'a',
      namespaces: ['web'],
      exports: [],
    });
    expect(memberHold(detail, 'b')).toEqual({
      cluster: 'b',
      namespaces: ['db'],
      exports: ['mongo.db'],
    });
  });

  it('is undefined for a member that can leave', () => {
    expect(memberHold(detail, 'c')).toBeUndefined();
  });
});

describe('CHANGE_SLICE_STEPS', () => {
  it('owns the fields of the stored slice and of the PATCH body', () => {
    expect(stepOfField(CHANGE_SLICE_STEPS, 'spec.clusters[2]')).toBe(
      'clusters',
    );
    expect(stepOfField(CHANGE_SLICE_STEPS, 'removeClusters[0]')).toBe(
      'clusters',
    );
    expect(stepOfField(CHANGE_SLICE_STEPS, 'qos.standardQosProfileName')).toBe(
      'qos',
    );
    expect(
      stepOfField(
        CHANGE_SLICE_STEPS,
        'spec.namespaceIsolationProfile.allowedNamespaces[0]',
      ),
    ).toBe('namespaces');
  });
});

describe('applySliceUpdate', () => {
  it('re-applies the change to what is stored now, keeping what others changed', () => {
    const base = changeSliceForm(slice());
    const edited = {
      ...base,
      clusters: ['a', 'c', 'd'],
      isolationEnabled: false,
      qos: { kind: 'profile' as const, profile: 'silver' },
      allowedNamespaces: [
        ...base.allowedNamespaces,
        { namespace: 'audit', clusters: ['a'] },
      ],
    };
    const body = sliceUpdateRequest(base, edited);
    // Meanwhile someone else added member e and allowed namespace ops.
    const newer = {
      ...base,
      clusters: [...base.clusters, 'e'],
      allowedNamespaces: [
        ...base.allowedNamespaces,
        { namespace: 'ops', clusters: [] },
      ],
    };
    const again = applySliceUpdate(newer, body);
    expect(again.clusters).toEqual(['a', 'c', 'e', 'd']);
    expect(again.isolationEnabled).toBe(false);
    expect(again.qos).toEqual({ kind: 'profile', profile: 'silver' });
    expect(again.allowedNamespaces.map(e => e.namespace)).toEqual([
      'monitoring',
      'logging',
      'ops',
      'audit',
    ]);
    expect(sliceUpdateRequest(newer, again)).toEqual(body);
  });

  it('inline QoS details replace a profile', () => {
    const base = changeSliceForm(slice());
    const details = {
      priority: 0,
      bandwidthCeilingKbps: 9,
      bandwidthGuaranteedKbps: 1,
      dscpClass: 'EF' as const,
    };
    expect(
      applySliceUpdate(base, { qos: { qosProfileDetails: details } }).qos,
    ).toEqual({
      kind: 'custom',
      details: { queueType: 'HTB', tcType: 'BANDWIDTH_CONTROL', ...details },
    });
  });
});
