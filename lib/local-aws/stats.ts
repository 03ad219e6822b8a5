/** One AssumeRole the endpoint granted: the role, and who the caller said the session is for. */
export interface AssumedRole {
  roleArn: string;
  roleSessionName: string;
  sourceIdentity: string | null;
}

/** What the endpoint has served since it started or was last reset. */
export interface EndpointStats {
  /** LookupEvents requests received, throttled and faulted ones included. */
  requests: number;
  throttled: number;
  /** Requests that got an injected error or delay. */
  faultsServed: number;
  /** Delayed requests whose caller hung up before the answer (a cancelled lookup's last request). */
  abandoned: number;
  byRegion: Record<string, { requests: number; throttled: number }>;
  /** STS AssumeRole calls granted, in order. */
  assumedRoles: AssumedRole[];
  /** STS AssumeRole calls refused (unknown role, wrong external id, bad parameters). */
  refusedAssumeRoles: number;
  /** LookupEvents pages answered, the events in them, and when (clock ms) the first and the last was answered. */
  served: ServedPages;
}

/** What LookupEvents answered, to measure how much of its ceiling the callers used over their busy interval. */
export interface ServedPages {
  pages: number;
  events: number;
  firstAt: number | null;
  lastAt: number | null;
}

/** Counts requests as the server answers them. */
export class StatsCounter {
  private current: EndpointStats = StatsCounter.empty();

  private static empty(): EndpointStats {
    return {
      requests: 0,
      throttled: 0,
      faultsServed: 0,
      abandoned: 0,
      byRegion: {},
      assumedRoles: [],
      refusedAssumeRoles: 0,
      served: { pages: 0, events: 0, firstAt: null, lastAt: null },
    };
  }

  private region(region: string): { requests: number; throttled: number } {
    const existing = this.current.byRegion[region];
    if (existing) return existing;
    const created = { requests: 0, throttled: 0 };
    this.current.byRegion[region] = created;
    return created;
  }

  request(region: string): void {
    this.current.requests++;
    this.region(region).requests++;
  }

  throttled(region: string): void {
    this.current.throttled++;
    this.region(region).throttled++;
  }

  faultServed(): void {
    this.current.faultsServed++;
  }

  abandoned(): void {
    this.current.abandoned++;
  }

  assumedRole(granted: AssumedRole): void {
    this.current.assumedRoles.push(granted);
  }

  refusedAssumeRole(): void {
    this.current.refusedAssumeRoles++;
  }

  /** A LookupEvents page of `events` answered at `at` (clock ms). */
  servedPage(events: number, at: number): void {
    const served = this.current.served;
    served.pages++;
    served.events += events;
    served.firstAt ??= at;
    served.lastAt = at;
  }

  /** A copy, so callers cannot change the counts. */
  snapshot(): EndpointStats {
    return structuredClone(this.current);
  }

  reset(): void {
    this.current = StatsCounter.empty();
  }
}
