package com.golisto.sync.sandbox.golisto;

import com.fasterxml.jackson.databind.node.ObjectNode;
import org.jspecify.annotations.Nullable;

/**
 * A postal address of a simulated sale, as the contract's {@code Address}. Null components become empty
 * strings.
 *
 * @param firstName first name
 * @param lastName last name
 * @param company company
 * @param address1 street line 1
 * @param address2 street line 2
 * @param city city
 * @param state state or region code
 * @param postcode postcode
 * @param country ISO 3166-1 alpha-2
 * @param phone phone
 * @param email email
 */
public record GolistoAddress(String firstName, String lastName, String company, String address1, String address2,
                             String city, String state, String postcode, String country, String phone, String email) {

    /** Replaces nulls with empty strings. */
    public GolistoAddress {
        firstName = orEmpty(firstName);
        lastName = orEmpty(lastName);
        company = orEmpty(company);
        address1 = orEmpty(address1);
        address2 = orEmpty(address2);
        city = orEmpty(city);
        state = orEmpty(state);
        postcode = orEmpty(postcode);
        country = orEmpty(country);
        phone = orEmpty(phone);
        email = orEmpty(email);
    }

    /** An address with the usual parts and no company, second line, state or phone. */
    public static GolistoAddress of(String firstName, String lastName, String address1, String postcode, String city,
                                    String country, String email) {
        return new GolistoAddress(firstName, lastName, "", address1, "", city, "", postcode, country, "", email);
    }

    ObjectNode toJson() {
        ObjectNode node = Json.object();
        node.put("first_name", firstName);
        node.put("last_name", lastName);
        node.put("company", company);
        node.put("address_1", address1);
        node.put("address_2", address2);
        node.put("city", city);
        node.put("state", state);
        node.put("postcode", postcode);
        node.put("country", country);
        node.put("phone", phone);
        node.put("email", email);
        return node;
    }

    private static String orEmpty(@Nullable String value) {
        return value == null ? "" : value;
    }
}
