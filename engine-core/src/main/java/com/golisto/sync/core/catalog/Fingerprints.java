package com.golisto.sync.core.catalog;

import com.golisto.sync.api.model.Image;
import com.golisto.sync.api.model.Money;
import com.golisto.sync.api.model.Product;
import com.golisto.sync.api.model.StockLevel;
import com.golisto.sync.api.model.Variant;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * Stable SHA-256 fingerprints of a product over a canonical form, so that "did it change?" is one string
 * comparison against the state store.
 *
 * <p>The <em>content</em> fingerprint covers everything a listing shows except stock: ids, texts, status,
 * money (amount with trailing zeros stripped, plus currency), weight, images (by position), categories
 * (as a set), attributes (by name), variants (by id, with their options by name). The <em>stock</em>
 * fingerprint covers the product's and every variant's quantity and stock status. {@code modifiedAt} is
 * in neither: a save without change is not a change.
 *
 * <p>Canonical means independent of the order in which a connector happens to return maps, categories
 * and variants, and of how an amount is written ({@code 19.9} equals {@code 19.90}). Each value is
 * written with a type tag and a length prefix, so no two different products share a canonical form.
 * Hot path: one pass, no intermediate strings per product. Thread-safe (stateless).
 */
public final class Fingerprints {

    private static final HexFormat HEX = HexFormat.of();
    private static final Comparator<Image> IMAGE_ORDER =
            Comparator.comparingInt(Image::position).thenComparing(Image::url).thenComparing(Image::alt);
    private static final Comparator<Variant> VARIANT_ORDER = Comparator.comparing(Variant::id);

    private Fingerprints() {}

    /** The content fingerprint (everything but stock), as 64 lower-case hex digits. */
    public static String content(Product product) {
        Canonical out = new Canonical();
        out.text(product.id()).text(product.sku()).text(product.title())
                .text(product.descriptionHtml()).text(product.shortDescriptionHtml())
                .text(product.status().name())
                .money(product.price()).money(product.salePrice())
                .text(product.weight());
        List<Image> images = sorted(product.images(), IMAGE_ORDER);
        out.count(images.size());
        for (Image image : images) {
            out.text(image.url()).count(image.position()).text(image.alt());
        }
        List<String> categories = sorted(product.categories(), Comparator.naturalOrder());
        out.count(categories.size());
        for (String category : categories) {
            out.text(category);
        }
        // Product and Variant keep their maps sorted by key already; iterating them is canonical.
        out.count(product.attributes().size());
        for (Map.Entry<String, List<String>> attribute : product.attributes().entrySet()) {
            out.text(attribute.getKey()).count(attribute.getValue().size());
            for (String value : attribute.getValue()) {
                out.text(value);
            }
        }
        List<Variant> variants = sorted(product.variants(), VARIANT_ORDER);
        out.count(variants.size());
        for (Variant variant : variants) {
            out.text(variant.id()).text(variant.sku()).count(variant.options().size());
            for (Map.Entry<String, String> option : variant.options().entrySet()) {
                out.text(option.getKey()).text(option.getValue());
            }
            out.money(variant.price()).money(variant.salePrice()).text(variant.imageUrl());
        }
        return out.digest();
    }

    /** The stock fingerprint (product and variant quantities and statuses), as 64 lower-case hex digits. */
    public static String stock(Product product) {
        Canonical out = new Canonical();
        out.stock(product.stock());
        List<Variant> variants = sorted(product.variants(), VARIANT_ORDER);
        out.count(variants.size());
        for (Variant variant : variants) {
            out.text(variant.id()).stock(variant.stock());
        }
        return out.digest();
    }

