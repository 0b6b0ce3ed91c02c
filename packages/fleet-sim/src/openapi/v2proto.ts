/**
 * The Swagger 2.0 document in protobuf (gnostic `openapi.v2.Document`,
 * field numbers from gnostic-models' OpenAPIv2.proto): what client-go's
 * `OpenAPISchema()` asks for with
 * `Accept: application/com.github.proto-openapi.spec.v2@v1.0+protobuf`
 * (kubectl's v2 fallback, `kubectl explain --output plaintext-openapiv2`).
 * Only the messages swaggerDocument() produces are encoded; vendor
 * extensions, defaults and enums travel as YAML (JSON) text, as gnostic does.
 */

type Json = any;
type Bytes = Buffer;

function varint(n: number): Bytes {
  const out: number[] = [];
  let v = BigInt(n);
  if (v < 0n) v += 1n << 64n;
  do {
    let byte = Number(v & 0x7fn);
    v >>= 7n;
    if (v > 0n) byte |= 0x80;
    out.push(byte);
  } while (v > 0n);
  return Buffer.from(out);
}

const tag = (field: number, wire: number) => varint((field << 3) | wire);
const len = (field: number, payload: Bytes) =>
  Buffer.concat([tag(field, 2), varint(payload.length), payload]);
const str = (field: number, s: unknown): Bytes[] =>
  typeof s === 'string' && s !== '' ? [len(field, Buffer.from(s, 'utf8'))] : [];
const strs = (field: number, list: unknown): Bytes[] =>
  Array.isArray(list) ? list.flatMap(s => str(field, String(s))) : [];
const bool = (field: number, b: unknown): Bytes[] =>
  b === true ? [Buffer.concat([tag(field, 0), varint(1)])] : [];
const int = (field: number, n: unknown): Bytes[] =>
  typeof n === 'number'
    ? [Buffer.concat([tag(field, 0), varint(Math.trunc(n))])]
    : [];
function double(field: number, n: unknown): Bytes[] {
  if (typeof n !== 'number') return [];
  const b = Buffer.alloc(8);
  b.writeDoubleLE(n);
  return [Buffer.concat([tag(field, 1), b])];
}
const msg = (field: number, parts: Bytes[]) => len(field, Buffer.concat(parts));

/** The fields of a gnostic `Any`: the value as YAML text (JSON is YAML). */
const anyBody = (value: unknown): Bytes[] =>
  str(2, `${JSON.stringify(value)}\n`);
const any = (field: number, value: unknown): Bytes[] =>
  value === undefined ? [] : [msg(field, anyBody(value))];

/** A `Named…` message: `name` (1) and the value message (2) with these fields. */
const named = (field: number, name: string, value: Bytes[]) =>
  msg(field, [...str(1, name), msg(2, value)]);

const extensions = (field: number, obj: Json): Bytes[] =>
  Object.entries(obj)
    .filter(([k]) => k.startsWith('x-'))
    .map(([k, v]) => named(field, k, anyBody(v)));

function schema(s: Json): Bytes[] {
  if (!s || typeof s !== 'object') return [];
  const out: Bytes[] = [
    ...str(1, s.$ref),
    ...str(2, s.format),
    ...str(3, s.title),
    ...str(4, s.description),
    ...any(5, s.default),
    ...double(6, s.multipleOf),
    ...double(7, s.maximum),
    ...bool(8, s.exclusiveMaximum),
    ...double(9, s.minimum),
    ...bool(10, s.exclusiveMinimum),
    ...int(11, s.maxLength),
    ...int(12, s.minLength),
    ...str(13, s.pattern),
    ...int(14, s.maxItems),
    ...int(15, s.minItems),
    ...bool(16, s.uniqueItems),
    ...int(17, s.maxProperties),
    ...int(18, s.minProperties),
    ...strs(19, s.required),
    ...(Array.isArray(s.enum)
      ? s.enum.flatMap((e: unknown) => any(20, e))
      : []),
  ];
  if (typeof s.additionalProperties === 'boolean')
    out.push(
      msg(21, [
        Buffer.concat([tag(2, 0), varint(s.additionalProperties ? 1 : 0)]),
      ]),
    );
  else if (s.additionalProperties)
    out.push(msg(21, [msg(1, schema(s.additionalProperties))]));
  if (typeof s.type === 'string') out.push(msg(22, str(1, s.type)));
  if (s.items && typeof s.items === 'object')
    out.push(
      msg(
        23,
        (Array.isArray(s.items) ? s.items : [s.items]).map((i: Json) =>
          msg(1, schema(i)),
        ),
      ),
    );
  if (Array.isArray(s.allOf))
    out.push(...s.allOf.map((a: Json) => msg(24, schema(a))));
  if (s.properties)
    out.push(
      msg(
        25,
        Object.entries(s.properties).map(([k, v]) => named(1, k, schema(v))),
      ),
    );
  out.push(
    ...bool(27, s.readOnly),
    ...any(30, s.example),
    ...extensions(31, s),
  );
  return out;
}

