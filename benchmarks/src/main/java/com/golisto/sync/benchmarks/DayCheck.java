package com.golisto.sync.benchmarks;

import org.jspecify.annotations.Nullable;

/**
 * The marketplace at the end of the {@code day} scenario, checked on the emulators.
 *
 * @param difference the first broken guarantee (a change with or without webhook not listed as in the
 *     shop, a deleted product still listed, a listing count other than the shop's products), null when none
 * @param listings the approved connection's listings
 * @param deletions products deleted permanently during the day
 * @param deletionsGone of those, how many Golisto no longer lists
 * @param directEdits direct database edits made during the day
 * @param directRepaired of those, how many Golisto already shows (the weekly deep check's job; not a failure)
 */
record DayCheck(@Nullable String difference, int listings, int deletions, int deletionsGone, int directEdits,
        int directRepaired) {
}
