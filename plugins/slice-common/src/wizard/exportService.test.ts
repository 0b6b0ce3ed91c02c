import { stepOfField } from './steps';
import {
  EXPORT_SERVICE_STEPS,
  emptyExportServiceForm,
  emptyPortRow,
  exportDnsNames,
  exportServiceRequest,
  importsReady,
  parseLabels,
  portNameWarning,
  portProblems,
} from './exportService';

const form = () => ({
  ...emptyExportServiceForm({
    cluster: 'aws-east',
    namespace: 'games',
    name: 'scores',
  }),
  ports: [{ ...emptyPortRow(), name: 'tcp-db', containerPort: '5432' }],
});

describe('exportServiceRequest', () => {
  it('starts with app=<name> as the selector and one port row', () => {
    const f = emptyExportServiceForm({ name: 'web' });
    expect(f.selector).toBe('app=web');
    expect(f.ports).toHaveLength(1);
    expect(emptyExportServiceForm().selector).toBe('');
  });

  it('sends the selector, ports and aliases as the ServiceExport spec', () => {
    expect(
      exportServiceRequest({
        ...form(),
        selector: 'app=scores, tier=db',
        ports: [
          { ...emptyPortRow(), name: 'tcp-db', containerPort: '5432' },
          {
            name: 'http',
            containerPort: ' 8080 ',
            servicePort: '80',
            protocol: 'TCP',
            serviceProtocol: 'HTTP',
          },
        ],
        aliases: 'scores.example.com, db.games',
      }),
    ).toEqual({
      cluster: 'aws-east',
      namespace: 'games',
      name: 'scores',
      spec: {
        selector: { matchLabels: { app: 'scores', tier: 'db' } },
        ports: [
          { name: 'tcp-db', containerPort: 5432, protocol: 'TCP' },
          {
            name: 'http',
            containerPort: 8080,
            protocol: 'TCP',
            servicePort: 80,
            serviceProtocol: 'HTTP',
          },
        ],
        aliases: ['scores.example.com', 'db.games'],
      },
    });
  });

  it('leaves out empty aliases and an unnamed port name', () => {
    const body = exportServiceRequest({
      ...form(),
      ports: [
        { ...emptyPortRow(), name: '', containerPort: '53', protocol: 'UDP' },
      ],
    });
    expect(body.spec.aliases).toBeUndefined();
    expect(body.spec.ports).toEqual([{ containerPort: 53, protocol: 'UDP' }]);
  });
});

describe('parseLabels', () => {
  it('reads key=value pairs', () => {
    expect(parseLabels('app=web app.kubernetes.io/part-of=shop,x=')).toEqual({
      labels: { app: 'web', 'app.kubernetes.io/part-of': 'shop', x: '' },
      problems: [],
    });
  });

  it('names each bad pair', () => {
    expect(parseLabels('app, =x, Bad/key=1, a=b c').problems).toEqual([
      '"app" is not key=value',
      '"=x" is not key=value',
      '"Bad/key" is not a label key',
      '"c" is not key=value',
    ]);
    expect(parseLabels('a=-x').problems).toEqual(['"-x" is not a label value']);
  });
});

describe('port rows', () => {
  it('needs a container port in range; the service port is optional', () => {
    expect(portProblems({ ...emptyPortRow(), containerPort: '' })).toEqual({
      containerPort: 'required',
    });
    expect(
      portProblems({
        ...emptyPortRow(),
        containerPort: '0',
        servicePort: '70000',
      }),
    ).toEqual({
      containerPort: 'must be a port from 1 to 65535',
      servicePort: 'must be a port from 1 to 65535',
    });
    expect(portProblems({ ...emptyPortRow(), containerPort: '8.5' })).toEqual({
      containerPort: 'must be a port from 1 to 65535',
    });
    expect(portProblems({ ...emptyPortRow(), containerPort: '443' })).toEqual(
      {},
    );
  });

  it('checks the port name and warns without an http or tcp prefix', () => {
    expect(
      portProblems({ ...emptyPortRow(), name: 'Web_1', containerPort: '1' })
        .name,
    ).toBeDefined();
    expect(
      portProblems({
        ...emptyPortRow(),
        name: 'tcp-very-long-name',
        containerPort: '1',
      }).name,
    ).toBeDefined();
    expect(portNameWarning({ ...emptyPortRow(), name: 'grpc' })).toBe(true);
    expect(portNameWarning({ ...emptyPortRow(), name: 'http-api' })).toBe(
      false,
    );
    expect(portNameWarning({ ...emptyPortRow(), name: '' })).toBe(false);
  });
});

describe('exportDnsNames', () => {
  it('is <name>.<namespace>.svc.slice.local and the aliases', () => {
    expect(exportDnsNames({ ...form(), aliases: 'db.example.com' })).toEqual([
      'scores.games.svc.slice.local',
      'db.example.com',
    ]);
    expect(exportDnsNames({ ...form(), name: '' })).toEqual([]);
  });
});

describe('importsReady', () => {
  const imp = (cluster: string, status: string) => ({
    cluster,
    status,
    endpoints: 1,
    sourceClusters: ['aws-east'],
  });

  it('is ready when every member has a READY import', () => {
    expect(
      importsReady({ imports: [imp('a', 'READY'), imp('b', 'ready')] }, [
        'a',
        'b',
      ]),
    ).toEqual({ ready: true, waitingOn: [] });
  });

  it('waits on members without an import or with one not READY', () => {
    expect(
      importsReady({ imports: [imp('a', 'READY'), imp('b', 'PENDING')] }, [
        'a',
        'b',
        'c',
      ]),
    ).toEqual({ ready: false, waitingOn: ['b', 'c'] });
    expect(importsReady(undefined, ['a'])).toEqual({
      ready: false,
      waitingOn: ['a'],
    });
    expect(importsReady(undefined, []).ready).toBe(false);
  });
});

describe('EXPORT_SERVICE_STEPS', () => {
  it('sends each finding to the step with its field', () => {
    expect(stepOfField(EXPORT_SERVICE_STEPS, 'namespace')).toBe('service');
    expect(stepOfField(EXPORT_SERVICE_STEPS, 'spec.selector.matchLabels')).toBe(
      'service',
    );
    expect(
      stepOfField(EXPORT_SERVICE_STEPS, 'spec.ports[0].containerPort'),
    ).toBe('ports');
    expect(stepOfField(EXPORT_SERVICE_STEPS, 'spec.aliases[1]')).toBe(
      'aliases',
    );
  });
});
