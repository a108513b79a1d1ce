/**
 * The connector TCK: the SPI's contract as JUnit 5 checks a connector author runs in a few lines.
 *
 * <p>Add {@code com.golisto.sync:connector-tck} as a test dependency, write a fixture for the connector's remote (an
 * emulator or a sandbox account) and extend the contract of the connector's role:
 *
 * <pre>{@code
 * class CsvShopConnectorTckTest extends ShopConnectorContract {
 *     @Override
 *     protected ShopFixture createFixture() throws Exception {
 *         return new CsvShopFixture(Files.createTempDirectory("tck"));
 *     }
 * }
 *
 * final class CsvShopFixture implements ShopFixture {
 *     private final MutableClock clock = ...;
 *     private final TckContext context = new TckContext(clock, clock::advance)
 *             .withSecret(StoreSecrets.WEBHOOK_SECRET, "whsec-0123456789abcdef0123456789");
 *     public ConnectorProvider provider() { return new CsvShopConnectorProvider(); }
 *     public Map<String, String> settings() { return Map.of("folder", dir.toString(), "page-size", "2"); }
 *     public ConnectorContext context() { return context; }
 *     public String addProduct(String title, String price, int stock) { ... write a CSV row, return its id ... }
 *     ...
 * }
 * }</pre>
 *
 * <p>Every check runs on a fresh fixture and connector; checks of capabilities the connector's descriptor does not
 * declare are skipped with a reason naming the capability. {@code docs/tck.md} lists what each check proves.
 */
@NullMarked
package com.golisto.sync.tck;

import org.jspecify.annotations.NullMarked;
