/**
 * How fast one client may talk: a token bucket. A client holds up to `burst`
 * messages' worth of tokens and earns `perSecond` more each second; a message
 * without a token is dropped. A tab following a lesson sends a handful a
 * minute (hello, an answer or two, a ping after sleep); a teacher stepping
 * fast sends a few a second. Pure: the caller gives the time.
 */
export interface Rate {
  burst: number;
  perSecond: number;
}

/** 20 at once, 10 a second after that. */
export const CLIENT_RATE: Rate = { burst: 20, perSecond: 10 };
/** A client that has had this many messages dropped is disconnected (close code 1008). */
export const FLOOD_DROPS = 200;

export interface Bucket {
  /** Whether a message arriving at `now` (ms) may pass; counts it dropped if not. */
  take(now: number): boolean;
  /** Messages dropped so far. */
  readonly dropped: number;
}

export function createBucket(rate: Rate, now: number): Bucket {
  let tokens = rate.burst;
  let last = now;
  let dropped = 0;
  return {
    take(at) {
      tokens = Math.min(rate.burst, tokens + (Math.max(0, at - last) * rate.perSecond) / 1000);
      last = at;
      if (tokens >= 1) {
        tokens -= 1;
        return true;
      }
      dropped++;
      return false;
    },
    get dropped() {
      return dropped;
    },
  };
}
