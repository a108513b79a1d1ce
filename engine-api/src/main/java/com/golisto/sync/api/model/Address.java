package com.golisto.sync.api.model;

/**
 * A postal address with contact details. Every text field is non-null (empty when unknown).
 *
 * @param country ISO 3166-1 alpha-2 code, upper case, or empty when unknown
 */
public record Address(
        String firstName,
        String lastName,
        String company,
        String address1,
        String address2,
        String city,
        String state,
        String postcode,
        String country,
        String phone,
        String email) {

    public Address {
        firstName = Checks.orEmpty(firstName);
        lastName = Checks.orEmpty(lastName);
        company = Checks.orEmpty(company);
        address1 = Checks.orEmpty(address1);
        address2 = Checks.orEmpty(address2);
        city = Checks.orEmpty(city);
        state = Checks.orEmpty(state);
        postcode = Checks.orEmpty(postcode);
        country = Checks.orEmpty(country).toUpperCase(java.util.Locale.ROOT);
        if (!country.isEmpty() && !country.matches("[A-Z]{2}")) {
            throw new IllegalArgumentException("country must be an ISO 3166-1 alpha-2 code: '" + country + "'");
        }
        phone = Checks.orEmpty(phone);
        email = Checks.orEmpty(email);
    }

    /** An address with every field empty. */
    public static Address empty() {
        return new Address("", "", "", "", "", "", "", "", "", "", "");
    }
}
