import type { SliceQosConfigObject } from '../kube/objects';
import type { SliceRuleContext } from './context';
import { FleetIndex } from './fleetIndex';
import { Findings } from './findings';
import { checkName, checkProjectNamespace } from './naming';
import { checkSchema, SLICE_QOS_CONFIG_SPEC_SCHEMA } from './schema';
import type {
  PreflightFleet,
  PreflightResult,
  QosProfileDetails,
} from './types';

/**
 * QoS (REFERENCE §2.3, §2.4, §6.5): a network slice takes exactly one of a
 * named SliceQoSConfig or inline details; the ceiling may not be below the
 * guarantee. Priority 0–3 and HTB/BANDWIDTH_CONTROL are what the worker
 * implements; the slice schema does not bound them, so those are warnings.
 */

/** Documented priority range (0 is highest); not enforced by any schema or webhook. */
export const QOS_PRIORITY_RANGE = { min: 0, max: 3 } as const;

export function checkSliceQos(ctx: SliceRuleContext, out: Findings): void {
  const spec = ctx.slice.spec ?? {};
  const named = Boolean(spec.standardQosProfileName);
  const inline = Boolean(spec.qosProfileDetails);
  if (!ctx.network) {
    if (named || inline)
      out.warning(
        named ? 'spec.standardQosProfileName' : 'spec.qosProfileDetails',
        'qos.ignored',
        'A no-network slice has no gateways to shape traffic on, so its QoS is not used.',
      );
    return;
  }
  if (named === inline) {
    out.error(
      named ? 'spec.qosProfileDetails' : 'spec.standardQosProfileName',
      'qos.exactlyOne',
      named
        ? 'Set either standardQosProfileName or qosProfileDetails, not both.'
        : 'A network slice needs QoS: name a SliceQoSConfig in standardQosProfileName (e.g. "default") or give qosProfileDetails.',
    );
  }
  if (named && !ctx.fleet.qosProfile(spec.standardQosProfileName!))
    out.error(
      'spec.standardQosProfileName',
      'qos.profileNotFound',
      `There is no SliceQoSConfig "${spec.standardQosProfileName}" in ${ctx.fleet.namespace}; create it first or pick an existing profile.`,
    );
  if (inline)
    checkQosValues(spec.qosProfileDetails!, 'spec.qosProfileDetails', out, {
      enumsEnforced: false,
    });
}

/**
 * Value rules shared by inline slice QoS and SliceQoSConfig. The enums of
 * queueType/tcType are schema-enforced only on SliceQoSConfig; on a slice
 * the same values are merely what the worker can apply.
 */
function checkQosValues(
  q: QosProfileDetails,
  at: string,
  out: Findings,
  options: { enumsEnforced: boolean },
): void {
  const ceiling = q.bandwidthCeilingKbps;
  const guaranteed = q.bandwidthGuaranteedKbps;
  if (
    typeof ceiling === 'number' &&
    typeof guaranteed === 'number' &&
    ceiling < guaranteed
  )
    out.error(
      `${at}.bandwidthCeilingKbps`,
      'qos.ceilingBelowGuaranteed',
      `The bandwidth ceiling (${ceiling} kbps) is below the guaranteed bandwidth (${guaranteed} kbps); raise the ceiling or lower the guarantee.`,
    );
  if (
    typeof q.priority === 'number' &&
    (q.priority < QOS_PRIORITY_RANGE.min || q.priority > QOS_PRIORITY_RANGE.max)
  )
    out.warning(
      `${at}.priority`,
      'qos.priorityOutOfRange',
      `Priority ${q.priority} is outside ${QOS_PRIORITY_RANGE.min}–${QOS_PRIORITY_RANGE.max} (0 is the highest); the worker's traffic shaping only knows those levels.`,
    );
  if (options.enumsEnforced) return; // the schema rules report these as errors
  if (typeof q.queueType === 'string' && q.queueType !== 'HTB')
    out.warning(
      `${at}.queueType`,
      'qos.unsupportedValue',
      `queueType ${q.queueType} is not supported by the worker; use HTB.`,
    );
  if (typeof q.tcType === 'string' && q.tcType !== 'BANDWIDTH_CONTROL')
    out.warning(
      `${at}.tcType`,
      'qos.unsupportedValue',
      `tcType ${q.tcType} is not supported by the worker; use BANDWIDTH_CONTROL.`,
    );
}

/** What is being asked of the hub for a SliceQoSConfig. */
export type QosPreflightInput =
  | {
      operation: 'create' | 'update';
      proposed: SliceQosConfigObject;
      fleet: PreflightFleet;
    }
  | {
      operation: 'delete';
      current: SliceQosConfigObject;
      fleet: PreflightFleet;
    };

/**
 * Preflight of a SliceQoSConfig write (REFERENCE §2.4): schema enums and
 * required fields, ceiling ≥ guarantee, and no delete while a slice uses it.
 */
export function preflightQos(input: QosPreflightInput): PreflightResult[] {
  const out = new Findings();
  if (input.operation === 'delete') {
    const name = input.current.metadata?.name ?? '';
    const fleet = new FleetIndex(
      input.fleet,
      input.current.metadata?.namespace,
    );
    const slices = [
      ...new Set(
        fleet
          .workerSlicesUsingQos(name)
          .map(w => w.spec?.sliceName ?? w.metadata?.name ?? ''),
      ),
    ];
    if (slices.length)
      out.error(
        'metadata.name',
        'qos.inUse',
        `QoS profile ${name} is used by slice${
          slices.length > 1 ? 's' : ''
        } ${slices.join(
          ', ',
        )}; move them to another profile before deleting it.`,
      );
    return out.results;
  }
  const q = input.proposed;
  const fleet = new FleetIndex(input.fleet, q.metadata?.namespace);
  checkName(q.metadata?.name, out, {
    kind: 'SliceQoSConfig',
    warnLength: false,
  });
  checkProjectNamespace(fleet, out, 'SliceQoSConfig');
  if (!q.spec) {
    // The CRD does not require `spec`, so the hub stores an empty profile; it just shapes nothing.
    out.warning(
      'spec',
      'schema.required',
      'This SliceQoSConfig has no spec; give it bandwidths, priority, dscpClass, queueType HTB and tcType BANDWIDTH_CONTROL.',
    );
    return out.results;
  }
  checkSchema(SLICE_QOS_CONFIG_SPEC_SCHEMA, q.spec, 'spec', out);
  checkQosValues(q.spec, 'spec', out, { enumsEnforced: true });
  return out.results;
}
