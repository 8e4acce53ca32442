/** Types of portal-process.mjs. */
export function freePort(): Promise<number>;

export interface PortalProcessOptions {
  /** The server's environment; HOST and PORT are set by the helper. */
  env: NodeJS.ProcessEnv;
  /** Node flags before `--import tsx src/server.ts`. */
  nodeArgs?: string[];
  /** How long the server may take to answer /healthz (default 180 s: a first start creates the demo data). */
  timeoutMs?: number;
  pollMs?: number;
  /** What the errors call it. */
  label?: string;
}

export interface PortalProcess {
  base: string;
  /** SIGTERM, then waits for the process to exit (a graceful shutdown). */
  stop(): Promise<void>;
}

export function startPortalProcess(options: PortalProcessOptions): Promise<PortalProcess>;
