// Devices that follow a hub (issue 11): what the hub's own UI lists, and what adding one answers.
import { z } from 'zod';
import { deviceIdSchema } from './ids.js';

export const deviceSchema = z.object({
  id: z.string(),
  name: z.string(),
  /** null until the device used its pairing code */
  pairedAt: z.string().nullable(),
  lastSeenAt: z.string().nullable(),
  lastAddress: z.string().nullable(),
});

/** A device just added: its one-time pairing code (also inside the link), valid until `expiresAt`. */
export const addedDeviceSchema = z.object({
  device: deviceSchema,
  pairingCode: z.string(),
  /** shelfwatch://pair?hub=…&code=…&fp=… */
  pairingLink: z.string(),
  expiresAt: z.string(),
});

export const addDeviceRequestSchema = z.strictObject({
  name: z.string().trim().max(80, 'name must be at most 80 characters'),
});

export const revokeDeviceSchema = z.strictObject({ id: deviceIdSchema });

export type Device = z.infer<typeof deviceSchema>;
export type AddedDevice = z.infer<typeof addedDeviceSchema>;
