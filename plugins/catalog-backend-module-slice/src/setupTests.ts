// The provider tests start the fleet simulator and a slice backend and read real fleets,
// which on a cold, loaded 2-core machine take longer than Jest's 5 s default.
jest.setTimeout(60_000);
