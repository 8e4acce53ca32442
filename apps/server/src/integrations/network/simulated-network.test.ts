import { describe, expect, it } from 'vitest';
import { loadConfig } from '../../config.js';
import type { ProvisioningCommand } from './network-provisioning.js';
import { SimulatedNetwork, simulatedNetworkFromConfig } from './simulated-network.js';

const command = (msisdn: string): ProvisioningCommand => ({
  kind: 'block',
  companyId: '00000000-0000-0000-0000-000000000001',
  numberId: '00000000-0000-0000-0000-000000000002',
  msisdn,
  payload: {},
});

describe('O5 network provisioning simulator', () => {
  it('confirms commands, and fails those for the numbers it is told to fail', async () => {
    const network = new SimulatedNetwork({ failMsisdns: ['77010000001'] });
    await expect(network.execute(command('77010000002'))).resolves.toBeUndefined();
    await expect(network.execute(command('77010000001'))).rejects.toThrow(/simulated network failure/);
    expect(network.confirmed.map((c) => c.msisdn)).toEqual(['77010000002']);
  });

  it('waits the configured delay before confirming', async () => {
    const network = new SimulatedNetwork({ delayMs: 60 });
    const started = Date.now();
    await network.execute(command('77010000002'));
    expect(Date.now() - started).toBeGreaterThanOrEqual(55);
  });

  it('reads NETWORK_SIM_DELAY_MS and NETWORK_SIM_FAIL_MSISDNS, and refuses bad values', () => {
    const network = simulatedNetworkFromConfig(
      loadConfig({ NETWORK_SIM_DELAY_MS: '250', NETWORK_SIM_FAIL_MSISDNS: '77010000001,77020000002' }),
    );
    expect(network.delayMs).toBe(250);
    expect([...network.failMsisdns]).toEqual(['77010000001', '77020000002']);
    expect(simulatedNetworkFromConfig(loadConfig({})).delayMs).toBe(0);
    expect(() => loadConfig({ NETWORK_SIM_FAIL_MSISDNS: '+7 701 000 00 01' })).toThrow(/NETWORK_SIM_FAIL_MSISDNS/);
    expect(() => loadConfig({ NETWORK_SIM_DELAY_MS: '-1' })).toThrow(/NETWORK_SIM_DELAY_MS/);
  });
});
