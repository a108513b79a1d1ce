package com.golisto.sync.api.model;

/**
 * Where a marketplace sale lives in the shop.
 *
 * @param id the shop's order id; never blank
 * @param number the order number the shop shows, never blank (often equal to the id)
 */
public record ShopOrderRef(String id, String number) {

    public ShopOrderRef {
        Checks.text(id, "shop order id");
        number = number == null || number.isBlank() ? id : number;
    }
}
