/** Where a preference is kept: localStorage in the app, a fake in tests, null when unavailable. */
export type PreferenceStorage = Pick<Storage, 'getItem' | 'setItem'> | null;

/** Storage can throw (blocked site data, a full quota); a preference is not worth a crash. */
export function readPreference(storage: PreferenceStorage, key: string): string | null {
  try {
    return storage?.getItem(key) ?? null;
  } catch {
    return null;
  }
}

export function writePreference(storage: PreferenceStorage, key: string, value: string): void {
  try {
    storage?.setItem(key, value);
  } catch {
    // Then it lasts for this page only.
  }
}

/** `window.localStorage`, or null where reading the property itself throws. */
export function browserStorage(): PreferenceStorage {
  try {
    return window.localStorage;
  } catch {
    return null;
  }
}
