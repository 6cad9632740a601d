package com.qundesk.imports.chat;

import java.util.Arrays;

/**
 * Counts occurrences of 64-bit keys with open addressing: about 16 bytes a key instead of a boxed map's 80, so the
 * n-th-occurrence numbering of a million-message file costs a few tens of MB, not hundreds.
 */
final class LongIntCounter {
    private static final long EMPTY = Long.MIN_VALUE;

    private long[] keys;
    private int[] counts;
    private int size;
    private int mask;

    LongIntCounter(int expected) {
        int cap = Integer.highestOneBit(Math.max(16, expected * 2 - 1)) << 1;
        keys = new long[cap];
        counts = new int[cap];
        Arrays.fill(keys, EMPTY);
        mask = cap - 1;
    }

    /** Returns how often {@code key} was seen before, and counts this occurrence. */
    int next(long key) {
        if (key == EMPTY) {
            key = EMPTY + 1; // the one value that cannot be stored; it collides with a neighbour no real key reaches
        }
        int i = mix(key) & mask;
        while (true) {
            long k = keys[i];
            if (k == key) {
                return counts[i]++;
            }
            if (k == EMPTY) {
                keys[i] = key;
                counts[i] = 1;
                if (++size * 2 > keys.length) {
                    grow();
                }
                return 0;
            }
            i = (i + 1) & mask;
        }
    }

    int size() {
        return size;
    }

    private void grow() {
        long[] oldKeys = keys;
        int[] oldCounts = counts;
        keys = new long[oldKeys.length * 2];
        counts = new int[oldKeys.length * 2];
        Arrays.fill(keys, EMPTY);
        mask = keys.length - 1;
        for (int j = 0; j < oldKeys.length; j++) {
            long k = oldKeys[j];
            if (k != EMPTY) {
                int i = mix(k) & mask;
                while (keys[i] != EMPTY) {
                    i = (i + 1) & mask;
                }
                keys[i] = k;
                counts[i] = oldCounts[j];
            }
        }
    }

    private static int mix(long key) {
        long h = key * 0x9E3779B97F4A7C15L;
        return (int) (h ^ (h >>> 29) ^ (h >>> 47));
    }
}