    /**
     * One short fingerprint (12 hex digits) per field a listing shows, by field name in a fixed order: {@code sku},
     * {@code title}, {@code description}, {@code short_description}, {@code price}, {@code sale_price},
     * {@code weight}, {@code images}, {@code categories}, {@code attributes}, {@code variants}. Stock is not among
     * them (see {@link #stock}). Kept with a written listing so that a dry run can name what changed since; the
     * content fingerprint, not these, decides whether a product changed.
     */
    public static Map<String, String> fields(Product product) {
        Map<String, String> fields = new LinkedHashMap<>();
        fields.put("sku", new Canonical().text(product.sku()).shortDigest());
        fields.put("title", new Canonical().text(product.title()).shortDigest());
        fields.put("description", new Canonical().text(product.descriptionHtml()).shortDigest());
        fields.put("short_description", new Canonical().text(product.shortDescriptionHtml()).shortDigest());
        fields.put("price", new Canonical().money(product.price()).shortDigest());
        fields.put("sale_price", new Canonical().money(product.salePrice()).shortDigest());
        fields.put("weight", new Canonical().text(product.weight()).shortDigest());
        Canonical images = new Canonical();
        List<Image> sortedImages = sorted(product.images(), IMAGE_ORDER);
        images.count(sortedImages.size());
        for (Image image : sortedImages) {
            images.text(image.url()).count(image.position()).text(image.alt());
        }
        fields.put("images", images.shortDigest());
        Canonical categories = new Canonical();
        List<String> sortedCategories = sorted(product.categories(), Comparator.naturalOrder());
        categories.count(sortedCategories.size());
        sortedCategories.forEach(categories::text);
        fields.put("categories", categories.shortDigest());
        Canonical attributes = new Canonical().count(product.attributes().size());
        for (Map.Entry<String, List<String>> attribute : product.attributes().entrySet()) {
            attributes.text(attribute.getKey()).count(attribute.getValue().size());
            attribute.getValue().forEach(attributes::text);
        }
        fields.put("attributes", attributes.shortDigest());
        Canonical variants = new Canonical();
        List<Variant> sortedVariants = sorted(product.variants(), VARIANT_ORDER);
        variants.count(sortedVariants.size());
        for (Variant variant : sortedVariants) {
            variants.text(variant.id()).text(variant.sku()).count(variant.options().size());
            for (Map.Entry<String, String> option : variant.options().entrySet()) {
                variants.text(option.getKey()).text(option.getValue());
            }
            variants.money(variant.price()).money(variant.salePrice()).text(variant.imageUrl());
        }
        fields.put("variants", variants.shortDigest());
        return fields;
    }

    /**
     * The fingerprint sent with a listing: content and stock together, because a marketplace may treat
     * an upsert whose fingerprint it already holds as unchanged, stock included.
     */
    public static String listing(String contentFingerprint, String stockFingerprint) {
        return new Canonical().text(contentFingerprint).text(stockFingerprint).digest();
    }

    private static <T> List<T> sorted(List<T> items, Comparator<? super T> order) {
        if (items.size() < 2) {
            return items;
        }
        List<T> copy = new ArrayList<>(items);
        copy.sort(order);
        return copy;
    }

    /** A SHA-256 fed with tagged, length-prefixed values. */
    private static final class Canonical {
        private final MessageDigest digest;
        private final byte[] lengthBuffer = new byte[5];

        Canonical() {
            try {
                digest = MessageDigest.getInstance("SHA-256");
            } catch (NoSuchAlgorithmException e) {
                throw new IllegalStateException("every JDK has SHA-256", e);
            }
        }

        Canonical text(@Nullable String value) {
            if (value == null) {
                digest.update((byte) 'N');
                return this;
            }
            byte[] bytes = value.getBytes(StandardCharsets.UTF_8);
            digest.update((byte) 'S');
            length(bytes.length);
            digest.update(bytes);
            return this;
        }

        Canonical count(int value) {
            digest.update((byte) 'I');
            length(value);
            return this;
        }

        Canonical money(@Nullable Money money) {
            if (money == null) {
                digest.update((byte) 'N');
                return this;
            }
            BigDecimal amount = money.amount();
            String plain = amount.signum() == 0 ? "0" : amount.stripTrailingZeros().toPlainString();
            digest.update((byte) 'M');
            return text(plain).text(money.currency().getCurrencyCode());
        }

        Canonical stock(StockLevel stock) {
            digest.update((byte) 'K');
            if (stock.quantity() == null) {
                digest.update((byte) 'N');
            } else {
                count(stock.quantity());
            }
            return text(stock.status().name());
        }

        private void length(int value) {
            lengthBuffer[0] = (byte) (value >>> 24);
            lengthBuffer[1] = (byte) (value >>> 16);
            lengthBuffer[2] = (byte) (value >>> 8);
            lengthBuffer[3] = (byte) value;
            lengthBuffer[4] = ';';
            digest.update(lengthBuffer);
        }

        String digest() {
            return HEX.formatHex(digest.digest());
        }

        /** The first 6 bytes of the digest, as 12 hex digits: enough to tell a field's change, small to keep. */
        String shortDigest() {
            return HEX.formatHex(digest.digest(), 0, 6);
        }
    }
}
