import type { SliceDetail } from '../fleet/types';
import { deleteConfirmed, sliceRemoval } from './deleteSlice';

const ok = { state: 'ok' as const, reasons: [] };

const slice: Pick<
  SliceDetail,
  'members' | 'namespaceStates' | 'services' | 'allowedNamespaces'
> = {
  members: [
    { cluster: 'a', onboardedNamespaces: ['web'], health: ok },
    { cluster: 'b', onboardedNamespaces: [], health: ok },
    { cluster: 'c', onboardedNamespaces: [], health: ok },
  ],
  namespaceStates: [
    {
      namespace: 'db',
      cluster: 'a',
      role: 'application',
      requested: true,
      onboarded: false,
      state: 'pending',
    },
    {
      namespace: 'web',
      cluster: 'b',
      role: 'application',
      requested: false,
      onboarded: true,
      state: 'unrequested',
    },
    {
      namespace: 'monitoring',
      cluster: 'c',
      role: 'allowed',
      requested: true,
      onboarded: false,
      state: 'allowed',
    },
  ],
  allowedNamespaces: ['monitoring'],
  services: [
    {
      name: 'mongo',
      namespace: 'db',
      dnsName: 'mongo.db.svc.slice.local',
      aliases: [],
      exportedFrom: ['a'],
      exports: [
        { cluster: 'a', status: 'READY' },
        { cluster: 'b', status: 'PENDING' },
      ],
      imports: [],
      endpoints: [],
      health: ok,
    },
    {
      name: 'gone',
      namespace: 'db',
      dnsName: 'gone.db.svc.slice.local',
      aliases: [],
      exportedFrom: [],
      exports: [],
      imports: [
        { cluster: 'a', status: 'MISSING', endpoints: 0, sourceClusters: [] },
      ],
      endpoints: [],
      health: ok,
    },
  ],
};

describe('sliceRemoval', () => {
  it('names the members, the namespaces on each, the allowed namespaces and the exports that hold the delete', () => {
    expect(sliceRemoval(slice)).toEqual({
      members: ['a', 'b', 'c'],
      namespaces: [
        { cluster: 'a', namespaces: ['db', 'web'] },
        { cluster: 'b', namespaces: ['web'] },
      ],
      allowedNamespaces: ['monitoring'],
      exports: [{ service: 'mongo', namespace: 'db', clusters: ['a', 'b'] }],
    });
  });

  it('an empty slice removes its members only', () => {
    expect(
      sliceRemoval({
        members: [{ cluster: 'a', onboardedNamespaces: [], health: ok }],
        namespaceStates: [],
        services: [],
        allowedNamespaces: [],
      }),
    ).toEqual({
      members: ['a'],
      namespaces: [],
      allowedNamespaces: [],
      exports: [],
    });
  });
});

describe('deleteConfirmed', () => {
  it('needs the name typed exactly', () => {
    expect(deleteConfirmed('pacman', 'pacman')).toBe(true);
    expect(deleteConfirmed(' pacman ', 'pacman')).toBe(true);
    expect(deleteConfirmed('pacma', 'pacman')).toBe(false);
    expect(deleteConfirmed('Pacman', 'pacman')).toBe(false);
    expect(deleteConfirmed('', '')).toBe(false);
  });
});
