package com.golisto.sync.core.catalog;

import com.golisto.sync.api.model.WriteResult;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** Matches a catalog batch's per-item results to the batch's upserts and deletes. */
final class BatchResults {

    private BatchResults() {
    }

    /** Results come in batch order; match by position when the ids agree, else by id. */
    static void match(List<WriteResult> results, List<CatalogPlan.Upsert> batchUpserts,
            List<String> batchDeletes, Map<String, WriteResult> upsertResults, Map<String, WriteResult> deleteResults) {
        boolean positional = results.size() == batchUpserts.size() + batchDeletes.size();
        for (int i = 0; positional && i < results.size(); i++) {
            String expected = i < batchUpserts.size()
                    ? batchUpserts.get(i).product().id() : batchDeletes.get(i - batchUpserts.size());
            positional = results.get(i).productId().equals(expected);
        }
        if (positional) {
            for (int i = 0; i < results.size(); i++) {
                if (i < batchUpserts.size()) {
                    upsertResults.put(batchUpserts.get(i).product().id(), results.get(i));
                } else {
                    deleteResults.put(batchDeletes.get(i - batchUpserts.size()), results.get(i));
                }
            }
            return;
        }
        Set<String> deleteIds = Set.copyOf(batchDeletes);
        for (WriteResult result : results) {
            boolean isDelete = deleteIds.contains(result.productId())
                    && (result.outcome() == WriteResult.Outcome.DELETED || !upsertIdsContain(batchUpserts, result));
            (isDelete ? deleteResults : upsertResults).put(result.productId(), result);
        }
    }

    private static boolean upsertIdsContain(List<CatalogPlan.Upsert> batchUpserts, WriteResult result) {
        return batchUpserts.stream().anyMatch(u -> u.product().id().equals(result.productId()));
    }
}
