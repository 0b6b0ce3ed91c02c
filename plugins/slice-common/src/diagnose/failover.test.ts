import type { SliceService } from '../fleet/types';
import { failoverRows } from './failover';

const service = {
  endpoints: [
    { cluster: 'aws-east', pod: 'mongo-0' },
    { cluster: 'aws-east', pod: 'mongo-1' },
    { cluster: 'gcp-west', pod: 'mongo-2' },
  ],
} as SliceService;

describe('failoverRows', () => {
  it('tells, for each member lost, which clusters still hold endpoints', () => {
    expect(failoverRows(service, ['aws-east', 'gcp-west', 'edge-nyc'])).toEqual(
      [
        {
          down: 'aws-east',
          remaining: ['gcp-west'],
          endpoints: 1,
          available: true,
        },
        {
          down: 'gcp-west',
          remaining: ['aws-east'],
          endpoints: 2,
          available: true,
        },
        {
          down: 'edge-nyc',
          remaining: ['aws-east', 'gcp-west'],
          endpoints: 3,
          available: true,
        },
      ],
    );
  });

  it('says the service is gone when the only cluster with endpoints is lost', () => {
    const single = { endpoints: [{ cluster: 'aws-east' }] } as SliceService;
    expect(failoverRows(single, ['aws-east'])).toEqual([
      { down: 'aws-east', remaining: [], endpoints: 0, available: false },
    ]);
  });
});
