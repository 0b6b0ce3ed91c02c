import { ApiError } from '../api/errors';
import {
  compileFilter,
  matchesFilter,
  matchesLabels,
  parseFieldSelector,
  parseLabelSelector,
} from './selectors';

const labels = { app: 'mongodb', tier: 'db', 'kubeslice.io/slice': 'pacman' };

describe('label selectors', () => {
  it.each([
    ['app=mongodb', true],
    ['app==mongodb', true],
    ['app=redis', false],
    ['app!=redis', true],
    ['app!=mongodb', false],
    ['missing!=x', true],
    ['app in (redis, mongodb)', true],
    ['app in (redis,postgres)', false],
    ['app notin (redis,postgres)', true],
    ['missing notin (a)', true],
    ['tier', true],
    ['missing', false],
    ['!missing', true],
    ['!tier', false],
    ['kubeslice.io/slice=pacman,tier in (db,cache),!legacy', true],
    ['kubeslice.io/slice=pacman,tier=web', false],
    ['', true],
  ])('%s → %s', (selector, expected) => {
    expect(matchesLabels(parseLabelSelector(selector), labels)).toBe(expected);
  });

  it('rejects malformed selectors with a 400 Status', () => {
    expect(() => parseLabelSelector('app=(x')).toThrow(ApiError);
    expect(() => parseLabelSelector('bad key=x')).toThrow(
      expect.objectContaining({ code: 400, reason: 'BadRequest' }),
    );
  });
});

describe('field selectors', () => {
  const obj = {
    apiVersion: 'v1',
    kind: 'Event',
    metadata: { name: 'e1', namespace: 'ns1' },
    reason: 'Started',
    involvedObject: { kind: 'Pod' },
  };

  it('matches metadata.name and metadata.namespace', () => {
    expect(
      matchesFilter(compileFilter({ fieldSelector: 'metadata.name=e1' }), obj),
    ).toBe(true);
    expect(
      matchesFilter(
        compileFilter({ fieldSelector: 'metadata.namespace!=ns1' }),
        obj,
      ),
    ).toBe(false);
    expect(
      matchesFilter(compileFilter({ fieldSelector: 'metadata.name==e2' }), obj),
    ).toBe(false);
  });

  it('only accepts fields the kind declares selectable', () => {
    expect(() => parseFieldSelector('reason=Started')).toThrow(
      /field label not supported: reason/,
    );
    const f = compileFilter({
      fieldSelector: 'reason=Started,involvedObject.kind=Pod',
      selectableFields: ['reason', 'involvedObject.kind'],
    });
    expect(matchesFilter(f, obj)).toBe(true);
  });

  it('combines namespace, labels and fields', () => {
    const f = compileFilter({
      namespace: 'ns2',
      fieldSelector: 'metadata.name=e1',
    });
    expect(matchesFilter(f, obj)).toBe(false);
  });
});