function parameter(p: Json): Bytes[] {
  if (p.in === 'body')
    return [
      msg(1, [
        msg(1, [
          ...str(1, p.description),
          ...str(2, p.name),
          ...str(3, p.in),
          ...bool(4, p.required),
          msg(5, schema(p.schema)),
        ]),
      ]),
    ];
  // Query: required 1, in 2, description 3, name 4, type 6, unique_items 20; path: type 5, unique_items 19.
  const isPath = p.in === 'path';
  const sub = [
    ...bool(1, p.required),
    ...str(2, p.in),
    ...str(3, p.description),
    ...str(4, p.name),
    ...str(isPath ? 5 : 6, p.type),
    ...bool(isPath ? 19 : 20, p.uniqueItems),
  ];
  return [msg(1, [msg(2, [msg(isPath ? 4 : 3, sub)])])];
}

function operation(op: Json): Bytes[] {
  const responses = Object.entries(op.responses ?? {}).map(
    ([code, r]: [string, Json]) =>
      named(1, code, [
        msg(1, [
          ...str(1, r.description),
          ...(r.schema ? [msg(2, [msg(1, schema(r.schema))])] : []),
        ]),
      ]),
  );
  return [
    ...strs(1, op.tags),
    ...str(3, op.description),
    ...str(5, op.operationId),
    ...strs(6, op.produces),
    ...strs(7, op.consumes),
    ...(op.parameters ?? []).map((p: Json) => msg(8, parameter(p))),
    msg(9, responses),
    ...strs(10, op.schemes),
    ...extensions(13, op),
  ];
}

const METHOD_FIELDS: Record<string, number> = {
  get: 2,
  put: 3,
  post: 4,
  delete: 5,
  options: 6,
  head: 7,
  patch: 8,
};

function pathItem(item: Json): Bytes[] {
  const out: Bytes[] = [];
  for (const [method, field] of Object.entries(METHOD_FIELDS))
    if (item[method]) out.push(msg(field, operation(item[method])));
  out.push(...(item.parameters ?? []).map((p: Json) => msg(9, parameter(p))));
  return out;
}

/** Encodes a swaggerDocument() result as an `openapi.v2.Document`. */
export function encodeSwaggerProto(doc: Json): Buffer {
  const parts: Bytes[] = [
    ...str(1, doc.swagger),
    msg(2, [...str(1, doc.info?.title), ...str(2, doc.info?.version)]),
    msg(
      8,
      Object.entries(doc.paths ?? {}).map(([p, item]) =>
        named(2, p, pathItem(item)),
      ),
    ),
    msg(
      9,
      Object.entries(doc.definitions ?? {}).map(([k, v]) =>
        named(1, k, schema(v)),
      ),
    ),
    ...(doc.security ?? []).map((req: Json) =>
      msg(
        12,
        Object.entries(req).map(([k, v]) => named(1, k, strs(1, v))),
      ),
    ),
  ];
  if (doc.securityDefinitions)
    parts.push(
      msg(
        13,
        Object.entries(doc.securityDefinitions).map(([k, d]: [string, Json]) =>
          named(1, k, [
            msg(2, [
              ...str(1, d.type),
              ...str(2, d.name),
              ...str(3, d.in),
              ...str(4, d.description),
            ]),
          ]),
        ),
      ),
    );
  return Buffer.concat(parts);
}
